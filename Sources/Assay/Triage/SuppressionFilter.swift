import Foundation

/// Drops findings covered by a ``SuppressionFile`` (`--suppressions FILE`). An expired suppression no
/// longer drops anything: its findings are reported again and it is warned about. A suppression that
/// covered nothing in the whole run is warned about too, so the file does not silt up.
/// Safe to share between threads.
public final class SuppressionFilter: ViolationFilter, @unchecked Sendable {
    /// The suppressions in use.
    public let file: SuppressionFile
    private let lock = NSLock()
    /// Findings each suppression covered, by position in `file.suppressions`.
    private var hits: [Int]
    private var removedCount = 0

    /// A filter for `file`.
    public init(_ file: SuppressionFile) {
        self.file = file
        hits = Array(repeating: 0, count: file.suppressions.count)
    }

    /// `suppressed`.
    public var name: String { "suppressed" }

    /// Findings removed so far.
    public var removed: Int { lock.withLock { removedCount } }

    /// The findings no live suppression covers. Every suppression covering a finding is counted as used.
    public func apply(_ violations: [Violation], in record: Record) -> [Violation] {
        guard !violations.isEmpty, !file.suppressions.isEmpty else { return violations }
        var kept: [Violation] = []
        var covered: [Int] = []
        var dropped = 0
        for violation in violations {
            var suppressed = false
            for (position, suppression) in file.suppressions.enumerated() where suppression.covers(violation) {
                covered.append(position)
                if !suppression.isExpired { suppressed = true }
            }
            if suppressed { dropped += 1 } else { kept.append(violation) }
        }
        if !covered.isEmpty {
            lock.withLock {
                for position in covered { hits[position] += 1 }
                removedCount += dropped
            }
        }
        return kept
    }

    /// How many findings each suppression covered so far (expired ones included), in file order.
    public var usage: [(suppression: Suppression, findings: Int)] {
        lock.withLock { Array(zip(file.suppressions, hits)) }
    }

    /// Suppressions that covered nothing so far and have not expired.
    public var unusedSuppressions: [Suppression] {
        usage.filter { !$0.suppression.isExpired && $0.findings == 0 }.map(\.suppression)
    }

    /// Suppressions past their expiry date.
    public var expiredSuppressions: [Suppression] { file.suppressions.filter(\.isExpired) }

    /// Rule ids or patterns in the file that name none of the `known` rules.
    public func unknownRules(known: Set<String>) -> [String] { file.unknownRules(known: known) }

    /// One warning per expired suppression and per unused one, in file order:
    /// `FILE: suppressions[N] (RULE, …): suppression expired on DATE; its N findings are reported again`,
    /// `FILE: suppressions[N] (RULE, …): suppression unused: it matched no finding in this run`.
    public func finalWarnings() -> [String] {
        usage.compactMap { suppression, findings in
            let subject = "\(file.path): \(suppression)"
            if suppression.isExpired, let expires = suppression.expires {
                let effect = switch findings {
                case 0: "it matched no finding either; remove it"
                case 1: "the 1 finding it matched is reported again"
                default: "the \(findings) findings it matched are reported again"
                }
                return "\(subject): suppression expired on \(expires); \(effect)"
            }
            if findings == 0 { return "\(subject): suppression unused: it matched no finding in this run" }
            return nil
        }
    }
}
