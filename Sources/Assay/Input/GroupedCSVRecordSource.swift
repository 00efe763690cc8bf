import AssayCSV

/// How a CSV export layout groups rows into records (Shopify: rows sharing a Handle; WooCommerce:
/// variations following their parent) and turns a group into a canonical record.
protocol CSVRowGrouping {
    /// True when `row` continues the group that starts with `first`.
    func continues(_ row: CSVRow, groupStartingWith first: CSVRow, header: CSVHeader) -> Bool
    /// The record for a finished group.
    func record(_ group: [CSVRow], header: CSVHeader, file: String, options: InputOptions) -> RecordEvent
}

/// Streams a CSV export whose records span several rows: one group of rows is held at a time, a record
/// is emitted when the next row starts a new group, and CSV errors pass through with their lines.
struct GroupedCSVRecordSource<Grouping: CSVRowGrouping>: RecordSource {
    private var reader: CSVReader
    private let file: String
    private let options: InputOptions
    private let grouping: Grouping
    private var header: CSVHeader?
    private var group: [CSVRow] = []
    private var pending: [RecordEvent] = []
    private var finished = false

    init(reader: CSVReader, file: String, options: InputOptions, grouping: Grouping) {
        self.reader = reader
        self.file = file
        self.options = options
        self.grouping = grouping
    }

    mutating func next() -> RecordEvent? {
        while pending.isEmpty, !finished {
            guard let event = reader.next() else {
                finished = true
                flush()
                break
            }
            switch event {
            case .error(let error):
                pending.append(.error(RecordError(origin: RecordOrigin(file: file, line: error.line), column: error.column, message: error.message)))
            case .row(let row):
                guard let header else {
                    header = CSVHeader(row)
                    continue
                }
                if let first = group.first, grouping.continues(row, groupStartingWith: first, header: header) {
                    group.append(row)
                    continue
                }
                flush()
                group = [row]
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private mutating func flush() {
        guard let header, !group.isEmpty else { return }
        pending.append(grouping.record(group, header: header, file: file, options: options))
        group.removeAll()
    }
}
