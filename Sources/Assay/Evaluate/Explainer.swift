import AssayDSL

extension PolicySet {
    /// Explains why a rule did or did not fire on a record: whether it applies (kind, market), its table
    /// lookups, every condition with whether it held and its evidence, what normalisation did to each
    /// text it read, which allow phrase won over which match, which validator rejected which candidate,
    /// the `unless` clause, and the resulting violations. Nil when the rule id is unknown.
    public func explain(rule id: String, record: Record) -> String? {
        guard let rule = rule(id) else { return nil }
        return Explainer(policy: self, rule: rule, record: record).render()
    }
}

/// Builds the `assay explain` text. It re-evaluates each condition node with the real evaluator, so what
/// it shows is what the check did.
struct Explainer {
    let policy: PolicySet
    let rule: Rule
    let record: Record
    let evaluation: RecordEvaluation
    private var lines: [String] = []

    init(policy: PolicySet, rule: Rule, record: Record) {
        self.policy = policy
        self.rule = rule
        self.record = record
        self.evaluation = RecordEvaluation(policy: policy, record: record)
    }

    func render() -> String {
        var explainer = self
        explainer.build()
        return explainer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func build() {
        lines.append("rule \(rule.id) — \(rule.title)  [\(rule.severity.rawValue), \(rule.category.rawValue), pack \(rule.pack)] at \(rule.location)")
        lines.append("record \(record.id) (\(record.kind.rawValue)) from \(record.origin.file):\(record.origin.line)")
        let kindOK = rule.kinds.contains(record.kind)
        lines.append("kind: \(record.kind.rawValue) \(mark(kindOK)) (rule kinds: \(rule.kinds.map(\.rawValue).joined(separator: ", ")))")
        let marketField = CanonicalSchema.marketField(for: record.kind)
        let market = record.fields[marketField].map { $0.compactDescription } ?? "(none)"
        let markets = rule.markets.map { $0.joined(separator: ", ") + (rule.admitsUnknownMarket ? ", unknown" : "") } ?? "all"
        let applies = evaluation.applies(rule)
        lines.append("market: \(marketField) = \(market) \(mark(!kindOK || applies)) (rule markets: \(markets))")
        guard applies else {
            lines.append("result: does not apply to this record — not fired")
            return
        }
        var env = [Binding?](repeating: nil, count: rule.slotCount)
        for binding in rule.lets {
            let table = policy.tables[binding.table]
            let keys = binding.keys.map { describeValues($0, env: env) }.joined(separator: ", ")
            guard let row = evaluation.lookup(binding.table, keys: binding.keys, env: env) else {
                lines.append("let: \(table.name)[\(keys)] has no row — the rule does not apply")
                lines.append("result: not fired")
                return
            }
            let cells = zip(table.columns, table.rows[row]).map { "\($0.name)=\($1.text)" }.joined(separator: ", ")
            lines.append("let: \(table.name)[\(keys)] → row \(cells)")
            env[binding.slot] = .row(table: binding.table, row: row)
        }
        lines.append("when:")
        explain(rule.when, env: env, depth: 1)
        let fired = !evaluation.evaluate(rule.when, env: env).isEmpty
        if let unless = rule.unless {
            let cleared = !evaluation.evaluate(unless, env: env).isEmpty
            lines.append("unless: \(cleared ? "HOLDS — the record is cleared" : "does not hold")")
            explain(unless, env: env, depth: 1)
            if cleared {
                lines.append("result: not fired (cleared by 'unless')")
                return
            }
        }
        guard fired else {
            lines.append("result: not fired ('when' does not hold)")
            return
        }
        let violations = policy.check(record, only: [rule.id]).violations
        lines.append("result: FIRES — \(violations.count) violation\(violations.count == 1 ? "" : "s")")
        for violation in violations {
            let span = violation.start.map { "\($0)..<\(violation.end ?? $0)" } ?? "value"
            lines.append("  \(violation.field ?? "-") \(span) “\(violation.match ?? "")”: \(violation.message)")
        }
    }

    private func mark(_ ok: Bool) -> String { ok ? "✓" : "✗" }

    private mutating func explain(_ condition: Condition, env: [Binding?], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        let held = !evaluation.evaluate(condition, env: env).isEmpty
        switch condition {
        case .all(let items):
            lines.append("\(indent)\(mark(held)) all of:")
            for item in items { explain(item, env: env, depth: depth + 1) }
        case .any(let items):
            lines.append("\(indent)\(mark(held)) any of:")
            for item in items { explain(item, env: env, depth: depth + 1) }
        case .not(let inner):
            lines.append("\(indent)\(mark(held)) not:")
            explain(inner, env: env, depth: depth + 1)
        case .atLeast(let count, let items):
            lines.append("\(indent)\(mark(held)) at least \(count) of:")
            for item in items { explain(item, env: env, depth: depth + 1) }
        case .match(let fields, let matcher):
            lines.append("\(indent)\(mark(held)) \(fields.map(\.path.description).joined(separator: "|")) matches \(describe(matcher))")
            explainTexts(fields, matcher, indent: indent + "    ")
        case .validity(let fields, let validator, let expectValid):
            lines.append("\(indent)\(mark(held)) \(expectValid ? "valid" : "invalid")(\(fields.map(\.path.description).joined(separator: "|")), \(validator.rawValue))")
            for field in fields {
                for (path, value) in evaluation.scalars(field.path) where value != .null {
                    lines.append("\(indent)    \(path) = \(value.text): \(validator.isValid(value.text) ? "passes" : "fails") \(validator.rawValue)")
                }
            }
        case .presence(let fields, let present):
            lines.append("\(indent)\(mark(held)) \(fields.map(\.path.description).joined(separator: "|")) is \(present ? "present" : "missing")")
        case .membership(let operand, let set, let negated):
            lines.append("\(indent)\(mark(held)) \(describe(operand)) = \(describeValues(operand, env: env)) \(negated ? "not in" : "in") [\(set.sorted().joined(separator: ", "))]")
        case .comparison(let left, let comparator, let right):
            lines.append("\(indent)\(mark(held)) \(describe(left)) \(comparator.rawValue) \(describe(right))   (\(describeValues(left, env: env)) \(comparator.rawValue) \(describeValues(right, env: env)))")
        case .dynamicComparison(let left, let comparator, let right):
            let op = describeValues(comparator, env: env)
            lines.append("\(indent)\(mark(held)) compare(\(describe(left)), \(describe(comparator)), \(describe(right)))   (\(describeValues(left, env: env)) \(op) \(describeValues(right, env: env)))")
        }
    }

    private mutating func explainTexts(_ fields: [FieldRef], _ matcher: Matcher, indent: String) {
        var anyText = false
        for field in fields {
            for text in evaluation.texts(field) {
                anyText = true
                lines.append("\(indent)\(text.path) = “\(clip(text.original))”")
                let normalized = String(decoding: text.normalized.bytes, as: UTF8.self)
                if normalized != text.original {
                    lines.append("\(indent)  normalised: “\(clip(normalized))”")
                }
                for (label, single) in [("", matcher.primary)] + (matcher.near.map { [("near: ", $0)] } ?? []) {
                    let found = evaluation.candidates(single, in: text, trace: true)
                    for candidate in found.kept {
                        let original = text.normalized.originalRange(ofNormalized: candidate.range)
                        lines.append("\(indent)  \(label)match “\(text.originalText(original))” at \(original.lowerBound)..<\(original.upperBound)\(candidate.canonical.map { " (term \($0))" } ?? "")")
                    }
                    for cleared in found.allowedAway {
                        let original = text.normalized.originalRange(ofNormalized: cleared.range)
                        lines.append("\(indent)  \(label)cleared “\(text.originalText(original))” at \(original.lowerBound)..<\(original.upperBound): allow phrase “\(cleared.allowPhrase)” contains it")
                    }
                    for rejected in found.failedValidation {
                        let original = text.normalized.originalRange(ofNormalized: rejected)
                        lines.append("\(indent)  \(label)candidate “\(text.originalText(original))” rejected by the validator")
                    }
                }
            }
        }
        if !anyText { lines.append("\(indent)(the record has none of these fields)") }
    }

    private func clip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 160 else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(160))
        return String(view) + "…"
    }

    private func describe(_ matcher: Matcher) -> String {
        var text = describe(matcher.primary)
        if let near = matcher.near { text += " near \(describe(near)) within \(matcher.within)" }
        return text
    }

    private func describe(_ matcher: SingleMatcher) -> String {
        var text: String
        switch matcher.source {
        case .terms(let ids): text = "terms(\(ids.map { policy.vocabularies[$0].name }.joined(separator: ", ")))"
        case .regex(let id, let validator):
            text = "regex(/\(policy.regexTable.pattern(id))/)" + (validator.map { " validate \($0.rawValue)" } ?? "")
        }
        if !matcher.except.isEmpty {
            text += " except terms(\(matcher.except.map { policy.vocabularies[$0].name }.joined(separator: ", ")))"
        }
        return text
    }

    private func describe(_ operand: Operand) -> String {
        switch operand {
        case .literal(let value): return value.text
        case .field(let path): return path.description
        case .matchBinding(_, let member): return "binding.\(member.rawValue)"
        case .rowBinding(let slot, let column):
            guard let table = rule.lets.first(where: { $0.slot == slot })?.table else { return "row.\(column)" }
            return "\(policy.tables[table].name).\(policy.tables[table].columns[column].name)"
        case .cell(let table, _, let column): return "\(policy.tables[table].name)[…].\(policy.tables[table].columns[column].name)"
        }
    }

    private func describeValues(_ operand: Operand, env: [Binding?]) -> String {
        let values = evaluation.values(operand, env: env).map { $0.value == .null ? "null" : $0.value.text }
        return values.isEmpty ? "(none)" : values.joined(separator: " | ")
    }
}
