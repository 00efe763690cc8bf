import AssayDSL

/// Reads a vocabulary file: one term per line, `#` comment lines and blank lines ignored,
/// `alias => canonical` mapping a nickname onto one name. Returns the terms with their spans, so
/// problems in the file are reported as `file:line:col` like problems in rule files.
enum VocabularyFileParser {
    static func parse(_ file: SourceFile) -> [TermDecl] {
        var terms: [TermDecl] = []
        let bytes = file.bytes
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var start = lineStart
            var end = lineEnd
            // Strip a UTF-8 BOM on the first line, then surrounding white space.
            if start == 0, end - start >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start < end, bytes[start] != UInt8(ascii: "#") {
                terms.append(term(in: file, start, end))
            }
            lineStart = lineEnd + 1
        }
        return terms
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
