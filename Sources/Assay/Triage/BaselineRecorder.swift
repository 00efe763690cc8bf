import Foundation

/// Records every finding that reaches it, removing nothing, so `--write-baseline FILE` can write the run's
/// ``Baseline`` at the end (with ``AtomicFile/write(_:to:)``). Memory grows with distinct findings, not
/// with input size.
///
/// Its place among the filters decides what is recorded: after suppressions (suppressed findings need no
/// baseline) and before a ``BaselineFilter`` (so `--baseline old --write-baseline new` refreshes the
/// baseline with everything still found, stale entries dropped). Safe to share between threads.
public final class BaselineRecorder: ViolationFilter, @unchecked Sendable {
    private let lock = NSLock()
    private var builder = Baseline.Builder()

    /// A recorder with nothing recorded.
    public init() {}

    /// `recorded`.
    public var name: String { "recorded" }

    /// Always 0: recording removes nothing.
    public var removed: Int { 0 }

    /// Records `violations` and returns them unchanged.
    public func apply(_ violations: [Violation], in record: Record) -> [Violation] {
        guard !violations.isEmpty else { return violations }
        lock.withLock {
            for violation in violations { builder.add(violation) }
        }
        return violations
    }

    /// The baseline of everything recorded so far.
    public func baseline() -> Baseline {
        lock.withLock { builder.baseline() }
    }

    /// None.
    public func finalWarnings() -> [String] { [] }
}
