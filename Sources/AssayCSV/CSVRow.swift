/// One record of a CSV file: its fields, decoded as UTF-8, and where each came from.
///
/// Field counts are not checked against the header here; a row may have more or
/// fewer fields than the first row, and the mapping layer decides what that means.
public struct CSVRow: Sendable, Equatable {
    /// The field values in order. Quotes are removed, `""` inside a quoted field
    /// became `"`, and a newline inside a quoted field (CR, LF or CRLF) became `\n`.
    public let fields: [String]
    /// Physical 1-based line on which each field starts (a quoted field may span lines).
    public let fieldLines: [Int]
    /// Physical line on which the row starts.
    public let line: Int

    /// Creates a row; `fieldLines` must have one entry per field.
    public init(fields: [String], fieldLines: [Int], line: Int) {
        precondition(fields.count == fieldLines.count, "one line number per field")
        self.fields = fields
        self.fieldLines = fieldLines
        self.line = line
    }
}
