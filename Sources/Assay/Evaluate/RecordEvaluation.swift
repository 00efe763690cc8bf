import AssayDSL
import AssayJSON
import AssayRegex
import AssayText

/// Evaluates rules against one record. It owns the record's field cache, so each field is normalised
/// and scanned at most once however many rules read it. Not shared between threads: one per record.
final class RecordEvaluation {
    let policy: PolicySet
    let record: Record
    private var fieldTexts: [String: FieldText] = [:]
    private var textsByField: [[FieldText]?]
    /// Per field id: the scans `scanSignals()` made of the field's texts, in `texts(_:)` order, handed to
    /// the `FieldText`s when a triggered rule reads the field (so nothing is scanned twice).
    private var signalScans: [[TermIndex.FieldScan]?]
    /// PCRE2 match data shared by every regex scan of this record.
    private let matchData = RegexMatchData()
    /// Problems met while evaluating (regex limits), reported with the record.
    private(set) var problems: [RuleProblem] = []

    func record(_ problem: RuleProblem) {
        if !problems.contains(problem) { problems.append(problem) }
    }
    private var currentRule = ""

    /// Witnesses beyond this many per condition are not explored (bindings over many matches).
    static let maxWitnesses = 256

    /// - Parameter prescan: the record screen's scans of the record's line (then `scanSignals()` is not needed).
    init(policy: PolicySet, record: Record, prescan: RecordScreen.Prescan? = nil) {
        self.policy = policy
        self.record = record
        self.textsByField = Array(repeating: nil, count: policy.fieldCount)
        self.signalScans = prescan?.scansByField ?? Array(repeating: nil, count: policy.fieldCount)
    }

    // MARK: rules

    func applies(_ rule: Rule) -> Bool {
        guard rule.kinds.contains(record.kind) else { return false }
        guard let markets = rule.markets else { return true }
        let field = CanonicalSchema.marketField(for: record.kind)
        guard case .string(let raw)? = record.fields[field], !raw.isEmpty else { return rule.admitsUnknownMarket }
        let market = raw.uppercased()
        if markets.contains(market) { return true }
        if market.count > 3, market.dropFirst(2).first == "-", markets.contains(String(market.prefix(2))) { return true }
        if markets.contains("EU"), EUMemberStates.codes.contains(market) { return true }
        return false
    }

    func violations(of rule: Rule) -> [Violation] {
        guard applies(rule) else { return [] }
        currentRule = rule.id
        var env = [Binding?](repeating: nil, count: rule.slotCount)
        for binding in rule.lets {
            guard let row = lookup(binding.table, keys: binding.keys, env: env) else { return [] }
            env[binding.slot] = .row(table: binding.table, row: row)
        }
        let witnesses = evaluate(rule.when, env: env)
        guard !witnesses.isEmpty else { return [] }
        if let unless = rule.unless, !evaluate(unless, env: env).isEmpty { return [] }
        return ViolationBuilder(rule: rule, evaluation: self).build(from: witnesses)
    }

    /// Scans every field the record's rules match text in, once: the vocabularies with hits and the
    /// regexes that may match anywhere in the record (the input to each rule's `RuleTrigger`).
    ///
    /// This is the per-record hot path, and most records trigger no rule: each text is normalised without
    /// the map back to the original and no `FieldText` is built. The scans are kept; a triggered rule's
    /// `FieldText`s start from them and normalise again (with the map) only a field a matcher may match in.
    func scanSignals() -> (vocabularies: SignalSet, regexes: SignalSet) {
        var vocabularies = SignalSet(capacity: policy.termIndex.vocabularyCount)
        var regexes = SignalSet(capacity: policy.termIndex.regexCount)
        let policy = self.policy
        let matchData = self.matchData
        var scans: [TermIndex.FieldScan] = []
        func scan(_ text: String) {
            var text = text
            let scan = text.withUTF8 { policy.signalScan(of: $0, using: matchData) }
            vocabularies.formUnion(scan.vocabularies)
            regexes.formUnion(scan.regexCandidates)
            scans.append(scan)
        }
        // The same texts `texts(_:)` gives, in the same order.
        func visit(_ value: JSONValue) {
            switch value {
            case .string(let text): scan(text)
            case .number(let number): scan(number.text)
            case .array(let items): for item in items { visit(item) }
            default: break
            }
        }
        for field in policy.matchFields[record.kind] ?? [] where signalScans[field.id] == nil {
            scans = []
            field.path.forEachValue(in: record.fields, visit)
            if let hidden = hiddenField(of: field), let value = record.fields[hidden] { visit(value) }
            signalScans[field.id] = scans
        }
        return (vocabularies, regexes)
    }

    // MARK: conditions

    func evaluate(_ condition: Condition, env: [Binding?]) -> [Witness] {
        switch condition {
        case .all(let items):
            var witnesses = [Witness(evidence: [], env: env)]
            for item in items {
                var next: [Witness] = []
                for witness in witnesses {
                    for more in evaluate(item, env: witness.env) {
                        next.append(Witness(evidence: witness.evidence + more.evidence, env: more.env))
                        if next.count >= Self.maxWitnesses { break }
                    }
                    if next.count >= Self.maxWitnesses { break }
                }
                if next.isEmpty { return [] }
                witnesses = next
            }
            return witnesses
        case .any(let items):
            var witnesses: [Witness] = []
            for item in items {
                witnesses.append(contentsOf: evaluate(item, env: env))
                if witnesses.count >= Self.maxWitnesses { break }
            }
            return witnesses
        case .not(let inner):
            return evaluate(inner, env: env).isEmpty ? [Witness(evidence: [], env: env)] : []
        case .atLeast(let count, let items):
            var evidence: [Evidence] = []
            var satisfied = 0
            var newEnv = env
            for item in items {
                let witnesses = evaluate(item, env: env)
                guard let first = witnesses.first else { continue }
                satisfied += 1
                evidence.append(contentsOf: witnesses.flatMap { $0.evidence })
                for (slot, binding) in first.env.enumerated() where binding != nil && newEnv[slot] == nil {
                    newEnv[slot] = binding
                }
            }
            return satisfied >= count ? [Witness(evidence: evidence, env: newEnv)] : []
        case .match(let fields, let matcher):
            return evaluateMatch(fields, matcher, env: env)
        case .validity(let fields, let validator, let expectValid):
            var evidence: [Evidence] = []
            for field in fields {
                for (path, value) in scalars(field.path) {
                    let text = value.text
                    guard value != .null, !text.isEmpty else { continue }
                    if validator.isValid(text) == expectValid { evidence.append(.value(path: path, value: value)) }
                }
            }
            return evidence.isEmpty ? [] : [Witness(evidence: evidence, env: env)]
        case .presence(let fields, let present):
            let found = fields.contains { field in
                scalars(field.path).contains { $0.value != .null && !($0.value.text.isEmpty) }
            }
            return found == present ? [Witness(evidence: [], env: env)] : []
        case .membership(let operand, let set, let negated):
            var evidence: [Evidence] = []
            var holds = false
            for (value, path) in values(operand, env: env) where set.contains(value.text.lowercased()) != negated {
                holds = true
                if let path, value != .null { evidence.append(.value(path: path, value: value)) }
            }
            return holds ? [Witness(evidence: evidence, env: env)] : []
        case .comparison(let left, let comparator, let right):
            return compareOperands(left, { _ in comparator }, right, env: env)
        case .dynamicComparison(let left, let comparatorOperand, let right):
            guard let text = values(comparatorOperand, env: env).first?.value.text,
                let comparator = ComparatorOperator(rawValue: text)
            else { return [] }
            return compareOperands(left, { _ in comparator }, right, env: env)
        }
    }

    private func compareOperands(
        _ left: Operand, _ comparator: (Int) -> ComparatorOperator, _ right: Operand, env: [Binding?]
    ) -> [Witness] {
        let rightValues = values(right, env: env)
        for (leftValue, leftPath) in values(left, env: env) {
            for (rightValue, rightPath) in rightValues where ValueComparison.holds(leftValue, comparator(0), rightValue) {
                var evidence: [Evidence] = []
                if let leftPath { evidence.append(.value(path: leftPath, value: leftValue)) }
                if let rightPath { evidence.append(.value(path: rightPath, value: rightValue)) }
                return [Witness(evidence: evidence, env: env)]
            }
        }
        return []
    }

    // MARK: text matching

    /// A matcher's findings in one field, in normalised byte ranges.
    struct MatchCandidates {
        var kept: [(range: Range<Int>, canonical: String?)] = []
        var allowedAway: [(range: Range<Int>, canonical: String?, allowPhrase: String)] = []
        var failedValidation: [Range<Int>] = []
    }

    private struct Span {
        let path: String
        let range: Range<Int>
        let canonical: String?
        let field: FieldText
    }

    private func evaluateMatch(_ fields: [FieldRef], _ matcher: Matcher, env: [Binding?]) -> [Witness] {
        var spans: [Span] = []
        var nearSpans: [Span?] = []
        for field in fields {
            for text in texts(field) where text.mayMatch(matcher.primary.source, policy.termIndex) {
                let primary = self.spans(matcher.primary, in: text)
                guard !primary.isEmpty else { continue }
                guard let near = matcher.near else {
                    spans.append(contentsOf: primary)
                    continue
                }
                let secondary = self.spans(near, in: text)
                for span in primary {
                    var best: Span?
                    var bestGap = Int.max
                    for other in secondary {
                        let gap = max(0, max(span.range.lowerBound, other.range.lowerBound) - min(span.range.upperBound, other.range.upperBound))
                        if gap <= matcher.within, gap < bestGap, other.range != span.range {
                            best = other
                            bestGap = gap
                        }
                    }
                    guard let best else { continue }
                    let union = min(span.range.lowerBound, best.range.lowerBound)..<max(span.range.upperBound, best.range.upperBound)
                    spans.append(Span(path: span.path, range: union, canonical: span.canonical, field: text))
                    nearSpans.append(best)
                }
            }
        }
        guard !spans.isEmpty else { return [] }
        func evidence(_ span: Span) -> Evidence {
            .text(path: span.path, range: span.range, text: span.field.originalText(span.range), canonical: span.canonical)
        }
        let bindingSlot = matcher.primary.bindingSlot ?? matcher.near?.bindingSlot
        guard bindingSlot != nil else {
            return [Witness(evidence: spans.map(evidence), env: env)]
        }
        var witnesses: [Witness] = []
        for (index, span) in spans.enumerated().prefix(Self.maxWitnesses) {
            var newEnv = env
            if let slot = matcher.primary.bindingSlot {
                // The primary match alone (not the near-union) is what the binding names.
                newEnv[slot] = .match(text: span.field.originalText(span.range), canonical: span.canonical)
            }
            if let slot = matcher.near?.bindingSlot, index < nearSpans.count, let near = nearSpans[index] {
                newEnv[slot] = .match(text: near.field.originalText(near.range), canonical: near.canonical)
            }
            witnesses.append(Witness(evidence: [evidence(span)], env: newEnv))
        }
        return witnesses
    }

    /// The matches of one matcher in one field, exceptions applied, as original-text spans.
    private func spans(_ matcher: SingleMatcher, in text: FieldText) -> [Span] {
        candidates(matcher, in: text, trace: false).kept.map { candidate in
            Span(
                path: text.path, range: text.normalized.originalRange(ofNormalized: candidate.range),
                canonical: candidate.canonical, field: text)
        }
    }

    /// What a matcher finds in one field (normalised byte ranges): the matches kept, and — when
    /// `trace` is set, for `assay explain` — those an allow phrase won over and those a validator rejected.
    func candidates(_ matcher: SingleMatcher, in text: FieldText, trace: Bool) -> MatchCandidates {
        var result = MatchCandidates()
        guard trace || text.mayMatch(matcher.source, policy.termIndex) else { return result }
        switch matcher.source {
        case .terms(let vocabularies):
            let scan = text.scan(policy.termIndex)
            for vocabulary in vocabularies {
                for hit in scan.hits(of: vocabulary) {
                    let term = policy.vocabularies[vocabulary].terms[Int(hit.term)]
                    result.kept.append((hit.start..<hit.end, term.canonical ?? term.text))
                }
            }
        case .regex(let id, let validator):
            for range in text.regexMatches(id, policy.regexTable, policy.termIndex) {
                if let validator, !validator.isValid(text.normalizedText(range)) {
                    if trace { result.failedValidation.append(range) }
                    continue
                }
                result.kept.append((range, nil))
            }
            if let failure = text.failures[id] {
                let problem = RuleProblem(
                    rule: currentRule, record: record.id, field: text.path,
                    message: "\(failure) for /\(policy.regexTable.pattern(id))/; matches after that point were not checked")
                record(problem)
            }
        }
        if !matcher.except.isEmpty, !result.kept.isEmpty {
            let scan = text.scan(policy.termIndex)
            let allowed = matcher.except.flatMap { vocabulary in scan.hits(of: vocabulary).map { (vocabulary, $0) } }
            result.kept.removeAll { candidate in
                guard let (vocabulary, winner) = allowed.first(where: {
                    $0.1.start <= candidate.range.lowerBound && $0.1.end >= candidate.range.upperBound
                }) else { return false }
                if trace {
                    let phrase = policy.vocabularies[vocabulary].terms[Int(winner.term)].text
                    result.allowedAway.append((candidate.range, candidate.canonical, phrase))
                }
                return true
            }
        }
        return result
    }

    /// The text fields a path reaches: strings, and numbers as written; arrays expand to their elements.
    func texts(_ field: FieldRef) -> [FieldText] {
        if let cached = textsByField[field.id] { return cached }
        var result: [FieldText] = []
        let scans = signalScans[field.id] ?? []
        for (concrete, value) in field.path.resolve(in: record.fields) {
            collectTexts(concrete, value, scans, into: &result)
        }
        if let hidden = hiddenField(of: field), let value = record.fields[hidden] {
            collectTexts(hidden, value, scans, into: &result)
        }
        textsByField[field.id] = result
        return result
    }

    /// Text extracted from HTML that shoppers cannot see (alt/title attributes, hidden elements, comments)
    /// sits in `<field>_hidden`; it is read wherever its (top-level) field is read.
    private func hiddenField(of field: FieldRef) -> String? {
        guard !record.textSources.isEmpty, field.path.components.count == 1 else { return nil }
        return field.path.root + HiddenText.fieldSuffix
    }

    /// Appends the texts of `value`; the n-th text gets `scans[n]` (n = its position in `result`).
    private func collectTexts(_ path: String, _ value: JSONValue, _ scans: [TermIndex.FieldScan], into result: inout [FieldText]) {
        let scan = result.count < scans.count ? scans[result.count] : nil
        switch value {
        case .string(let text):
            result.append(fieldText(path, text, scan: scan))
        case .number(let number):
            result.append(fieldText(path, number.text, scan: scan))
        case .array(let items):
            for (index, item) in items.enumerated() { collectTexts("\(path).\(index)", item, scans, into: &result) }
        default:
            break
        }
    }

    /// The text of a concrete field path, as rules saw it.
    func text(at path: String) -> String? { fieldTexts[path]?.original }

    private func fieldText(_ path: String, _ text: String, scan: TermIndex.FieldScan?) -> FieldText {
        if let existing = fieldTexts[path] { return existing }
        let created = FieldText(path: path, original: text, normalizer: policy.normalizer, matchData: matchData, scan: scan)
        fieldTexts[path] = created
        return created
    }

    // MARK: operands

    /// Scalar values a path reaches (arrays expanded); a missing field gives one `null`.
    func scalars(_ path: FieldPath) -> [(path: String, value: ScalarValue)] {
        var result: [(String, ScalarValue)] = []
        func collect(_ concrete: String, _ value: JSONValue) {
            if case .array(let items) = value {
                for (index, item) in items.enumerated() { collect("\(concrete).\(index)", item) }
            } else if let scalar = ScalarValue(value) {
                result.append((concrete, scalar))
            }
        }
        for (concrete, value) in path.resolve(in: record.fields) { collect(concrete, value) }
        return result
    }

    func values(_ operand: Operand, env: [Binding?]) -> [(value: ScalarValue, path: String?)] {
        switch operand {
        case .literal(let value):
            return [(value, nil)]
        case .field(let path):
            let found = scalars(path)
            return found.isEmpty ? [(.null, path.description)] : found.map { ($0.value, $0.path) }
        case .matchBinding(let slot, let member):
            guard case .match(let text, let canonical)? = env[slot] else { return [] }
            return [(.string(member == .canonical ? (canonical ?? text) : text), nil)]
        case .rowBinding(let slot, let column):
            guard case .row(let table, let row)? = env[slot] else { return [] }
            return [(policy.tables[table].rows[row][column], nil)]
        case .cell(let table, let keys, let column):
            // A table with no row for the key behaves like a missing field: null.
            guard let row = lookup(table, keys: keys, env: env) else { return [(.null, nil)] }
            return [(policy.tables[table].rows[row][column], nil)]
        }
    }

    func lookup(_ tableID: Int, keys: [Operand], env: [Binding?]) -> Int? {
        var parts: [String] = []
        for key in keys {
            guard let value = values(key, env: env).first?.value, value != .null else { return nil }
            parts.append(policy.normalizedKey(value))
        }
        return policy.tables[tableID].index[Table.key(parts)]
    }
}
