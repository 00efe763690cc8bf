import AssayRegex
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
    /// Per rule (same order as `rules`): what a record must contain for the rule to be evaluated.
    let triggers: RuleTriggerTable
    /// Per record kind: every field some rule of that kind matches terms or regexes in, each once.
    let matchFields: [RecordKind: [FieldRef]]
    /// Clears JSON Lines records no rule can fire on without parsing them.
    let screen: RecordScreen
    /// How many distinct field paths conditions read (ids of `FieldRef`).
    let fieldCount: Int
    let normalizer = TextNormalizer()
    private let rulesByID: [String: Int]

    /// Builds the policy from compiled packs; `regexes` have been validated, and are compiled here.
    ///
    /// With `threads` > 1 the regexes are compiled on a second thread while this one builds the term
    /// automaton (for the bench pack, PCRE2 compilation with JIT is ~4.5 ms of a ~25 ms load).
    init(
        packs: [Pack], rules: [Rule], vocabularies: [Vocabulary], tables: [Table], regexes: [RegexPattern],
        fieldCount: Int, threads: Int = 1
    ) throws(RegexTable.CompileFailure) {
        let compiling = threads > 1 && !regexes.isEmpty ? BackgroundComputation { RegexTable.compile(regexes) } : nil
        self.fieldCount = fieldCount
        self.packs = packs
        self.rules = rules
        self.vocabularies = vocabularies
        self.tables = tables
        let normalizer = self.normalizer
        // A set of atoms whose members the normaliser would change could never be seen in normalised text:
        // it is dropped (the regex then filters on its other sets, or always runs).
        let analyses: [RequiredLiterals.Analysis] = regexes.map { regex in
            guard !regex.options.contains(.extended) else { return .unknown }
            var analysis = RequiredLiterals.analyze(regex.pattern)
            let kept = (analysis.requirements ?? []).filter { atoms in
                atoms.allSatisfy { normalizer.normalizeTerm(String(decoding: $0, as: UTF8.self)) == $0 }
            }
            analysis.requirements = kept.isEmpty ? nil : kept
            return analysis
        }
        let termIndex = TermIndex(vocabularies: vocabularies, regexes: regexes, analyses: analyses)
        self.termIndex = termIndex
        self.triggers = RuleTriggerTable(rules.map { RuleTrigger($0.when, regexIsPrefiltered: termIndex.regexIsPrefiltered) })
        var matchFields: [RecordKind: [FieldRef]] = [:]
        for rule in rules {
            for kind in rule.kinds {
                var fields = matchFields[kind] ?? []
                for condition in [rule.when] + (rule.unless.map { [$0] } ?? []) {
                    for field in condition.matchedFields where !fields.contains(where: { $0.id == field.id }) {
                        fields.append(field)
                    }
                }
                matchFields[kind] = fields
            }
        }
        self.matchFields = matchFields
        self.screen = RecordScreen(rules: rules, triggers: triggers, matchFields: matchFields)
        var byID: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { byID[rule.id] = index }
        self.rulesByID = byID
        self.regexTable = try (compiling?.wait() ?? RegexTable.compile(regexes)).get()
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rulesByID[id].map { rules[$0] } }

    /// Checks one record against every rule (or only the rules named in `only`).
    public func check(_ record: Record, only: Set<String>? = nil) -> CheckResult {
        check(record, only: only, prescan: nil)
    }

    /// ``check(_:only:)`` starting from the scans the record screen made of the record's line, if any.
    func check(_ record: Record, only: Set<String>? = nil, prescan: RecordScreen.Prescan?) -> CheckResult {
        let evaluation = RecordEvaluation(policy: self, record: record, prescan: prescan)
        let found = prescan.map { (vocabularies: $0.vocabularies, regexes: $0.regexes) } ?? evaluation.scanSignals()
        var violations: [Violation] = []
        triggers.forEachMayFire(vocabularies: found.vocabularies, regexes: found.regexes) { index in
            if let only, !only.contains(rules[index].id) { return }
            violations.append(contentsOf: evaluation.violations(of: rules[index]))
        }
        return CheckResult(violations: violations, problems: evaluation.problems)
    }

    /// The signal scan of one text (UTF-8): normalised without the offset map, then scanned by the term
    /// index, whose regex candidates are then confirmed by running each to its first match (a candidate
    /// only says that the regex's required literals occur; the rule it triggers would run it anyway, and a
    /// record whose candidates all fail need not be parsed). The record screen and
    /// `RecordEvaluation.scanSignals` both scan this way, so a screen's scans can stand in for the
    /// evaluation's.
    func signalScan(of text: UnsafeBufferPointer<UInt8>, using matchData: RegexMatchData) -> TermIndex.FieldScan {
        normalizer.withNormalizedBytes(ofUTF8: text) { normalized in
            var found = termIndex.scan(normalized, using: matchData)
            regexTable.confirm(&found.regexCandidates, in: normalized, using: matchData)
            return found
        }
    }

    func normalizedKey(_ value: ScalarValue) -> String { Table.normalizedKey(value, normalizer) }
}
