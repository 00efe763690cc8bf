/// A JSON object: members in document order, duplicates kept.
///
/// RFC 8259 leaves duplicate names undefined; lookups follow the common
/// "last one wins" behaviour while ``entries`` shows everything that was written.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// One `"key": value` member.
    public struct Entry: Sendable, Equatable {
        /// The member name with escapes decoded.
        public let key: String
        /// The member value.
        public let value: JSONValue

        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order.
    public var entries: [Entry]

    /// An object with the given members.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// An object from a literal, members in literal order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// The value of the last member named `key`, or `nil`. Linear in the member count.
    public subscript(key: String) -> JSONValue? {
        for entry in entries.reversed() where entry.key == key {
            return entry.value
        }
        return nil
    }

    /// The member names in document order (duplicates included).
    public var keys: [String] { entries.map(\.key) }
}
