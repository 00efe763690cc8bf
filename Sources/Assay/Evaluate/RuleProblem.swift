/// Something that kept a rule from checking a record completely (a regex hit its match limit, a per-field
/// cap was reached). Reported with the record, never swallowed.
public struct RuleProblem: Sendable, Hashable {
    /// Rule id.
    public let rule: String
    /// Record id.
    public let record: String
    /// Field path.
    public let field: String
    /// What happened.
    public let message: String
}

/// The outcome of checking one record.
public struct CheckResult: Sendable {
    /// Violations, in rule order then text order.
    public let violations: [Violation]
    /// Problems that kept a rule from checking the record completely.
    public let problems: [RuleProblem]
}

extension RecordEvaluation {
    func noteCap(rule: String, field: String, total: Int, cap: Int) {
        record(RuleProblem(
            rule: rule, record: record.id, field: field,
            message: "\(total) matches; only the first \(cap) are reported"))
    }
}
