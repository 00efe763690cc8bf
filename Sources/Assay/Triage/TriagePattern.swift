/// A rule id, record id or field path pattern in a suppression: literal text in which `*` stands for any
/// run of characters (none included). `*` alone matches everything. Comparison is exact (case-sensitive),
/// scalar by scalar; there are no other metacharacters.
struct TriagePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    let text: String
    private let parts: [[Unicode.Scalar]]

    /// Parses a pattern.
    init(_ text: String) {
        self.text = text
        parts = text.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    var description: String { text }

    /// True when the pattern holds a `*`.
    var isGlob: Bool { parts.count > 1 }

    /// Whether `candidate` matches the whole pattern.
    func matches(_ candidate: String) -> Bool {
        guard isGlob else { return candidate == text }
        let scalars = Array(candidate.unicodeScalars)
        let first = parts[0], last = parts[parts.count - 1]
        guard scalars.count >= first.count + last.count,
            scalars.starts(with: first), scalars.reversed().starts(with: last.reversed())
        else { return false }
        // Middle parts greedily, leftmost first, between the fixed prefix and suffix.
        var position = first.count
        let limit = scalars.count - last.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = Self.find(part, in: scalars, from: position, before: limit) else { return false }
            position = found + part.count
        }
        return true
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int, before end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        for index in start...(end - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// Field paths as triage compares them: array indices dropped (`variants.2.title` → `variants.title`, as in
/// ``Fingerprint``), and hidden HTML text (`description_hidden.0`) counted as part of the field it was
/// extracted from (`description`).
enum TriageField {
    /// The path without numeric components.
    static func withoutIndices(_ path: String) -> String {
        path.split(separator: ".").filter { Int($0) == nil }.joined(separator: ".")
    }

    /// The index-free path, and for hidden HTML text also the visible field's path.
    static func names(_ path: String) -> [String] {
        let plain = withoutIndices(path)
        guard plain.hasSuffix(HiddenText.fieldSuffix), !plain.contains(".") else { return [plain] }
        return [plain, String(plain.dropLast(HiddenText.fieldSuffix.count))]
    }
}
