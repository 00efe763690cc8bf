import AssayCSV
import AssayJSON

/// Listings from a Shopify product CSV export. Rows sharing a Handle (the product row, then variant and
/// image continuation rows with a blank Title) are merged into one listing: `variants` holds each
/// variant's options, SKU and price, `price` is the lowest variant price (a luxury item offered far below
/// its floor in one variant is what the floor rule must see), and image alt texts are hidden text.
public struct ShopifyRecordSource: RecordSource {
    private var reader: CSVReader
    private let file: String
    private let options: InputOptions
    private var header: CSVHeader?
    private var group: [CSVRow] = []
    private var pending: [RecordEvent] = []
    private var finished = false

    /// Reads an export from a CSV reader.
    public init(reader: CSVReader, file: String, options: InputOptions) {
        self.reader = reader
        self.file = file
        self.options = options
    }

    public mutating func next() -> RecordEvent? {
        while pending.isEmpty, !finished {
            guard let event = reader.next() else {
                finished = true
                if let record = flushGroup() { pending.append(record) }
                break
            }
            switch event {
            case .error(let error):
                pending.append(.error(RecordError(origin: RecordOrigin(file: file, line: error.line), column: error.column, message: error.message)))
            case .row(let row):
                guard let header else {
                    self.header = CSVHeader(row)
                    continue
                }
                let handle = header.value("Handle", in: row)
                if let first = group.first, handle == nil || handle == header.value("Handle", in: first) {
                    group.append(row)
                    continue
                }
                if let record = flushGroup() { pending.append(record) }
                group = [row]
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private mutating func flushGroup() -> RecordEvent? {
        guard let header, let first = group.first else { return nil }
        defer { group.removeAll() }
        var builder = CanonicalRecordBuilder()
        func text(_ column: String, as key: String, from row: CSVRow = first) {
            if let value = header.value(column, in: row) {
                builder.setText(key, value, origin: header.origin(column, in: row, file: file))
            }
        }
        if let handle = header.value("Handle", in: first) {
            builder.set("id", .string(handle), origin: header.origin("Handle", in: first, file: file))
        }
        text("Title", as: "title")
        text("Body (HTML)", as: "description")
        text("Vendor", as: "brand")
        if header.value("Product Category", in: first) != nil {
            text("Product Category", as: "category")
        } else {
            text("Type", as: "category")
        }
        text("Type", as: "product_type")
        text("Tags", as: "tags")
        text("SEO Title", as: "seo_title")
        text("SEO Description", as: "seo_description")
        text("Status", as: "status")

        var variants: [JSONValue] = []
        var lowest: (price: Double, text: String, origin: RecordOrigin?)?
        var alts: [String] = []
        for row in group {
            if let alt = header.value("Image Alt Text", in: row) { alts.append(alt) }
            let options = (1...3).compactMap { header.value("Option\($0) Value", in: row) }
            guard let price = header.value("Variant Price", in: row) ?? (options.isEmpty ? nil : "") else { continue }
            var variant: [JSONObject.Entry] = []
            let index = variants.count
            if !options.isEmpty {
                variant.append(.init(key: "title", value: .string(options.joined(separator: " / "))))
                builder.noteOrigin("variants.\(index).title", header.origin("Option1 Value", in: row, file: file))
            }
            if let sku = header.value("Variant SKU", in: row) { variant.append(.init(key: "sku", value: .string(sku))) }
            if let amount = PriceText.parse(price).amount {
                variant.append(.init(key: "price", value: .number(JSONNumber(amount) ?? JSONNumber(0))))
                builder.noteOrigin("variants.\(index).price", header.origin("Variant Price", in: row, file: file))
                if lowest == nil || amount < lowest!.price {
                    lowest = (amount, price, header.origin("Variant Price", in: row, file: file))
                }
            }
            if let compare = header.value("Variant Compare At Price", in: row), let amount = PriceText.parse(compare).amount {
                variant.append(.init(key: "compare_at_price", value: .number(JSONNumber(amount) ?? JSONNumber(0))))
            }
            if let barcode = header.value("Variant Barcode", in: row) { variant.append(.init(key: "barcode", value: .string(barcode))) }
            variants.append(.object(JSONObject(variant)))
        }
        if !variants.isEmpty { builder.set("variants", .array(variants), origin: RecordOrigin(file: file, line: first.line)) }
        if let lowest { builder.setPrice(lowest.text, origin: lowest.origin) }
        if !alts.isEmpty { builder.appendHidden(to: "description", alts, source: .htmlAlt, origin: RecordOrigin(file: file, line: first.line)) }
        options.applyDefaults(to: &builder)
        if let mapping = options.mapping {
            MappedRecord.apply(mapping, to: &builder) { name in
                header.value(name, in: first).map { ($0, header.origin(name, in: first, file: file)) }
            }
        }
        return builder.build(kind: .listing, origin: RecordOrigin(file: file, line: first.line))
    }
}

extension CanonicalRecordBuilder {
    /// Records where a nested field came from (e.g. `variants.2.title` → the variant row's cell).
    mutating func noteOrigin(_ path: String, _ origin: RecordOrigin?) {
        if let origin { fieldOrigins[path] = origin }
    }

    /// Adds hidden text (image alt texts from a CSV column, say) to `<field>_hidden`.
    mutating func appendHidden(to field: String, _ texts: [String], source: TextSource, origin: RecordOrigin?) {
        let key = field + HiddenText.fieldSuffix
        var existing: [JSONValue] = []
        if case .array(let items)? = entries.first(where: { $0.key == key })?.value { existing = items }
        for text in texts {
            textSources["\(key).\(existing.count)"] = source
            existing.append(.string(text))
        }
        set(key, .array(existing), origin: origin)
    }
}
