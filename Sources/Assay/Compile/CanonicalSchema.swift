/// The canonical fields of each record kind and their types, used to type-check rules and to warn about
/// fields a rule's kinds never carry.
enum CanonicalSchema {
    enum FieldType: String, Sendable {
        case text, number, bool
    }

    static let common: [String: FieldType] = ["id": .text, "kind": .text]

    static let fields: [RecordKind: [String: FieldType]] = [
        .listing: [
            "title": .text, "description": .text, "brand": .text, "category": .text, "price": .number,
            "currency": .text, "market": .text, "seller_id": .text,
            // Filled by the feed and export adapters.
            "short_description": .text, "seo_title": .text, "seo_description": .text, "bullets": .text,
            "keywords": .text, "tags": .text, "variants": .text, "list_price": .number,
        ],
        .post: ["text": .text, "author": .text, "market": .text],
        .merchant: [
            "name": .text, "public_profile": .text, "jurisdiction": .text, "established": .text,
            "currency": .text, "sales_12m": .number, "sales_month": .number, "transactions_12m": .number,
            "tax_registered": .bool, "taxpayer_type": .text, "vat_exemption_claimed": .bool,
            "id_number": .text, "uscc": .text, "bank_account": .text, "phone": .text, "email": .text,
            "address": .text,
        ],
    ]

    /// The type of a top-level field for a kind, or nil when the kind has no such canonical field.
    static func type(of root: String, for kind: RecordKind) -> FieldType? {
        common[root] ?? fields[kind]?[root]
    }

    /// The field a record's market is read from.
    static func marketField(for kind: RecordKind) -> String {
        kind == .merchant ? "jurisdiction" : "market"
    }
}
