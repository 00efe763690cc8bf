/// Resource limits applied to every match attempt of a ``CompiledRegex``.
///
/// Rule packs supply their own patterns, so matching must never hang on a
/// catastrophic pattern such as `(a+)+$`. The limits are installed in a PCRE2
/// match context:
/// - ``matchLimit`` bounds the number of internal backtracking steps; it
///   applies to both the JIT and the interpreter.
/// - ``depthLimit`` bounds the backtracking depth; only the interpreter uses
///   it. JIT code is bounded by its own fixed machine stack instead, and running
///   out of it is reported as ``RegexMatchFailure/depthLimitExceeded`` as well.
public struct RegexLimits: Sendable, Hashable {
    /// Maximum number of internal match steps per match attempt.
    public var matchLimit: UInt32
    /// Maximum backtracking depth per match attempt (interpreter only).
    public var depthLimit: UInt32

    /// Creates limits.
    public init(matchLimit: UInt32, depthLimit: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
    }

    /// One million match steps and a depth of ten thousand: generous for
    /// ordinary rule patterns, small enough to fail fast on catastrophic ones.
    public static let `default` = RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000)
}
