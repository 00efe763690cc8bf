import AssayCSV
import AssayXML
import Foundation

/// A source with no records (an empty input file).
struct EmptyRecordSource: RecordSource {
    mutating func next() -> RecordEvent? { nil }
}

/// Opens one input as a stream of canonical records: the format is the forced one, else the one the
/// extension names, else the one the content suggests; a CSV's header decides Shopify, WooCommerce or a
/// user mapping.
public enum InputOpener {
    /// Opens `path` (`label` is the name shown in locations, e.g. `-` for a spooled standard input).
    public static func open(_ path: String, label: String? = nil, options: InputOptions) throws -> any RecordSource {
        let label = label ?? path
        // An empty file holds no records, whatever its format (a feed or CSV with no header is not an error).
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.size] as? NSNumber)?.intValue == 0, attributes[.type] as? FileAttributeType == .typeRegular
        {
            return EmptyRecordSource()
        }
        let format = try options.format ?? InputFormat.byExtension(path) ?? InputFormat.sniff(sample(path))
        switch format {
        case .jsonl:
            return try JSONLinesRecordSource(path: path, label: label)
        case .json:
            return try JSONArrayRecordSource(path: path, label: label)
        case .gmc:
            do {
                return MerchantFeedRecordSource(reader: try FeedReader(path: path), file: label, options: options)
            } catch {
                throw InputOpenError(path: label, reason: error.message)
            }
        case .csv, .shopify, .woocommerce:
            var flavour = format
            if format == .csv { flavour = InputFormat.csvFlavour(header: try header(path, label: label)) }
            let reader: CSVReader
            do {
                reader = try CSVReader(path: path)
            } catch {
                throw InputOpenError(path: label, reason: error.message)
            }
            switch flavour {
            case .shopify: return ShopifyRecordSource(reader: reader, file: label, options: options)
            case .woocommerce: return WooCommerceRecordSource(reader: reader, file: label, options: options)
            default:
                guard let mapping = options.mapping, !mapping.isEmpty else {
                    let columns = (try? header(path, label: label))?.prefix(8).joined(separator: ", ") ?? ""
                    throw InputOpenError(
                        path: label,
                        reason: "CSV layout not recognised (columns: \(columns)…); it is neither a Shopify nor a WooCommerce export. Map it onto canonical fields with --mapping FILE or --map field=column (see README)")
                }
                return MappedCSVRecordSource(reader: reader, file: label, mapping: mapping, options: options)
            }
        }
    }

    /// The first 4 KiB of a file.
    static func sample(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputOpenError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 4096)) ?? Data())
    }

    /// The header row of a CSV file.
    static func header(_ path: String, label: String) throws -> [String] {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw InputOpenError(path: label, reason: error.message)
        }
        while let event = reader.next() {
            if case .row(let row) = event { return row.fields }
        }
        return []
    }

    /// Copies standard input to a temporary file so its format can be sniffed; the caller removes it.
    /// (With `--input-format` standard input is read directly, streaming.)
    public static func spoolStandardInput() throws -> String {
        let path = NSTemporaryDirectory() + "assay-stdin-\(getpid())-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let output = FileHandle(forWritingAtPath: path)
        else { throw InputOpenError(path: "-", reason: "cannot create a temporary file to sniff standard input") }
        defer { try? output.close() }
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
            try output.write(contentsOf: chunk)
        }
        return path
    }
}
