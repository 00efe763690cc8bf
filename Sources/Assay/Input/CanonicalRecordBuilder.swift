import AssayJSON
import AssayXML

/// Assembles a canonical record from an adapter's values: text fields that hold HTML are replaced by
/// their visible text (hidden text goes to `<field>_hidden`), prices like `"15.00 USD"` become a number
/// and a currency, and every field remembers where in the input it came from.
struct CanonicalRecordBuilder {
    private(set) var entries: [JSONObject.Entry] = []
    var fieldOrigins: [String: RecordOrigin] = [:]
    var textSources: [String: TextSource] = [:]

    /// True when the field has been set.
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Sets a field, replacing an earlier value.
    mutating func set(_ key: String, _ value: JSONValue, origin: RecordOrigin?) {
        entries.removeAll { $0.key == key }
        entries.append(JSONObject.Entry(key: key, value: value))
        if let origin { fieldOrigins[key] = origin }
    }

    /// Sets a text field; HTML is reduced to what a shopper sees, and what they cannot see is kept apart.
    mutating func setText(_ key: String, _ text: String, origin: RecordOrigin?) {
        guard HTMLText.looksLikeHTML(text) else {
            set(key, .string(text), origin: origin)
            return
        }
        let html = HTMLText.extract(text)
        set(key, .string(html.visible), origin: origin)
        textSources[key] = .htmlVisible
        let hiddenKey = key + HiddenText.fieldSuffix
        guard !html.hidden.isEmpty else { return }
        set(hiddenKey, .array(html.hidden.map { .string($0.text) }), origin: origin)
        for (index, hidden) in html.hidden.enumerated() {
            textSources["\(hiddenKey).\(index)"] = Self.source(for: hidden.kind)
        }
    }

    static func source(for kind: HTMLText.HiddenKind) -> TextSource {
        switch kind {
        case .altAttribute: return .htmlAlt
        case .titleAttribute: return .htmlTitle
        case .hiddenElement: return .htmlHiddenElement
        case .comment: return .htmlComment
        }
    }

    /// Sets `price` (and `currency` when the text names one and none is set) from text such as
    /// `"15.00 USD"`, `"¥1,299.00"` or `"1299"`. Unparseable text is kept as text.
    mutating func setPrice(_ text: String, origin: RecordOrigin?, key: String = "price") {
        let parsed = PriceText.parse(text)
        if let amount = parsed.amount, let number = JSONNumber(amount) {
            set(key, .number(number), origin: origin)
        } else {
            set(key, .string(text), origin: origin)
        }
        if let currency = parsed.currency, !has("currency") {
            set("currency", .string(currency), origin: origin)
        }
    }

    /// The finished record (or the error that the canonical contract finds).
    func build(kind: RecordKind, origin: RecordOrigin) -> RecordEvent {
        var entries = self.entries
        if !entries.contains(where: { $0.key == "kind" }) {
            entries.insert(JSONObject.Entry(key: "kind", value: .string(kind.rawValue)), at: 0)
        }
        do {
            return .record(
                try Record(json: .object(JSONObject(entries)), origin: origin, fieldOrigins: fieldOrigins, textSources: textSources))
        } catch {
            return .error(error)
        }
    }
}

/// Reads prices as merchants write them.
enum PriceText {
    static let symbols: [(String, String)] = [("¥", "CNY"), ("￥", "CNY"), ("RMB", "CNY"), ("元", "CNY"), ("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("A$", "AUD")]

    static func parse(_ text: String) -> (amount: Double?, currency: String?) {
        var currency: String?
        var rest = text.trimmingCharacters(in: .whitespaces)
        // A trailing or leading ISO 4217 code: "15.00 USD", "USD 15.00".
        let words = rest.split(separator: " ")
        if words.count == 2 {
            for (index, word) in words.enumerated() where word.count == 3 && word.allSatisfy({ $0.isASCII && $0.isLetter }) {
                currency = word.uppercased()
                rest = String(words[1 - index])
            }
        }
        for (symbol, code) in symbols where rest.contains(symbol) {
            if currency == nil { currency = code }
            rest = rest.replacingOccurrences(of: symbol, with: "")
        }
        let cleaned = rest.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        return (Double(cleaned), currency)
    }
}
