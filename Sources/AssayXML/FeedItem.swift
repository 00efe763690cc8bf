/// One RSS `<item>` or Atom `<entry>` of a product feed.
public struct FeedItem: Sendable {
    /// 1-based line of the item's start tag.
    public let line: Int
    /// Every descendant element with text content, in document order.
    /// Repeated elements each appear (e.g. two `g:shipping.g:price`).
    public let fields: [FeedField]

    /// Creates an item.
    public init(line: Int, fields: [FeedField]) {
        self.line = line
        self.fields = fields
    }

    /// The value of the first field at `path`, if any.
    public func first(_ path: String) -> String? {
        fields.first { $0.path == path }?.value
    }

    /// The values of all fields at `path`, in document order.
    public func all(_ path: String) -> [String] {
        fields.compactMap { $0.path == path ? $0.value : nil }
    }
}
