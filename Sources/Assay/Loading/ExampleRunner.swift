import AssayJSON

/// The outcome of one embedded example.
public struct ExampleOutcome: Sendable {
    /// Rule id.
    public let rule: String
    /// The example.
    public let example: RuleExample
    /// True when the example behaved as declared.
    public let passed: Bool
    /// What happened, e.g. `fired 1 violation: "最 佳" at title[2..<5]`.
    public let detail: String
}

extension PolicySet {
    /// Runs every embedded example of every rule (or of the rules in `only`), each against its own rule.
    public func runExamples(only: Set<String>? = nil) -> [ExampleOutcome] {
        var outcomes: [ExampleOutcome] = []
        for rule in rules where only?.contains(rule.id) ?? true {
            for (index, example) in rule.examples.enumerated() {
                outcomes.append(run(example, index: index, of: rule))
            }
        }
        return outcomes
    }

    private func run(_ example: RuleExample, index: Int, of rule: Rule) -> ExampleOutcome {
        let origin = RecordOrigin(file: example.location, line: 0)
        let record: Record
        do {
            record = try Record(json: .object(example.record), origin: origin)
        } catch {
            return ExampleOutcome(rule: rule.id, example: example, passed: false, detail: "invalid example record: \(error.message)")
        }
        let violations = check(record, only: [rule.id]).violations
        let found = violations.map { violation in
            "\"\(violation.match ?? "")\" at \(violation.field ?? "-")[\(violation.start.map(String.init) ?? "")..<\(violation.end.map(String.init) ?? "")]"
        }
        let summary = violations.isEmpty ? "did not fire" : "fired \(violations.count): " + found.joined(separator: ", ")
        if !example.fires {
            return ExampleOutcome(rule: rule.id, example: example, passed: violations.isEmpty, detail: summary)
        }
        guard !violations.isEmpty else {
            return ExampleOutcome(rule: rule.id, example: example, passed: false, detail: summary)
        }
        if let expected = example.expectedMatch, !violations.contains(where: { $0.match == expected }) {
            return ExampleOutcome(
                rule: rule.id, example: example, passed: false, detail: "expected \"\(expected)\", \(summary)")
        }
        return ExampleOutcome(rule: rule.id, example: example, passed: true, detail: summary)
    }
}
