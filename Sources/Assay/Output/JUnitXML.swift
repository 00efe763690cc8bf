/// XML text and attribute escaping for the JUnit reporter.
///
/// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return, U+FFFE,
/// U+FFFF) are removed, and so are DEL and the C1 controls, which parsers accept but viewers mangle.
/// Everything else — Chinese, zero-width characters that are evidence of evasion — is kept as UTF-8.
enum JUnitXML {
    /// Whether a scalar is dropped from XML output.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Character data: `&`, `<`, `>` escaped (`>` so `]]>` can never appear).
    static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// A double-quoted attribute value's content: also `"` and `'`, and tab, line feed and carriage
    /// return as character references so attribute-value normalisation keeps them.
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !isRemoved(scalar) {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where attribute: out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// ` name="value"` pairs.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(attribute($0.1))\"" }.joined()
    }
}
