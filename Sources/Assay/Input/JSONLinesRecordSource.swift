import AssayJSON

/// Canonical records from JSON Lines: one JSON object per line.
public struct JSONLinesRecordSource: RecordSource {
    private var reader: JSONLinesReader
    private let file: String

    /// Reads from a path (`-` for standard input); `label` names it in locations.
    public init(path: String, label: String? = nil) throws {
        reader = try JSONLinesReader(path: path)
        file = label ?? path
    }

    /// Reads from bytes in memory.
    public init(bytes: [UInt8], name: String) {
        reader = JSONLinesReader(bytes: bytes)
        file = name
    }

    public mutating func next() -> RecordEvent? {
        nextPending()?.resolve()
    }

    /// The next line, left unparsed so that a parallel check can parse it on a worker.
    public mutating func nextPending() -> PendingRecord? {
        guard let line = reader.nextRaw() else { return nil }
        return .jsonLine(RawJSONLine(raw: line, file: file, maxDepth: reader.maxDepth))
    }
}
