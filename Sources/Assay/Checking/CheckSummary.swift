/// Counts for one `assay check` run. Every record read is either checked or an input error:
/// `recordsRead == recordsChecked + inputErrors` (whole-file failures are counted in `unreadableInputs`).
public struct CheckSummary: Sendable {
    /// Input files checked.
    public var files = 0
    /// Records read (checked or failed).
    public var recordsRead = 0
    /// Records checked against the rules.
    public var recordsChecked = 0
    /// Records with at least one violation.
    public var recordsWithViolations = 0
    /// Records that could not be read or do not fit the canonical contract.
    public var inputErrors = 0
    /// Input files that could not be opened or read to the end.
    public var unreadableInputs = 0
    /// Problems that kept a rule from checking a record completely.
    public var ruleProblems = 0
    /// Violations by severity.
    public var bySeverity: [Severity: Int] = [:]
    /// Violations by category.
    public var byCategory: [Category: Int] = [:]
    /// Violations by rule id.
    public var byRule: [String: Int] = [:]
    /// Findings removed before reporting, by filter (`baseline`, `suppressed`).
    public var filtered: [String: Int] = [:]

    /// An empty summary.
    public init() {}

    /// All violations.
    public var violations: Int { bySeverity.values.reduce(0, +) }

    /// Violations at or above a severity.
    public func violations(atLeast severity: Severity) -> Int {
        bySeverity.filter { $0.key >= severity }.values.reduce(0, +)
    }

    mutating func add(_ violations: [Violation]) {
        if !violations.isEmpty { recordsWithViolations += 1 }
        for violation in violations {
            bySeverity[violation.severity, default: 0] += 1
            byCategory[violation.category, default: 0] += 1
            byRule[violation.rule, default: 0] += 1
        }
    }
}

/// The process exit status `assay check` uses, in order of precedence.
public enum ExitStatus: Int32, Sendable {
    /// Nothing at or above the `--fail-on` severity.
    case clean = 0
    /// Violations at or above `--fail-on`.
    case violations = 1
    /// Usage or rule-file errors.
    case usageOrRules = 2
    /// Some input could not be read (after checking everything that could).
    case inputErrors = 3

    /// The status for a finished run: input errors outrank violations. With `maxViolations`, the run
    /// fails only when more than that many violations are at or above `failOn`.
    public static func of(_ summary: CheckSummary, failOn: Severity?, maxViolations: Int = 0) -> ExitStatus {
        if summary.inputErrors > 0 || summary.unreadableInputs > 0 { return .inputErrors }
        if let failOn, summary.violations(atLeast: failOn) > maxViolations { return .violations }
        return .clean
    }
}
