// Fuzz target: the RFC 4180 CSV reader and the three CSV record sources (Shopify, WooCommerce, mapped).
// Asserts: rows carry one line per field, lines never decrease and stay within the input; every source
// accounts for every row — records + errors match what the reader produced (nothing silently dropped),
// record lines lie within the input.
import Assay
import AssayCSV

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // A line can end in \n, \r\n or a lone \r; count generously.
    let maxLine = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }

    var rows: [CSVRow] = []
    var readerErrors = 0
    var lastLine = 0
    for event in CSVReader(bytes: bytes) {
        switch event {
        case .row(let row):
            if row.fields.count != row.fieldLines.count { fatalError("fields/fieldLines mismatch") }
            if row.line < lastLine || row.line < 1 || row.line > maxLine {
                fatalError("row line \(row.line) after \(lastLine) (max \(maxLine))")
            }
            for (index, line) in row.fieldLines.enumerated() {
                if line < row.line || line > maxLine || (index > 0 && line < row.fieldLines[index - 1]) {
                    fatalError("field \(index) line \(line) in row at line \(row.line) (max \(maxLine))")
                }
            }
            lastLine = row.line
            rows.append(row)
        case .error(let error):
            if error.line < 0 || error.line > maxLine { fatalError("error line \(error.line) (max \(maxLine)): \(error)") }
            readerErrors += 1
        }
        if rows.count + readerErrors > bytes.count + 1 { fatalError("more CSV events than input bytes") }
    }

    let options = InputOptions(defaultMarket: "CN", defaultCurrency: "CNY")
    let dataRows = max(0, rows.count - 1)

    var shopify = ShopifyRecordSource(reader: CSVReader(bytes: bytes), file: "f.csv", options: options)
    let s = drain(&shopify, maxLine: maxLine, "Shopify")
    checkGrouped(s, dataRows: dataRows, readerErrors: readerErrors, "Shopify")

    var woo = WooCommerceRecordSource(reader: CSVReader(bytes: bytes), file: "f.csv", options: options)
    let w = drain(&woo, maxLine: maxLine, "WooCommerce")
    checkGrouped(w, dataRows: dataRows, readerErrors: readerErrors, "WooCommerce")

    // A mapping built from the header itself, so mapped columns exist (plus one constant).
    var mapping = FieldMapping()
    try? mapping.add("kind = \"listing\"")
    if let header = rows.first {
        for (field, column) in zip(["id", "title", "description", "price", "bullets"], header.fields) {
            try? mapping.add("\(field) = \(column)")
        }
    }
    var mapped = MappedCSVRecordSource(reader: CSVReader(bytes: bytes), file: "f.csv", mapping: mapping, options: options)
    let m = drain(&mapped, maxLine: maxLine, "mapped")
    // One record per data row; the header may add one error (a mapped column missing).
    if m.records > dataRows || m.records + m.errors < dataRows + readerErrors
        || m.records + m.errors > dataRows + readerErrors + 1
    {
        fatalError("mapped: \(m.records) records + \(m.errors) errors for \(dataRows) rows + \(readerErrors) reader errors")
    }
    return 0
}

func drain<S: RecordSource>(_ source: inout S, maxLine: Int, _ name: String) -> (records: Int, errors: Int) {
    var records = 0
    var errors = 0
    while let event = source.next() {
        switch event {
        case .record(let record):
            if record.origin.line < 1 || record.origin.line > maxLine {
                fatalError("\(name): record line \(record.origin.line) (max \(maxLine))")
            }
            for (path, origin) in record.fieldOrigins where origin.line < 1 || origin.line > maxLine {
                fatalError("\(name): field \(path) line \(origin.line) (max \(maxLine))")
            }
            records += 1
        case .error:
            errors += 1
        }
        if records + errors > maxLine + 1 { fatalError("\(name): more events than lines") }
    }
    return (records, errors)
}

/// Grouped sources merge rows, so a record stands for one or more data rows: at least one record when there
/// is any data row, never more records than data rows, and every reader error is reported.
func checkGrouped(_ r: (records: Int, errors: Int), dataRows: Int, readerErrors: Int, _ name: String) {
    if r.errors < readerErrors || r.records + r.errors > dataRows + readerErrors
        || (dataRows > 0 && r.records + r.errors < 1 + readerErrors)
    {
        fatalError("\(name): \(r.records) records + \(r.errors) errors for \(dataRows) data rows + \(readerErrors) reader errors")
    }
}
