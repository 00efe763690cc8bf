/// The byte-level heuristic behind ``HTMLText/looksLikeHTML(_:)``.
enum HTMLSniffer {
    /// Tag names whose opening tag marks text as HTML.
    private static let tagNames: Set<[UInt8]> = Set(
        [
            "a", "abbr", "article", "aside", "b", "big", "blockquote", "body", "br", "button", "caption",
            "center", "code", "col", "dd", "del", "details", "div", "dl", "dt", "em", "figure", "font",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img",
            "input", "ins", "label", "li", "link", "main", "mark", "meta", "nav", "noscript", "ol", "p", "picture",
            "pre", "q", "s", "script", "section", "small", "source", "span", "strike", "strong", "style", "sub",
            "summary", "sup", "table", "tbody", "td", "template", "tfoot", "th", "thead", "title", "tr", "tt",
            "u", "ul", "video",
        ].map { Array($0.utf8) })

    static func looksLikeHTML(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    if isTag(bytes, at: index + 1) { return true }
                case UInt8(ascii: "&"):
                    if isEntity(bytes, at: index + 1) { return true }
                default:
                    break
                }
                index += 1
            }
            return false
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// After `<`: `!--`, `/letter`, or a known tag name followed by `>`, `/` or whitespace.
    private static func isTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start < bytes.count else { return false }
        if bytes[start] == UInt8(ascii: "/") {
            return start + 1 < bytes.count && isLetter(bytes[start + 1])
        }
        if bytes[start] == UInt8(ascii: "!") {
            return start + 2 < bytes.count && bytes[start + 1] == UInt8(ascii: "-")
                && bytes[start + 2] == UInt8(ascii: "-")
        }
        var end = start
        var name: [UInt8] = []
        while end < bytes.count, end - start < 12, isLetter(bytes[end]) || isDigit(bytes[end]) {
            name.append(bytes[end] | 0x20)
            end += 1
        }
        guard !name.isEmpty, tagNames.contains(name) else { return false }
        guard end < bytes.count else { return false }
        let next = bytes[end]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || XMLBytes.isHTMLSpace(next)
    }

    /// After `&`: `#digits;`, `#xhex;` or `name;` (letters and digits, up to 31).
    private static func isEntity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 8, hex ? isHexDigit(bytes[index]) : isDigit(bytes[index]) {
                index += 1
            }
            return index > digitsStart && index < bytes.count && bytes[index] == UInt8(ascii: ";")
        }
        guard isLetter(bytes[index]) else { return false }
        while index < bytes.count, index - start < 32, isLetter(bytes[index]) || isDigit(bytes[index]) {
            index += 1
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: ";")
    }
}
