/// The text of an HTML fragment (typically a product description), split into
/// what a shopper sees and what only a search engine indexes.
public struct HTMLText: Sendable, Equatable {
    /// Why a piece of text is invisible to a shopper.
    public enum HiddenKind: String, Sendable {
        /// An `alt` attribute (image text).
        case altAttribute = "alt"
        /// A `title` attribute (tooltip).
        case titleAttribute = "title"
        /// An element hidden by the `hidden` attribute or by an inline style
        /// (`display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`).
        case hiddenElement = "hidden-element"
        /// An HTML comment.
        case comment
    }

    /// One occurrence of hidden text.
    public struct Hidden: Sendable, Equatable {
        /// How it is hidden.
        public let kind: HiddenKind
        /// The text, entities decoded and whitespace collapsed like visible text.
        public let text: String

        /// Creates a hidden-text occurrence.
        public init(kind: HiddenKind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// What a shopper sees: text outside `script`, `style`, `noscript`,
    /// `template`, `head` and hidden elements; runs of ASCII whitespace
    /// collapsed to one space, block elements (`p`, `div`, `br`, `li`, `tr`,
    /// `h1`–`h6`, …) separated by one `\n`, trimmed. Entities are decoded
    /// (`&nbsp;` becomes U+00A0 and is kept). Offsets into this string are
    /// offsets into the *extracted* text, not into the HTML source.
    public let visible: String
    /// What a shopper cannot see but a search engine indexes, one entry per
    /// occurrence, in document order. Empty texts are left out.
    public let hidden: [Hidden]

    /// Creates a value.
    public init(visible: String, hidden: [Hidden]) {
        self.visible = visible
        self.hidden = hidden
    }

    /// Parses `html` with libxml2's HTML parser (UTF-8, recovering, no
    /// network) and extracts its visible and hidden text. Never fails: garbage
    /// in gives whatever text libxml2 recovers.
    public static func extract(_ html: String) -> HTMLText {
        HTMLTextExtractor.extract(html)
    }

    /// A cheap sniff for markup: a known tag such as `<p>`, `<br>`, `<div`,
    /// `<img`, any closing tag `</x`, a comment `<!--`, or an entity such as
    /// `&amp;`, `&nbsp;`, `&#233;`, `&#x6700;`. Plain text with a stray `<` or
    /// `&` (e.g. `5 < 6`, `Tom & Jerry`) is not HTML.
    public static func looksLikeHTML(_ text: String) -> Bool {
        HTMLSniffer.looksLikeHTML(text)
    }
}
