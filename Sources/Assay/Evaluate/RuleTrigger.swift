/// What must have been found in a record for a rule's `when` condition to possibly hold: the prefilter
/// that lets a record skip every rule none of whose vocabularies or regex atoms occur in it.
///
/// Derived from the compiled condition, soundly: a rule is skipped only when its condition cannot hold.
/// A condition that can hold without any text match (comparisons, presence, `not`, regexes that are not
/// prefiltered) makes the rule run on every record.
enum RuleTrigger: Sendable, Equatable {
    /// Evaluate on every record of the rule's kinds.
    case always
    /// Evaluate only when one of these vocabularies has a hit, or one of these regexes' prefilter passed,
    /// in some field of the record.
    case signals(vocabularies: [Int], regexes: [Int])

    /// The trigger of a condition, given which regexes are prefiltered (`regexIsPrefiltered[id]`).
    init(_ condition: Condition, regexIsPrefiltered: [Bool]) {
        switch condition {
        case .match(_, let matcher):
            switch matcher.primary.source {
            case .terms(let vocabularies):
                self = .signals(vocabularies: vocabularies, regexes: [])
            case .regex(let id, _):
                self = regexIsPrefiltered[id] ? .signals(vocabularies: [], regexes: [id]) : .always
            }
        case .all(let items):
            // Every item must hold: any one item's trigger is required; take the narrowest.
            let triggers = items.map { RuleTrigger($0, regexIsPrefiltered: regexIsPrefiltered) }
            self = triggers.filter { $0 != .always }.min { $0.width < $1.width } ?? .always
        case .any(let items), .atLeast(_, let items):
            // One item must hold (`N of` with N ≥ 1 as well): the union, unless some item needs nothing.
            if case .atLeast(let count, _) = condition, count < 1 {
                self = .always
                return
            }
            var vocabularies: [Int] = []
            var regexes: [Int] = []
            for item in items {
                guard case .signals(let v, let r) = RuleTrigger(item, regexIsPrefiltered: regexIsPrefiltered) else {
                    self = .always
                    return
                }
                vocabularies += v
                regexes += r
            }
            self = items.isEmpty ? .always : .signals(vocabularies: vocabularies, regexes: regexes)
        case .not, .validity, .presence, .membership, .comparison, .dynamicComparison:
            self = .always
        }
    }

    /// Whether a record with these vocabulary hits and regex-atom occurrences may satisfy the rule.
    func mayFire(vocabularies found: SignalSet, regexes candidates: SignalSet) -> Bool {
        switch self {
        case .always:
            return true
        case .signals(let vocabularies, let regexes):
            return vocabularies.contains(where: found.contains) || regexes.contains(where: candidates.contains)
        }
    }

    private var width: Int {
        if case .signals(let v, let r) = self { return v.count + r.count }
        return .max
    }
}
