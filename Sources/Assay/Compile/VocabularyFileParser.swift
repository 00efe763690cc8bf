import AssayDSL

/// Reads a vocabulary file: one term per line, `#` comment lines and blank lines ignored,
/// `alias => canonical` mapping a nickname onto one name. Returns the terms with their spans, so
/// problems in the file are reported as `file:line:col` like problems in rule files.
///
/// The file must be UTF-8 text. A line holding invalid UTF-8 or a control character (NUL, ESC … — tab
/// and a final carriage return are fine) is an A107 error at the first bad byte, never repaired into a
/// term that could not match; such lines give no term.
enum VocabularyFileParser {
    /// Lines with bad bytes reported one by one; past this, one more diagnostic counts the rest.
    static let maxReportedLines = 10

    /// The terms of a vocabulary file, and the errors found in it.
    struct Result {
        var terms: [TermDecl] = []
        var diagnostics: [Diagnostic] = []
    }

    static func parse(_ file: SourceFile) -> Result {
        var result = Result()
        var badLines = 0
        var firstUnreported: SourceSpan?
        let bytes = file.bytes
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var start = lineStart
            var end = lineEnd
            // Strip a UTF-8 BOM on the first line, then surrounding white space.
            if start == 0, end - start >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            if let (offset, problem) = firstBadByte(bytes, start..<end) {
                badLines += 1
                let span = SourceSpan(file: file, range: offset..<offset + 1)
                if badLines <= maxReportedLines {
                    result.diagnostics.append(
                        Diagnostic(
                            .unreadableFile,
                            "vocabulary file is not UTF-8 text: \(problem) at byte offset \(offset)",
                            at: span, notes: ["the line gives no term; fix the file's encoding or remove the byte"]))
                } else if firstUnreported == nil {
                    firstUnreported = span
                }
                lineStart = lineEnd + 1
                continue
            }
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start < end, bytes[start] != UInt8(ascii: "#") {
                result.terms.append(term(in: file, start, end))
            }
            lineStart = lineEnd + 1
        }
        if let firstUnreported {
            let more = badLines - maxReportedLines
            result.diagnostics.append(
                Diagnostic(
                    .unreadableFile,
                    "vocabulary file has \(more) more line\(more == 1 ? "" : "s") that \(more == 1 ? "is" : "are") not UTF-8 text, the first here",
                    at: firstUnreported))
        }
        return result
    }

    /// The offset of the first byte in `range` that is not part of UTF-8 text (an invalid sequence, or a
    /// control character other than tab and a line-ending carriage return), with what is wrong with it.
    static func firstBadByte(_ bytes: [UInt8], _ range: Range<Int>) -> (Int, String)? {
        var offset = range.lowerBound
        var iterator = bytes[range].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                let isFinalCarriageReturn = scalar == "\r" && offset + 1 == range.upperBound
                if Self.isControl(scalar.value), !isFinalCarriageReturn {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    let name = scalar.value == 0 ? "NUL byte (U+0000)" : "control character U+\(String(repeating: "0", count: 4 - code.count))\(code)"
                    return (offset, name)
                }
                offset += encoded.count
            case .error(let length):
                let shown = bytes[offset..<min(offset + length, range.upperBound)]
                    .map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                return (offset, "invalid UTF-8 (\(shown))")
            case .emptyInput:
                return nil
            }
        }
    }

    /// C0 controls but tab, DEL and C1 controls.
    private static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }

    private static func term(in file: SourceFile, _ start: Int, _ end: Int) -> TermDecl {
        let bytes = file.bytes
        // Find " => " (the arrow may have no spaces around it).
        var arrow: Int?
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: ">") {
                arrow = index
                break
            }
            index += 1
        }
        guard let arrow else {
            return TermDecl(text: located(file, start, end), canonical: nil)
        }
        var aliasEnd = arrow
        while aliasEnd > start, isSpace(bytes[aliasEnd - 1]) { aliasEnd -= 1 }
        var canonicalStart = arrow + 2
        while canonicalStart < end, isSpace(bytes[canonicalStart]) { canonicalStart += 1 }
        return TermDecl(text: located(file, start, aliasEnd), canonical: located(file, canonicalStart, end))
    }

    private static func located(_ file: SourceFile, _ start: Int, _ end: Int) -> Located<String> {
        Located(String(decoding: file.bytes[start..<end], as: UTF8.self), SourceSpan(file: file, range: start..<end))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
