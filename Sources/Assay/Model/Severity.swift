/// How serious a violation is. Ordered: `info < low < medium < high < critical`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Hashable {
    case info, low, medium, high, critical

    var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
