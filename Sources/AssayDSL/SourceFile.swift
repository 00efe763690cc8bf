/// A rule or vocabulary file held in memory, with the line table needed to turn byte offsets into
/// `line:column` positions. Offsets inside the DSL are UTF-8 byte offsets; columns are 1-based Unicode
/// scalar columns, converted only when a diagnostic is rendered.
public final class SourceFile: Sendable {
    /// The path as the user gave it (shown in diagnostics).
    public let path: String
    /// The file's text.
    public let text: String
    /// The file's bytes (UTF-8 unless the file was created from raw bytes that are not).
    public let bytes: [UInt8]
    /// Byte offset of the first byte of every line.
    let lineStarts: [Int]

    /// Creates a source file from its path and text.
    public convenience init(path: String, text: String) {
        self.init(path: path, text: text, bytes: Array(text.utf8))
    }

    /// Creates a source file from its path and raw bytes, which need not be valid UTF-8: offsets and
    /// positions refer to these bytes, and `text` is their decoding with U+FFFD for invalid sequences.
    public convenience init(path: String, bytes: [UInt8]) {
        self.init(path: path, text: String(decoding: bytes, as: UTF8.self), bytes: bytes)
    }

    private init(path: String, text: String, bytes: [UInt8]) {
        self.path = path
        self.text = text
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and scalar column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            // Count scalars: continuation bytes (10xxxxxx) do not start a scalar.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

/// A byte range inside a source file.
public struct SourceSpan: Sendable, Hashable {
    /// The file the span belongs to.
    public let file: SourceFile
    /// UTF-8 byte range.
    public let range: Range<Int>

    /// Creates a span.
    public init(file: SourceFile, range: Range<Int>) {
        self.file = file
        self.range = range
    }

    /// `path:line:col` of the span's start.
    public var description: String {
        let position = file.position(of: range.lowerBound)
        return "\(file.path):\(position.line):\(position.column)"
    }

    /// A span from this span's start to another's end.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, range: range.lowerBound..<max(range.lowerBound, other.range.upperBound))
    }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.range == rhs.range
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
    }
}

/// A value together with the source span it was written at.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public let value: Value
    /// Where it was written.
    public let span: SourceSpan

    /// Creates a located value.
    public init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        self.span = span
    }
}
