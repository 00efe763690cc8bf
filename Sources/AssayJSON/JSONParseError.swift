/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, e.g. `expected ',' or '}' after object member`.
    public let message: String
    /// Offset of the offending byte in the parsed bytes (for ``JSONLinesReader``
    /// results: within the line, after any BOM and before CR stripping matters).
    public let byteOffset: Int
    /// 1-based line (for ``JSONLinesReader`` results: the line number in the file).
    public let line: Int
    /// 1-based column counted in Unicode scalars.
    public let column: Int

    /// Creates an error.
    public init(message: String, byteOffset: Int, line: Int, column: Int) {
        self.message = message
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }

    /// An error located at `offset` in `bytes`, with line and column computed from it.
    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ message: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        let clamped = min(max(offset, 0), bytes.count)
        for i in 0..<clamped where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<clamped where bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        return JSONParseError(message: message, byteOffset: offset, line: line, column: column)
    }

    /// The same error moved to `line` (used by the JSON Lines reader).
    func onLine(_ line: Int) -> JSONParseError {
        JSONParseError(message: message, byteOffset: byteOffset, line: line, column: column)
    }
}
