/// Makes text from untrusted sources (records, rule files) safe to print to a terminal or CI log:
/// control characters (C0 except tab, DEL, C1 — escape sequences that could retitle or clear a
/// terminal, or forge log lines) are shown as `\u{1B}` instead of being emitted.
public enum TerminalSafeText {
    /// The text with control characters made visible; with `keepingNewlines`, line feeds (the report's
    /// own line structure) are kept.
    public static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) && !(keepingNewlines && scalar == "\n") }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
