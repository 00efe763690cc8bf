/// Turns a rule's witnesses into violations: one per distinct piece of text evidence (a span inside a
/// longer span of the same field is dropped), or one naming the compared field when the rule has no text
/// evidence.
struct ViolationBuilder {
    let rule: Rule
    let evaluation: RecordEvaluation

    /// At most this many violations per rule and field; the last one says how many more there were.
    static let maxPerField = 100

    func build(from witnesses: [Witness]) -> [Violation] {
        var candidates: [(path: String, range: Range<Int>, text: String, canonical: String?, env: [Binding?])] = []
        for witness in witnesses {
            for case .text(let path, let range, let text, let canonical) in witness.evidence {
                candidates.append((path, range, text, canonical, witness.env))
            }
        }
        if candidates.isEmpty {
            let witness = witnesses[0]
            for case .value(let path, let value) in witnesses.flatMap({ $0.evidence }) {
                return [make(field: path, range: nil, match: value.text, canonical: nil, value: value.text, env: witness.env)]
            }
            return [make(field: nil, range: nil, match: nil, canonical: nil, value: nil, env: witness.env)]
        }
        // Longest first within a field, then keep spans not inside an already kept span.
        candidates.sort {
            ($0.path, $0.range.lowerBound, -$0.range.count) < ($1.path, $1.range.lowerBound, -$1.range.count)
        }
        var kept: [(path: String, range: Range<Int>, text: String, canonical: String?, env: [Binding?])] = []
        for candidate in candidates {
            let covered = kept.contains {
                $0.path == candidate.path && $0.range.lowerBound <= candidate.range.lowerBound
                    && $0.range.upperBound >= candidate.range.upperBound
            }
            if !covered { kept.append(candidate) }
        }
        var perField: [String: Int] = [:]
        var violations: [Violation] = []
        for candidate in kept {
            let count = perField[candidate.path, default: 0]
            perField[candidate.path] = count + 1
            if count < Self.maxPerField {
                violations.append(
                    make(field: candidate.path, range: candidate.range, match: candidate.text,
                         canonical: candidate.canonical, value: candidate.text, env: candidate.env))
            }
        }
        for (path, count) in perField.sorted(by: { $0.key < $1.key }) where count > Self.maxPerField {
            evaluation.noteCap(rule: rule.id, field: path, total: count, cap: Self.maxPerField)
        }
        return violations
    }

    private func make(
        field: String?, range: Range<Int>?, match: String?, canonical: String?, value: String?, env: [Binding?]
    ) -> Violation {
        var message = ""
        for part in rule.message.parts {
            switch part {
            case .literal(let text): message += text
            case .match: message += match ?? ""
            case .canonical: message += canonical ?? match ?? ""
            case .field: message += field ?? ""
            case .value: message += value ?? ""
            case .operand(let operand):
                let values = evaluation.values(operand, env: env)
                message += values.first.map { $0.value == .null ? "(none)" : $0.value.text } ?? "(none)"
            }
        }
        let record = evaluation.record
        let source = field.flatMap { record.textSources[$0] }
        return Violation(
            rule: rule.id, title: rule.title, pack: rule.pack, category: rule.category, severity: rule.severity,
            record: record.id, kind: record.kind, field: field, start: range?.lowerBound, end: range?.upperBound,
            match: match, message: message, references: rule.references, origin: record.origin(ofField: field),
            textSource: source, sourceText: source == nil ? nil : field.flatMap { evaluation.text(at: $0) })
    }
}
