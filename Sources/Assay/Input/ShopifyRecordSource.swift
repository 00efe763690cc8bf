import AssayCSV
import AssayJSON

/// Listings from a Shopify product CSV export. Rows sharing a Handle (the product row, then variant and
/// image continuation rows with a blank Title) are merged into one listing: `variants` holds each
/// variant's options, SKU and price, `price` is the lowest variant price (a luxury item offered far below
/// its floor in one variant is what the floor rule must see), and image alt texts are hidden text.
public struct ShopifyRecordSource: RecordSource {
    private var rows: GroupedCSVRecordSource<ShopifyGrouping>

    /// Reads an export from a CSV reader.
    public init(reader: CSVReader, file: String, options: InputOptions) {
        rows = GroupedCSVRecordSource(reader: reader, file: file, options: options, grouping: ShopifyGrouping())
    }

    public mutating func next() -> RecordEvent? { rows.next() }
}

/// Shopify rows belong together while they share a Handle (continuation rows may leave it blank).
struct ShopifyGrouping: CSVRowGrouping {
    func continues(_ row: CSVRow, groupStartingWith first: CSVRow, header: CSVHeader) -> Bool {
        let handle = header.value("Handle", in: row)
        return handle == nil || handle == header.value("Handle", in: first)
    }

    func record(_ group: [CSVRow], header: CSVHeader, file: String, options: InputOptions) -> RecordEvent {
        let first = group[0]
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
