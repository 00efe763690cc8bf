import AssayCSV

/// A CSV header row: column lookup by name (case-insensitive) and the location of a row's cells.
struct CSVHeader {
    let names: [String]
    private let index: [String: Int]

    init(_ row: CSVRow) {
        names = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name.lowercased()] == nil {
            index[name.lowercased()] = position
        }
        self.index = index
    }

    /// The column's position, if the header has it.
    func position(_ name: String) -> Int? { index[name.lowercased()] }

    /// The cell of a row under a column name; nil when the column is absent or the cell empty.
    func value(_ name: String, in row: CSVRow) -> String? {
        guard let position = position(name), position < row.fields.count else { return nil }
        let value = row.fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// Where a cell starts: the physical line of the field and its 1-based column number.
    func origin(_ name: String, in row: CSVRow, file: String) -> RecordOrigin? {
        guard let position = position(name), position < row.fields.count else { return nil }
        let line = position < row.fieldLines.count ? row.fieldLines[position] : row.line
        return RecordOrigin(file: file, line: line, column: position + 1)
    }

    /// A header name as a field key: `Variant SKU` → `variant_sku`.
    static func key(_ name: String) -> String {
        var key = ""
        var lastWasSeparator = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
                lastWasSeparator = false
            } else if !lastWasSeparator, !key.isEmpty {
                key += "_"
                lastWasSeparator = true
            }
        }
        while key.hasSuffix("_") { key.removeLast() }
        return key
    }
}
