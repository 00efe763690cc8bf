/// Resource limits applied to every scan of a ``CompiledRegex``.
///
/// Rule packs supply their own patterns, so matching must never hang on a
/// catastrophic pattern such as `(a+)+$`, whether it blows up at one position
/// or costs a little less than the limit at each of thousands of positions.
/// Every limit counts steps, never time, so the outcome is the same on every
/// run and machine:
/// - ``matchLimit`` bounds PCRE2's internal steps at one start position (JIT and
///   interpreter).
/// - ``depthLimit`` bounds the backtracking depth; only the interpreter uses
///   it. JIT code is bounded by its own fixed machine stack instead, and running
///   out of it is reported as ``RegexMatchFailure/depthLimitExceeded`` as well.
/// - ``scanStepBudget`` bounds the steps of one whole scan, over all start
///   positions. Scans run at full speed with a per-position limit of
///   ``fastPathLimit``; only when some position needs more is the scan redone
///   with a step counter (PCRE2 auto-callouts), which stops it at the budget.
///   A fast-path scan therefore costs at most `fastPathLimit` steps per byte.
public struct RegexLimits: Sendable, Hashable {
    /// Maximum number of internal match steps per match attempt.
    public var matchLimit: UInt32
    /// Maximum backtracking depth per match attempt (interpreter only).
    public var depthLimit: UInt32
    /// Per-position step limit of the uncounted fast path; above it the scan is counted.
    public var fastPathLimit: UInt32
    /// Maximum counted steps of one scan over all its start positions.
    public var scanStepBudget: Int

    /// Creates limits.
    public init(matchLimit: UInt32, depthLimit: UInt32, fastPathLimit: UInt32 = 2_000, scanStepBudget: Int = 20_000_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.fastPathLimit = min(fastPathLimit, matchLimit)
        self.scanStepBudget = scanStepBudget
    }

    /// One million match steps per position, a depth of ten thousand, twenty
    /// million counted steps per scan: generous for ordinary rule patterns, small
    /// enough to fail within a fraction of a second on catastrophic ones.
    public static let `default` = RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000)
}
