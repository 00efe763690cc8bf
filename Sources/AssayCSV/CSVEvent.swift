/// One item from a ``CSVReader``: a row, or an error standing in for the row
/// (or rows) that could not be read. Reading goes on after an error.
public enum CSVEvent: Sendable, Equatable {
    /// A well-formed row.
    case row(CSVRow)
    /// A malformed part of the input; see ``CSVReader`` for how reading resumes.
    case error(CSVError)
}
