import AssayText

/// A finding's identity for baselines and SARIF `partialFingerprints`: rule, record id, field and the
/// normalised matched text — never offsets or line numbers, so edits elsewhere in a record or file do
/// not make an old finding look new. Array indices are dropped from the field path (a variant moving
/// from `variants.2` to `variants.3` is the same finding). Identical findings in one record share a
/// fingerprint; baselines count them.
public enum Fingerprint {
    /// The fingerprint of a violation: 16 hex digits (FNV-1a, 64 bit) over the canonical key.
    public static func of(_ violation: Violation) -> String {
        hex(fnv1a(canonicalKey(violation)))
    }

    /// The text the fingerprint is computed from: `rule␟record␟field␟normalised match`.
    public static func canonicalKey(_ violation: Violation) -> String {
        let field = TriageField.withoutIndices(violation.field ?? "")
        let match = violation.match.map { String(decoding: normalizer.normalizeTerm($0), as: UTF8.self) } ?? ""
        return [violation.rule, violation.record, field, match].joined(separator: "\u{1F}")
    }

    private static let normalizer = TextNormalizer()

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
