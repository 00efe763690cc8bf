/// One element with text content inside a feed item.
public struct FeedField: Sendable, Equatable {
    /// Element names from the item down to this element, joined by `.`
    /// (e.g. `g:shipping.g:price`). Elements in the Google namespace
    /// (`http://base.google.com/ns/1.0`) are always written `g:`, whatever
    /// prefix the file used; other namespaced elements keep the file's prefix;
    /// elements in no namespace or a default namespace have no prefix.
    public let path: String
    /// The element's own text (CDATA and character/predefined entities
    /// decoded), trimmed of XML whitespace. For an Atom-style `<link href="…"/>`
    /// without text it is the `href` value.
    public let value: String
    /// 1-based line of the element's start tag (`<`) in the file.
    public let line: Int

    /// Creates a field.
    public init(path: String, value: String, line: Int) {
        self.path = path
        self.value = value
        self.line = line
    }
}
