/// Applies a `FieldMapping` to one input item, given a way to look a source name up.
enum MappedRecord {
    /// Fills a builder from a mapping; `lookup` returns the value and origin for a column or element name.
    static func apply(
        _ mapping: FieldMapping, to builder: inout CanonicalRecordBuilder,
        lookup: (String) -> (value: String, origin: RecordOrigin?)?
    ) {
        for (field, source) in mapping.assignments {
            switch source {
            case .constant(let value):
                builder.set(field, .string(value), origin: nil)
            case .column(let name):
                guard let (value, origin) = lookup(name) else { continue }
                if field == "price" || field.hasSuffix("_price") {
                    builder.setPrice(value, origin: origin, key: field)
                } else if CanonicalRecordBuilder.numericFields.contains(field), let number = ScalarValue.parseNumber(value) {
                    builder.set(field, .number(.init(number) ?? .init(0)), origin: origin)
                } else {
                    builder.setText(field, value, origin: origin)
                }
            case .columns(let names):
                var values: [(String, RecordOrigin?)] = []
                for name in names { if let found = lookup(name) { values.append(found) } }
                guard !values.isEmpty else { continue }
                builder.set(field, .array(values.map { .string($0.0) }), origin: values.first?.1)
            }
        }
    }

    /// The record kind a mapping names (`kind = "merchant"`), listing by default.
    static func kind(_ mapping: FieldMapping?) -> RecordKind {
        for (field, source) in mapping?.assignments ?? [] where field == "kind" {
            if case .constant(let value) = source, let kind = RecordKind(rawValue: value) { return kind }
        }
        return .listing
    }
}

extension CanonicalRecordBuilder {
    /// Canonical fields that hold numbers.
    static let numericFields: Set<String> = ["price", "sales_12m", "sales_month", "transactions_12m"]
}
