import AssayDSL

/// How two scalar values compare. Ordering needs numbers (numeric strings count); equality compares
/// numbers numerically, text case-insensitively, and `"true"`/`"false"` text as booleans.
enum ValueComparison {
    static func holds(_ left: ScalarValue, _ comparator: ComparatorOperator, _ right: ScalarValue) -> Bool {
        switch comparator {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let l = left.numericValue, let r = right.numericValue else { return false }
            switch comparator {
            case .less: return l < r
            case .lessEqual: return l <= r
            case .greater: return l > r
            default: return l >= r
            }
        }
    }

    static func equal(_ left: ScalarValue, _ right: ScalarValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let l), .bool(let r)): return l == r
        case (.bool(let l), .string(let r)), (.string(let r), .bool(let l)):
            return r.lowercased() == (l ? "true" : "false")
        case (.number, _), (_, .number):
            guard let l = left.numericValue, let r = right.numericValue else { return false }
            return l == r
        case (.string(let l), .string(let r)):
            return l.lowercased() == r.lowercased()
        default:
            return false
        }
    }
}
