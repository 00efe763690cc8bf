/// Turns a rule file into tokens. Errors (stray characters, unterminated strings) are reported into the
/// diagnostic bag and lexing goes on, so one run reports every problem.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var index = 0

    /// Creates a lexer over a source file.
    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// Lexes the whole file. The last token is always `.endOfFile`.
    public mutating func tokenize(into diagnostics: inout DiagnosticBag) -> [Token] {
        var tokens: [Token] = []
        while true {
            skipTrivia()
            guard index < bytes.count else { break }
            if let token = lexToken(&diagnostics) { tokens.append(token) }
        }
        tokens.append(Token(kind: .endOfFile, span: span(bytes.count, bytes.count)))
        return tokens
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: file, range: start..<end)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipTrivia() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                skipToEndOfLine()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipToEndOfLine()
            default:
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
    }

    private mutating func lexToken(_ diagnostics: inout DiagnosticBag) -> Token? {
        let start = index
        let byte = bytes[index]
        func single(_ kind: Token.Kind, length: Int = 1) -> Token {
            index += length
            return Token(kind: kind, span: span(start, index))
        }
        switch byte {
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: ">") { return single(.arrow, length: 2) }
            if peek(1) == UInt8(ascii: "=") { return single(.equalEqual, length: 2) }
            return single(.equals)
        case UInt8(ascii: "<"):
            return peek(1) == UInt8(ascii: "=") ? single(.lessEqual, length: 2) : single(.less)
        case UInt8(ascii: ">"):
            return peek(1) == UInt8(ascii: "=") ? single(.greaterEqual, length: 2) : single(.greater)
        case UInt8(ascii: "!") where peek(1) == UInt8(ascii: "="):
            return single(.notEqual, length: 2)
        case UInt8(ascii: "\""):
            return lexString(start: start, raw: false, hashes: 0, &diagnostics)
        case UInt8(ascii: "r") where peek(1) == UInt8(ascii: "\"") || peek(1) == UInt8(ascii: "#"):
            var hashes = 0
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") {
                hashes += 1
                cursor += 1
            }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
                index = cursor
                return lexString(start: start, raw: true, hashes: hashes, &diagnostics)
            }
            return lexIdentifier(start: start)
        case UInt8(ascii: "-") where peek(1).map(isDigit) ?? false:
            return lexNumber(start: start, &diagnostics)
        default:
            if isDigit(byte) { return lexNumber(start: start, &diagnostics) }
            if isIdentifierStart(byte) { return lexIdentifier(start: start) }
            // Skip one whole scalar so the caret points at it and lexing resumes cleanly.
            index += 1
            while let next = peek(), next & 0xC0 == 0x80 { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            diagnostics.report(.unexpectedCharacter, "unexpected character '\(text)'", at: span(start, index))
            return nil
        }
    }

    private mutating func lexIdentifier(start: Int) -> Token {
        index += 1
        while let byte = peek() {
            if isIdentifierContinue(byte) {
                index += 1
            } else if byte == UInt8(ascii: "."), let next = peek(1), isIdentifierContinue(next) {
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return Token(kind: .identifier(text), span: span(start, index))
    }

    private mutating func lexNumber(start: Int, _ diagnostics: inout DiagnosticBag) -> Token {
        // Dates: NNNN-NN-NN.
        if start + 10 <= bytes.count, bytes[start] != UInt8(ascii: "-") {
            let candidate = bytes[start..<start + 10]
            let shape = candidate.enumerated().allSatisfy { offset, byte in
                offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : isDigit(byte)
            }
            let followedByWord = start + 10 < bytes.count && isIdentifierContinue(bytes[start + 10])
            if shape, !followedByWord {
                index = start + 10
                let text = String(decoding: candidate, as: UTF8.self)
                if !Self.isValidDate(text) {
                    diagnostics.report(.invalidLiteral, "invalid date '\(text)'", at: span(start, index))
                }
                return Token(kind: .date(text), span: span(start, index))
            }
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        while let byte = peek(), isDigit(byte) || byte == UInt8(ascii: "_") { index += 1 }
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            index += 1
            while let byte = peek(), isDigit(byte) || byte == UInt8(ascii: "_") { index += 1 }
        }
        // A number glued to letters ("12abc") is one bad token, not two.
        var bad = false
        while let byte = peek(), isIdentifierContinue(byte) {
            index += 1
            bad = true
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        let digits = text.split(separator: "_", omittingEmptySubsequences: false).joined()
        guard !bad, let value = Double(digits) else {
            diagnostics.report(.invalidLiteral, "invalid number '\(text)'", at: span(start, index))
            return Token(kind: .number(0, text: text), span: span(start, index))
        }
        return Token(kind: .number(value, text: digits), span: span(start, index))
    }

    private mutating func lexString(
        start: Int, raw: Bool, hashes: Int, _ diagnostics: inout DiagnosticBag
    ) -> Token {
        index += 1  // opening quote
        var value: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var closing = 0
                while closing < hashes, index + 1 + closing < bytes.count,
                    bytes[index + 1 + closing] == UInt8(ascii: "#")
                {
                    closing += 1
                }
                if closing == hashes {
                    index += 1 + hashes
                    return Token(kind: .string(String(decoding: value, as: UTF8.self)), span: span(start, index))
                }
                value.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), !raw {
                let escapeStart = index
                index += 1
                guard let escaped = peek() else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):
                    index += 1
                    let hexStart = index
                    while let h = peek(), h != UInt8(ascii: "}"), index - hexStart < 8 { index += 1 }
                    let hex = String(decoding: bytes[hexStart..<index], as: UTF8.self)
                    if peek() == UInt8(ascii: "}") { index += 1 }
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        value.append(contentsOf: Array(String(scalar).utf8))
                    } else {
                        diagnostics.report(
                            .invalidLiteral, "invalid unicode escape '\\u{\(hex)}'",
                            at: span(escapeStart, index))
                    }
                default:
                    let text = String(decoding: bytes[escapeStart..<index], as: UTF8.self)
                    diagnostics.report(
                        .invalidLiteral, "unknown escape '\(text)' (use \\\\, \\\", \\n, \\t, \\r or \\u{…})",
                        at: span(escapeStart, index))
                }
                continue
            }
            value.append(byte)
            index += 1
        }
        diagnostics.report(
            .unterminatedString, "unterminated string", at: span(start, min(index, bytes.count)),
            notes: raw && hashes > 0 ? ["a raw string r\(String(repeating: "#", count: hashes))\"…\" must end with \"\(String(repeating: "#", count: hashes))"] : [])
        return Token(kind: .string(String(decoding: value, as: UTF8.self)), span: span(start, index))
    }

    static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
}

@inline(__always) func isIdentifierContinue(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-")
}
