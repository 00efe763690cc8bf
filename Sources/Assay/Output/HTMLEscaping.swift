/// HTML escaping for the triage report. Everything a report shows from a record was written by a
/// merchant, possibly on purpose to break the page, so every piece of input text goes through here.
enum HTMLEscaping {
    /// `text` safe as element content: `&`, `<`, `>` escaped (quotes too, so the same text is also safe
    /// inside a quoted attribute), NUL and other C0/C1 controls (except tab, newline, carriage return)
    /// replaced by U+FFFD — they are not allowed in an HTML document.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, to: &out)
        }
        return out
    }

    /// `text` safe inside a double- or single-quoted attribute value.
    static func attribute(_ text: String) -> String {
        HTMLEscaping.text(text)
    }

    /// `text` escaped for display, with the characters a reader cannot see made visible: format
    /// characters (zero-width spaces and joiners, bidi overrides, BOM, soft hyphen — the ones sellers use
    /// to split terms or reorder text) and controls become a small `U+200B` tag, so evasions show and a
    /// bidi override cannot reorder the rest of the page. Newlines and tabs become spaces.
    static func visible(_ text: String) -> String {
        visible(scalars: text.unicodeScalars)
    }

    /// `visible(_:)` over a run of scalars.
    static func visible<S: Sequence>(scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = ""
        for scalar in scalars { appendVisible(scalar, to: &out) }
        return out
    }

    /// Whether a scalar is invisible when rendered (format or control characters).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `U+200B`: the code point in the customary notation (at least four hex digits).
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Percent-encodes a URL fragment parameter value: everything but unreserved characters becomes
    /// `%XX` over its UTF-8 bytes (the page's script decodes it with `URLSearchParams`).
    static func fragmentValue(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// The URL when it is an absolute `http`/`https` URL (anything else — `javascript:`, `data:` — is
    /// never made a link), escaped for an attribute.
    static func safeURL(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" })
        else { return nil }
        return attribute(url)
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private static func appendVisible(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\t", "\n", "\r": out += " "
        default:
            if isInvisible(scalar) {
                let point = codePoint(scalar)
                out += "<span class=\"cp\" title=\"invisible character \(point)\">\(point)</span>"
            } else {
                appendEscaped(scalar, to: &out)
            }
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
