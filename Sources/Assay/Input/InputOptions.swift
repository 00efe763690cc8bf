/// How inputs are read: the format (sniffed when nil), a field mapping for other layouts, and defaults
/// for canonical fields an export does not carry (Shopify and WooCommerce exports name no market or
/// currency).
public struct InputOptions: Sendable {
    /// Forced format; nil means by extension, then by content.
    public var format: InputFormat?
    /// Mapping for CSV/XML layouts Assay does not know (also overrides the built-in mappings).
    public var mapping: FieldMapping?
    /// `market` for records that name none (CSV and XML inputs).
    public var defaultMarket: String?
    /// `currency` for records that name none (CSV and XML inputs).
    public var defaultCurrency: String?

    /// Default options: sniff everything.
    public init(format: InputFormat? = nil, mapping: FieldMapping? = nil, defaultMarket: String? = nil, defaultCurrency: String? = nil) {
        self.format = format
        self.mapping = mapping
        self.defaultMarket = defaultMarket
        self.defaultCurrency = defaultCurrency
    }

    /// Applies the defaults to a builder.
    func applyDefaults(to builder: inout CanonicalRecordBuilder) {
        if let defaultMarket, !builder.has("market") { builder.set("market", .string(defaultMarket), origin: nil) }
        if let defaultCurrency, !builder.has("currency") { builder.set("currency", .string(defaultCurrency), origin: nil) }
    }
}
