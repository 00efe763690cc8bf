import AssayCSV
import AssayJSON

/// Listings from a WooCommerce product CSV export. Variation rows (`Type` = variation, `Parent` naming the
/// parent's `id:123` or SKU) that follow their parent are merged into its `variants`; `price` is the sale
/// price when set, else the regular price (and the lowest across variations). A variation whose parent is
/// not the product just before it becomes a listing of its own (with `parent`), so nothing is buffered
/// beyond one product.
public struct WooCommerceRecordSource: RecordSource {
    private var rows: GroupedCSVRecordSource<WooCommerceGrouping>

    /// Reads an export from a CSV reader.
    public init(reader: CSVReader, file: String, options: InputOptions) {
        rows = GroupedCSVRecordSource(reader: reader, file: file, options: options, grouping: WooCommerceGrouping())
    }

    public mutating func next() -> RecordEvent? { rows.next() }
}

/// A WooCommerce variation row belongs to the product just before it when its `Parent` names that
/// product's `id:ID`, ID or SKU.
struct WooCommerceGrouping: CSVRowGrouping {
    func continues(_ row: CSVRow, groupStartingWith parent: CSVRow, header: CSVHeader) -> Bool {
        guard header.value("Type", in: row)?.lowercased().contains("variation") == true,
            let reference = header.value("Parent", in: row)
        else { return false }
        if let id = header.value("ID", in: parent), reference == "id:\(id)" || reference == id { return true }
        if let sku = header.value("SKU", in: parent), reference == sku { return true }
        return false
    }

    func record(_ group: [CSVRow], header: CSVHeader, file: String, options: InputOptions) -> RecordEvent {
        let parent = group[0]
        let variations = group.dropFirst()
        var builder = CanonicalRecordBuilder()
        func text(_ column: String, as key: String, from row: CSVRow = parent) {
            if let value = header.value(column, in: row) {
                builder.setText(key, value, origin: header.origin(column, in: row, file: file))
            }
        }
        if let id = header.value("ID", in: parent) ?? header.value("SKU", in: parent) {
            builder.set("id", .string(id), origin: header.origin("ID", in: parent, file: file))
        }
        text("Name", as: "title")
        text("Short description", as: "short_description")
        text("Description", as: "description")
        text("Categories", as: "category")
        text("Tags", as: "tags")
        text("Brands", as: "brand")
        text("SKU", as: "sku")
        text("Parent", as: "parent")
        var lowest: (amount: Double, text: String, origin: RecordOrigin?)?
        func consider(_ row: CSVRow) {
            let column = header.value("Sale price", in: row) != nil ? "Sale price" : "Regular price"
            guard let price = header.value(column, in: row), let amount = PriceText.parse(price).amount else { return }
            if lowest == nil || amount < lowest!.amount { lowest = (amount, price, header.origin(column, in: row, file: file)) }
        }
        consider(parent)
        var variants: [JSONValue] = []
        for row in variations {
            var entries: [JSONObject.Entry] = []
            let index = variants.count
            if let name = header.value("Name", in: row) {
                entries.append(.init(key: "title", value: .string(name)))
                builder.fieldOrigins["variants.\(index).title"] = header.origin("Name", in: row, file: file)
            }
            if let description = header.value("Description", in: row) {
                entries.append(.init(key: "description", value: .string(description)))
                builder.fieldOrigins["variants.\(index).description"] = header.origin("Description", in: row, file: file)
            }
            if let sku = header.value("SKU", in: row) { entries.append(.init(key: "sku", value: .string(sku))) }
            let attributes = (1...6).compactMap { header.value("Attribute \($0) value(s)", in: row) }
            if !attributes.isEmpty { entries.append(.init(key: "options", value: .string(attributes.joined(separator: " / ")))) }
            consider(row)
            variants.append(.object(JSONObject(entries)))
        }
        if !variants.isEmpty { builder.set("variants", .array(variants), origin: RecordOrigin(file: file, line: parent.line)) }
        if let lowest { builder.setPrice(lowest.text, origin: lowest.origin) }
        options.applyDefaults(to: &builder)
        if let mapping = options.mapping {
            MappedRecord.apply(mapping, to: &builder) { name in
                header.value(name, in: parent).map { ($0, header.origin(name, in: parent, file: file)) }
            }
        }
        return builder.build(kind: .listing, origin: RecordOrigin(file: file, line: parent.line))
    }
}
