/// Why part of a CSV input could not be read: a malformed row, a field over a
/// size limit, invalid UTF-8, or a file that cannot be opened or read.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line the problem is reported on: for a bad field, the line
    /// on which that field starts. `0` when the file could not be opened at all.
    public let line: Int
    /// 1-based field number within the row (the spreadsheet column), when the
    /// problem belongs to one field.
    public let column: Int?
    /// What went wrong, in words for a person.
    public let message: String

    /// Creates an error.
    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, field C: MESSAGE` (or `line L: MESSAGE`, or just the message for line 0).
    public var description: String {
        if line == 0 { return message }
        if let column { return "line \(line), field \(column): \(message)" }
        return "line \(line): \(message)"
    }
}
