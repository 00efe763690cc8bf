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
        guard let line = reader.next() else { return nil }
        let origin = RecordOrigin(file: file, line: line.lineNumber)
        switch line.result {
        case .failure(let error):
            return .error(RecordError(origin: origin, column: error.column, message: error.message))
        case .success(let value):
            do {
                return .record(try Record(json: value, origin: origin))
            } catch {
                return .error(error)
            }
        }
    }
}
