/// What ``FeedReader/next()`` yields, in document order.
public enum FeedEvent: Sendable {
    /// A well-formed item.
    case item(FeedItem)
    /// A problem; for a malformed item this replaces the item (its content is
    /// not reported), and reading continues with the following items.
    case error(FeedError)
}
