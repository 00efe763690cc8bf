import AssayDSL
import AssayValidators

/// A field path a condition reads, with a dense id so per-record caches are arrays, not hash maps.
struct FieldRef: Sendable {
    let id: Int
    let path: FieldPath
}

/// A value inside a compiled condition.
indirect enum Operand: Sendable {
    case literal(ScalarValue)
    case field(FieldPath)
    /// `b.canonical` / `b.text` of a match bound with `as b`.
    case matchBinding(slot: Int, member: MatchMember)
    /// `t.column` of a row bound with `let t = TABLE[…]`.
    case rowBinding(slot: Int, column: Int)
    /// `TABLE[keys].column`.
    case cell(table: Int, keys: [Operand], column: Int)
}

/// What a match binding exposes.
enum MatchMember: String, Sendable {
    case canonical, text
}

/// Where the text a matcher looks for comes from.
enum MatchSource: Sendable {
    /// Terms of these vocabularies (global vocabulary ids).
    case terms([Int])
    /// A regex (global regex id), optionally filtered by a checksum validator.
    case regex(Int, validator: Validator?)
}

/// One `terms(…)`/`regex(…)` with its exceptions and binding.
struct SingleMatcher: Sendable {
    var source: MatchSource
    /// Allow-phrase vocabularies: a match lying inside one of their matches does not count.
    var except: [Int]
    /// Binding slot for `as NAME`.
    var bindingSlot: Int?
}

/// A matcher, optionally `near` another within a distance in characters.
struct Matcher: Sendable {
    var primary: SingleMatcher
    var near: SingleMatcher?
    var within: Int
}

/// A condition after name resolution and type checking.
indirect enum Condition: Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case atLeast(Int, [Condition])
    case match(fields: [FieldRef], matcher: Matcher)
    case validity(fields: [FieldRef], validator: Validator, expectValid: Bool)
    case presence(fields: [FieldRef], present: Bool)
    /// Operand value (case-folded) in a set of case-folded strings.
    case membership(Operand, Set<String>, negated: Bool)
    case comparison(Operand, ComparatorOperator, Operand)
    case dynamicComparison(Operand, Operand, Operand)
}

extension Condition {
    /// The fields of every `matches` condition inside this one (duplicates possible).
    var matchedFields: [FieldRef] {
        switch self {
        case .all(let items), .any(let items), .atLeast(_, let items): items.flatMap(\.matchedFields)
        case .not(let inner): inner.matchedFields
        case .match(let fields, _): fields
        case .validity, .presence, .membership, .comparison, .dynamicComparison: []
        }
    }
}
