/// A JSON number kept exactly as written (`"1.50"`, `"-0"`, `"1e400"`), so that
/// large integers such as order ids and precise prices are never rounded.
///
/// Equality compares the text: `1.0` and `1` are different numbers here.
public struct JSONNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The number's text, always valid RFC 8259 number syntax.
    public let text: String

    /// The nearest `Double`, or `nil` if the magnitude overflows to infinity.
    public var doubleValue: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The value as an `Int` when the text is an integer (no fraction or
    /// exponent) that fits, else `nil`.
    public var intValue: Int? { Int(text) }

    /// A number from text that must already be valid JSON number syntax;
    /// returns `nil` otherwise.
    public init?(text: String) {
        var text = text
        let valid = text.withUTF8 { bytes in
            JSONNumberSyntax.length(of: bytes, from: 0) == bytes.count && !bytes.isEmpty
        }
        guard valid else { return nil }
        self.text = text
    }

    /// An integer.
    public init(_ value: Int) {
        text = String(value)
    }

    /// A finite `Double` in its shortest round-tripping form; `nil` for NaN and infinities,
    /// which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = value.description
    }

    /// Internal: text already checked by the parser.
    init(validatedText: String) {
        text = validatedText
    }

    /// The text.
    public var description: String { text }
}
