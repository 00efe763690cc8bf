import AssayText

/// Loaded, compiled policy packs: load once, then check any number of records from any number of
/// threads. Immutable and `Sendable`.
///
/// ```swift
/// let loaded = PolicyLoader.load(paths: ["rules"])
/// guard let policy = loaded.policy else { print(DiagnosticRenderer.render(loaded.diagnostics)); return }
/// let record = try Record(json: JSONParser.parse(line), origin: RecordOrigin(file: "feed.jsonl", line: 1))
/// for violation in policy.check(record).violations { print(violation.rule, violation.message) }
/// ```
public final class PolicySet: Sendable {
    /// The packs, in load order.
    public let packs: [Pack]
    /// Every rule, in load order.
    public let rules: [Rule]

    let vocabularies: [Vocabulary]
    let tables: [Table]
    let regexTable: RegexTable
    let termIndex: TermIndex
    /// How many distinct field paths conditions read (ids of `FieldRef`).
    let fieldCount: Int
    let normalizer = TextNormalizer()
    private let rulesByID: [String: Int]

    init(
        packs: [Pack], rules: [Rule], vocabularies: [Vocabulary], tables: [Table], regexTable: RegexTable,
        fieldCount: Int
    ) {
        self.fieldCount = fieldCount
        self.packs = packs
        self.rules = rules
        self.vocabularies = vocabularies
        self.tables = tables
        self.regexTable = regexTable
        self.termIndex = TermIndex(vocabularies: vocabularies)
        var byID: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { byID[rule.id] = index }
        self.rulesByID = byID
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rulesByID[id].map { rules[$0] } }

    /// Checks one record against every rule (or only the rules named in `only`).
    public func check(_ record: Record, only: Set<String>? = nil) -> CheckResult {
        let evaluation = RecordEvaluation(policy: self, record: record)
        var violations: [Violation] = []
        for rule in rules where only?.contains(rule.id) ?? true {
            violations.append(contentsOf: evaluation.violations(of: rule))
        }
        return CheckResult(violations: violations, problems: evaluation.problems)
    }

    func normalizedKey(_ value: ScalarValue) -> String { Table.normalizedKey(value, normalizer) }
}
