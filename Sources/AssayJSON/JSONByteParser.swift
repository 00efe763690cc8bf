/// The iterative parser behind ``JSONParser``: an explicit stack of open
/// containers instead of recursion, values of open containers on one flat stack.
struct JSONByteParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var position = 0
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    private struct Frame {
        let isObject: Bool
        let valueStart: Int
        let keyStart: Int
    }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private func error(_ message: String, at offset: Int) -> JSONParseError {
        JSONParseError.at(offset, in: bytes, message)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        position = JSONByteRuns.endOfWhitespace(bytes, from: position)
    }

    /// Parses the whole input as one value followed only by whitespace.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected \(describe(at: position)) after the JSON value", at: position)
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var values: [JSONValue] = []
        var keys: [String] = []
        var frames: [Frame] = []

        while true {
            // State: a value is expected at `position`.
            skipWhitespace()
            guard position < bytes.count else {
                throw error(
                    frames.isEmpty
                        ? "expected a JSON value, found end of input" : "unexpected end of input, expected a value",
                    at: position)
            }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "{"):
                let open = position
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    guard frames.count < maxDepth else {
                        throw error("nesting deeper than \(maxDepth) levels", at: open)
                    }
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    keys.append(try parseKey(afterComma: false))
                    continue
                }
            case UInt8(ascii: "["):
                let open = position
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    guard frames.count < maxDepth else {
                        throw error("nesting deeper than \(maxDepth) levels", at: open)
                    }
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "'"):
                throw error("strings must use double quotes, not single quotes", at: position)
            case UInt8(ascii: "]") where !frames.isEmpty && !frames[frames.count - 1].isObject:
                throw error("trailing comma is not allowed before ']'", at: position)
            default:
                throw error("expected a JSON value, found \(describe(at: position))", at: position)
            }

            // State: `value` is complete; attach it to the open containers.
            while let frame = frames.last {
                values.append(value)
                skipWhitespace()
                guard position < bytes.count else {
                    throw error(
                        frame.isObject
                            ? "unexpected end of input, expected ',' or '}' after object member"
                            : "unexpected end of input, expected ',' or ']' after array element",
                        at: position)
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if frame.isObject { keys.append(try parseKey(afterComma: true)) }
                    break
                }
                if frame.isObject {
                    guard byte == UInt8(ascii: "}") else {
                        throw error("expected ',' or '}' after object member", at: position)
                    }
                    position += 1
                    var entries: [JSONObject.Entry] = []
                    entries.reserveCapacity(values.count - frame.valueStart)
                    for index in 0..<(values.count - frame.valueStart) {
                        entries.append(
                            .init(key: keys[frame.keyStart + index], value: values[frame.valueStart + index]))
                    }
                    values.removeSubrange(frame.valueStart...)
                    keys.removeSubrange(frame.keyStart...)
                    value = .object(JSONObject(entries))
                } else {
                    guard byte == UInt8(ascii: "]") else {
                        throw error("expected ',' or ']' after array element", at: position)
                    }
                    position += 1
                    let elements = Array(values[frame.valueStart...])
                    values.removeSubrange(frame.valueStart...)
                    value = .array(elements)
                }
                frames.removeLast()
            }
            if frames.isEmpty { return value }
        }
    }

    /// Parses `"key" :` (whitespace allowed around the colon).
    private mutating func parseKey(afterComma: Bool) throws(JSONParseError) -> String {
        skipWhitespace()
        guard position < bytes.count else {
            throw error("unexpected end of input, expected a string key", at: position)
        }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            break
        case UInt8(ascii: "}") where afterComma:
            throw error("trailing comma is not allowed before '}'", at: position)
        case UInt8(ascii: "'"):
            throw error("object keys must use double quotes, not single quotes", at: position)
        default:
            throw error("expected a string key, found \(describe(at: position))", at: position)
        }
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw error("expected ':' after object key", at: position)
        }
        position += 1
        return key
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for k in 0..<count where position + k >= bytes.count || bytes[position + k] != text[k] {
            throw error("invalid literal, expected '\(literal)'", at: position)
        }
        position += count
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        switch JSONNumberSyntax.scan(bytes, from: position) {
        case .error(let message, let offset):
            throw error(message, at: offset)
        case .number(let end):
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
            position = end
            return JSONNumber(validatedText: text)
        }
    }

    /// Decodes the string whose opening quote is at `open`, validated exactly as in a document: its text
    /// (escapes decoded) and the offset just past its closing quote.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int) throws(JSONParseError) -> (text: String, end: Int) {
        var parser = JSONByteParser(bytes: bytes, maxDepth: 0)
        parser.position = open
        let text = try parser.parseString()
        return (text, parser.position)
    }

    /// Parses a string whose opening quote is at `position`.
    private mutating func parseString() throws(JSONParseError) -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes. Plain ASCII is passed over eight bytes at a time and three-byte scalars of
        // U+1000–U+CFFF and U+E000–U+FFFF (CJK and full-width punctuation among them) in a loop of their own;
        // everything else one scalar at a time.
        while position < bytes.count {
            position = JSONByteRuns.endOfPlainASCII(bytes, from: position)
            position = JSONByteRuns.endOfCommonThreeByteScalars(bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try advanceOverPlainByte(byte)
        }
        if position >= bytes.count { throw error("unterminated string", at: open) }
        // Slow path: escapes present.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try appendEscape()
            } else {
                let runStart = position
                try advanceOverPlainByte(byte)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            }
        }
        throw error("unterminated string", at: open)
    }

    /// Moves past one unescaped scalar in a string, validating it.
    @inline(__always)
    private mutating func advanceOverPlainByte(_ byte: UInt8) throws(JSONParseError) {
        if byte < 0x20 {
            throw error("unescaped control character \(hex(UInt32(byte))) in string", at: position)
        }
        if byte < 0x80 {
            position += 1
            return
        }
        guard let length = UTF8Sequence.length(in: bytes, at: position) else {
            throw error("invalid UTF-8 byte 0x\(hexDigits(UInt32(byte), width: 2))", at: position)
        }
        position += length
    }

    /// Decodes the escape sequence whose backslash is at `position` into `scratch`.
    private mutating func appendEscape() throws(JSONParseError) {
        let backslash = position
        guard position + 1 < bytes.count else { throw error("unterminated escape sequence", at: backslash) }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let first = try hex4(at: position, escapeAt: backslash)
            position += 4
            var scalar = first
            if (0xDC00...0xDFFF).contains(first) {
                throw error("lone low surrogate \\u\(hexDigits(first, width: 4)) in \\u escape", at: backslash)
            }
            if (0xD800...0xDBFF).contains(first) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        "lone high surrogate \\u\(hexDigits(first, width: 4)) not followed by a low surrogate",
                        at: backslash)
                }
                let second = try hex4(at: position + 2, escapeAt: position)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error(
                        "lone high surrogate \\u\(hexDigits(first, width: 4)) not followed by a low surrogate",
                        at: backslash)
                }
                position += 6
                scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape sequence '\\\(describeEscape(kind))'", at: backslash)
        }
    }

    private func hex4(at offset: Int, escapeAt backslash: Int) throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else {
            throw error("invalid \\u escape: expected 4 hex digits", at: backslash)
        }
        var value: UInt32 = 0
        for k in 0..<4 {
            let byte = bytes[offset + k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", at: backslash)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// A short human description of the byte at `offset` for error messages.
    private func describe(at offset: Int) -> String {
        let byte = bytes[offset]
        switch byte {
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...:
            if let length = UTF8Sequence.length(in: bytes, at: offset) {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
                return "'\(text)'"
            }
            return "invalid UTF-8 byte 0x\(hexDigits(UInt32(byte), width: 2))"
        default: return "control character \(hex(UInt32(byte)))"
        }
    }

    private func describeEscape(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : hex(UInt32(byte))
    }

    private func hex(_ value: UInt32) -> String { "U+" + hexDigits(value, width: 4) }

    private func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
    }
}
