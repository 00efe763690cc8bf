/// E-mail addresses, validated pragmatically rather than by full RFC 5322.
///
/// - Exactly one `@`; no quoted local parts, comments or IP-literal domains.
/// - Local part: 1–64 bytes of ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-``
///   plus dots, with no leading, trailing or doubled dot.
/// - Domain: at most 253 bytes, two or more dot-separated labels of 1–63 bytes;
///   a label holds ASCII letters, digits and inner hyphens, or UTF-8 (an IDN
///   written in Unicode, e.g. `例子.中国`). The top-level label is 2+ ASCII
///   letters, a Punycode `xn--` label, or a Unicode label.
/// No separators are stripped; surrounding whitespace makes it invalid.
public enum EmailAddress {
    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)
    private static let dot = UInt8(ascii: ".")

    /// Whether `candidate` looks like a deliverable e-mail address.
    public static func isValid(_ candidate: String) -> Bool {
        let bytes = Array(candidate.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        return isValidLocalPart(bytes[..<at]) && isValidDomain(bytes[(at + 1)...])
    }

    private static func isValidLocalPart(_ local: ArraySlice<UInt8>) -> Bool {
        guard (1...64).contains(local.count), local.first != dot, local.last != dot else { return false }
        var previous: UInt8 = 0
        for byte in local {
            let allowed = ASCII.isLetter(byte) || ASCII.isDigit(byte) || localSymbols.contains(byte) || byte == dot
            guard allowed, !(byte == dot && previous == dot) else { return false }
            previous = byte
        }
        return true
    }

    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        guard (1...253).contains(domain.count) else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isValidLabel), let tld = labels.last else { return false }
        let isUnicode = tld.contains { $0 >= 0x80 }
        let isPunycode = tld.count > 4 && tld.prefix(4).map(ASCII.uppercased) == Array("XN--".utf8)
        return isUnicode || isPunycode || (tld.count >= 2 && tld.allSatisfy(ASCII.isLetter))
    }

    private static func isValidLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...63).contains(label.count), label.first != ASCII.hyphen, label.last != ASCII.hyphen
        else { return false }
        return label.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.hyphen || $0 >= 0x80 }
    }
}
