/// What a record source yields: a canonical record, or an input error at a location.
public enum RecordEvent: Sendable {
    case record(Record)
    case error(RecordError)
}

/// A stream of canonical records read from one input (JSON Lines, a JSON array, a CSV export, an XML
/// feed …). Sources stream: they hold one record (or one group of variant rows) at a time, never a file.
public protocol RecordSource {
    /// The next record or input error; nil at the end of the input.
    mutating func next() -> RecordEvent?
    /// The next event, possibly not yet decoded (see ``PendingRecord``); nil at the end of the input.
    mutating func nextPending() -> PendingRecord?
}
