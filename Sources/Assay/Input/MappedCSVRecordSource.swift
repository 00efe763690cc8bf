import AssayCSV

/// Records from any CSV layout through a user-supplied `FieldMapping` (Amazon flat files, Meta catalogs,
/// marketplace exports): one record per row.
public struct MappedCSVRecordSource: RecordSource {
    private var reader: CSVReader
    private let file: String
    private let options: InputOptions
    private let mapping: FieldMapping
    private var header: CSVHeader?

    /// Reads rows from a CSV reader with a mapping.
    public init(reader: CSVReader, file: String, mapping: FieldMapping, options: InputOptions) {
        self.reader = reader
        self.file = file
        self.mapping = mapping
        self.options = options
    }

    public mutating func next() -> RecordEvent? {
        while let event = reader.next() {
            switch event {
            case .error(let error):
                return .error(RecordError(origin: RecordOrigin(file: file, line: error.line), column: error.column, message: error.message))
            case .row(let row):
                guard let header else {
                    let header = CSVHeader(row)
                    self.header = header
                    if let missing = Self.missingColumns(mapping, header).first {
                        return .error(RecordError(
                            origin: RecordOrigin(file: file, line: row.line),
                            message: "the mapping names column '\(missing)', which the header does not have (columns: \(header.names.joined(separator: ", ")))"))
                    }
                    continue
                }
                var builder = CanonicalRecordBuilder()
                MappedRecord.apply(mapping, to: &builder) { name in
                    header.value(name, in: row).map { ($0, header.origin(name, in: row, file: file)) }
                }
                options.applyDefaults(to: &builder)
                return builder.build(kind: MappedRecord.kind(mapping), origin: RecordOrigin(file: file, line: row.line))
            }
        }
        return nil
    }

    static func missingColumns(_ mapping: FieldMapping, _ header: CSVHeader) -> [String] {
        mapping.assignments.flatMap { assignment -> [String] in
            switch assignment.source {
            case .column(let name): return header.position(name) == nil ? [name] : []
            case .columns(let names): return names.filter { header.position($0) == nil }
            case .constant: return []
            }
        }
    }
}
