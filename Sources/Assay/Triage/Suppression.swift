import AssayText

/// One accepted finding (or family of findings) from a suppressions file, with the reason it is accepted.
///
/// `rule` is required: a rule id, a pattern with `*` (`PRIV-*`), or `"*"` for every rule — so that a
/// blanket suppression is always written out on purpose. `record` and `field` narrow it further (both may
/// use `*`); `field` ignores array indices like the ``Fingerprint`` does (`variants.title` covers
/// `variants.3.title`) and covers the hidden HTML text taken from that field (`description` covers
/// `description_hidden.0`). `match` is compared with the finding's matched text after both are
/// normalised (`最 佳` and `最佳`, `ＮＯ．１` and `no.1` are the same). Every given scope must hold.
public struct Suppression: Sendable, Hashable, CustomStringConvertible {
    /// Position in the file's `suppressions` array (0-based), as error messages and warnings cite it.
    public let index: Int
    /// Rule id or pattern.
    public let rule: String
    /// Record id or pattern, nil for any record.
    public let record: String?
    /// Field path or pattern, nil for any field.
    public let field: String?
    /// Matched text, nil for any text.
    public let match: String?
    /// Why the finding is accepted.
    public let reason: String
    /// Last day it applies (`YYYY-MM-DD`), nil for no expiry.
    public let expires: String?
    /// True when `expires` is before the day the file was read: the suppression no longer applies.
    public let isExpired: Bool

    private let rulePattern: TriagePattern
    private let recordPattern: TriagePattern?
    private let fieldPattern: TriagePattern?
    private let normalizedMatch: [UInt8]?

    /// Creates a suppression; `today` (`YYYY-MM-DD`) decides whether it has expired.
    public init(
        index: Int, rule: String, record: String? = nil, field: String? = nil, match: String? = nil, reason: String,
        expires: String? = nil, today: String
    ) {
        self.index = index
        self.rule = rule
        self.record = record
        self.field = field
        self.match = match
        self.reason = reason
        self.expires = expires
        isExpired = expires.map { $0 < today } ?? false
        rulePattern = TriagePattern(rule)
        recordPattern = record.map(TriagePattern.init)
        fieldPattern = field.map { TriagePattern(TriageField.withoutIndices($0)) }
        normalizedMatch = match.map { Self.normalizer.normalizeTerm($0) }
    }

    private static let normalizer = TextNormalizer()

    /// Whether the suppression's scope covers `violation` (expiry not considered).
    public func covers(_ violation: Violation) -> Bool {
        guard rulePattern.matches(violation.rule) else { return false }
        if let recordPattern, !recordPattern.matches(violation.record) { return false }
        if let fieldPattern {
            guard let field = violation.field, TriageField.names(field).contains(where: fieldPattern.matches) else { return false }
        }
        if let normalizedMatch {
            guard let match = violation.match, Self.normalizer.normalizeTerm(match) == normalizedMatch else { return false }
        }
        return true
    }

    /// Whether `rule` can match any of `known` rule ids.
    func names(anyOf known: Set<String>) -> Bool {
        rulePattern.isGlob ? known.contains(where: rulePattern.matches) : known.contains(rule)
    }

    /// `suppressions[2] (ADV-CN-ABSOLUTE, record L1, field title, match “最佳”)`.
    public var description: String {
        var scope = [rule]
        if let record { scope.append("record \(record)") }
        if let field { scope.append("field \(field)") }
        if let match { scope.append("match “\(match)”") }
        return "suppressions[\(index)] (\(scope.joined(separator: ", ")))"
    }
}
