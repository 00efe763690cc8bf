/// How an HTML element affects text extraction, by tag name.
enum HTMLElementRole {
    /// Its content is never rendered (`script`, `style`, `noscript`, `template`, `head`).
    case unrendered
    /// Starts and ends a line (`p`, `div`, `br`, `li`, `tr`, `h1`–`h6`, …).
    case block
    /// Separates words without a line break (`td`, `th`).
    case cell
    /// Flows with the surrounding text (`b`, `span`, `a`, …).
    case inline

    private static let unrenderedNames: Set<String> = ["script", "style", "noscript", "template", "head"]
    private static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]
    private static let cellNames: Set<String> = ["td", "th"]

    init(name: String) {
        if Self.unrenderedNames.contains(name) {
            self = .unrendered
        } else if Self.blockNames.contains(name) {
            self = .block
        } else if Self.cellNames.contains(name) {
            self = .cell
        } else {
            self = .inline
        }
    }
}
