import AssayJSON
import AssayXML

/// Listings from a Google Merchant Center feed (RSS 2.0 `<item>` or Atom `<entry>`, `g:` namespace),
/// streamed item by item. Canonical fields: `g:id` → `id`, `title`, `description` (HTML reduced to its
/// visible text; hidden text kept apart), `g:brand` → `brand`, `g:sale_price` (else `g:price`) →
/// `price` + `currency`, `g:product_type` (else `g:google_product_category`) → `category`, the first
/// `g:shipping.g:country` → `market`. Every element stays addressable by its path (`g:gtin`,
/// `g:shipping.g:price`), and each field reports the line of its element.
public struct MerchantFeedRecordSource: RecordSource {
    private let reader: FeedReader
    private let file: String
    private let options: InputOptions

    /// Reads a feed.
    public init(reader: FeedReader, file: String, options: InputOptions) {
        self.reader = reader
        self.file = file
        self.options = options
    }

    public mutating func next() -> RecordEvent? {
        guard let event = reader.next() else { return nil }
        switch event {
        case .error(let error):
            return .error(RecordError(origin: RecordOrigin(file: file, line: error.line), column: error.column, message: error.message))
        case .item(let item):
            return record(from: item)
        }
    }

    private func record(from item: FeedItem) -> RecordEvent {
        var builder = CanonicalRecordBuilder()
        var first: [String: FeedField] = [:]
        for field in item.fields where first[field.path] == nil { first[field.path] = field }
        func origin(_ field: FeedField) -> RecordOrigin { RecordOrigin(file: file, line: field.line) }
        func pick(_ paths: String...) -> FeedField? { paths.lazy.compactMap { first[$0] }.first }

        if let id = pick("g:id", "id") { builder.set("id", .string(id.value), origin: origin(id)) }
        if let title = pick("title", "g:title") { builder.setText("title", title.value, origin: origin(title)) }
        if let description = pick("description", "g:description", "summary", "content") {
            builder.setText("description", description.value, origin: origin(description))
        }
        if let brand = pick("g:brand") { builder.setText("brand", brand.value, origin: origin(brand)) }
        if let price = pick("g:sale_price", "g:price") { builder.setPrice(price.value, origin: origin(price)) }
        if let listPrice = pick("g:price") { builder.setPrice(listPrice.value, origin: origin(listPrice), key: "list_price") }
        if let category = pick("g:product_type", "g:google_product_category") {
            builder.setText("category", category.value, origin: origin(category))
        }
        if let country = pick("g:shipping.g:country", "g:target_country") {
            builder.set("market", .string(country.value.uppercased()), origin: origin(country))
        }
        // Everything else stays addressable by its element path.
        var tree = FieldTree()
        for field in item.fields { tree.insert(field.path.split(separator: ".").map(String.init), field.value) }
        for entry in tree.object().entries where !builder.has(entry.key) {
            builder.set(entry.key, entry.value, origin: first[entry.key].map(origin))
        }
        options.applyDefaults(to: &builder)
        if let mapping = options.mapping {
            MappedRecord.apply(mapping, to: &builder) { name in first[name].map { ($0.value, origin($0)) } }
        }
        return builder.build(kind: MappedRecord.kind(options.mapping), origin: RecordOrigin(file: file, line: item.line))
    }
}

/// Builds nested JSON objects from element paths; repeated elements become arrays.
struct FieldTree {
    private var children: [(key: String, node: Node)] = []

    private indirect enum Node {
        case value(String)
        case tree(FieldTree)
        case list([Node])
    }

    mutating func insert(_ path: [String], _ value: String) {
        guard let head = path.first else { return }
        let rest = Array(path.dropFirst())
        if let index = children.firstIndex(where: { $0.key == head }) {
            if rest.isEmpty {
                children[index].node = Self.appending(children[index].node, .value(value))
            } else if case .tree(var subtree) = children[index].node {
                subtree.insert(rest, value)
                children[index].node = .tree(subtree)
            } else {
                var subtree = FieldTree()
                subtree.insert(rest, value)
                children[index].node = Self.appending(children[index].node, .tree(subtree))
            }
            return
        }
        if rest.isEmpty {
            children.append((head, .value(value)))
        } else {
            var subtree = FieldTree()
            subtree.insert(rest, value)
            children.append((head, .tree(subtree)))
        }
    }

    private static func appending(_ node: Node, _ new: Node) -> Node {
        if case .list(let items) = node { return .list(items + [new]) }
        return .list([node, new])
    }

    func object() -> JSONObject {
        JSONObject(children.map { JSONObject.Entry(key: $0.key, value: Self.json($0.node)) })
    }

    private static func json(_ node: Node) -> JSONValue {
        switch node {
        case .value(let text): return .string(text)
        case .tree(let tree): return .object(tree.object())
        case .list(let items): return .array(items.map(json))
        }
    }
}
