import Foundation

/// Drops findings a ``Baseline`` already knows (`--baseline FILE`), so a run reports only new ones.
///
/// Counts are respected: an entry with `count: 2` absorbs two identical findings in its record, and a third
/// is reported as new. Entries no finding used are *stale* (the content was fixed or removed) and are
/// listed at the end so the baseline can be refreshed. Safe to share between threads.
public final class BaselineFilter: ViolationFilter, @unchecked Sendable {
    /// The baseline in use.
    public let baseline: Baseline
    private let expected: [String: Int]
    private let lock = NSLock()
    private var used: [String: Int] = [:]
    private var removedCount = 0

    /// A filter for `baseline`.
    public init(_ baseline: Baseline) {
        self.baseline = baseline
        expected = baseline.counts
    }

    /// `baseline`.
    public var name: String { "baseline" }

    /// Findings removed so far.
    public var removed: Int { lock.withLock { removedCount } }

    /// The findings not in the baseline (or beyond an entry's count), in their original order.
    public func apply(_ violations: [Violation], in record: Record) -> [Violation] {
        guard !violations.isEmpty, !expected.isEmpty else { return violations }
        let fingerprints = violations.map(Fingerprint.of)
        return lock.withLock {
            var kept: [Violation] = []
            for (violation, fingerprint) in zip(violations, fingerprints) {
                let seen = used[fingerprint, default: 0]
                if seen < expected[fingerprint, default: 0] {
                    used[fingerprint] = seen + 1
                    removedCount += 1
                } else {
                    kept.append(violation)
                }
            }
            return kept
        }
    }

    /// Entries (or parts of entries) not met so far, in baseline order; `count` is how many occurrences
    /// were not found.
    public var staleEntries: [Baseline.Entry] {
        lock.withLock {
            baseline.entries.compactMap { entry in
                let missing = entry.count - used[entry.fingerprint, default: 0]
                return missing > 0 ? entry.with(count: missing) : nil
            }
        }
    }

    /// `baseline entry no longer found: RULE record field “match”` per stale entry, with
    /// `(N of M occurrences)` when only some of an entry's occurrences are gone.
    public func finalWarnings() -> [String] {
        let expected = self.expected
        return staleEntries.map { entry in
            let total = expected[entry.fingerprint, default: entry.count]
            let part = entry.count < total ? " (\(entry.count) of \(total) occurrences)" : ""
            return "baseline entry no longer found: \(entry)\(part)"
        }
    }
}
