/// Why a scan stopped before it reached the end of its input.
public enum RegexMatchFailure: Error, Sendable, Equatable {
    /// The ``RegexLimits/matchLimit`` was reached at one position (typically
    /// catastrophic backtracking).
    case matchLimitExceeded
    /// The ``RegexLimits/depthLimit`` was reached (interpreter), or the JIT ran
    /// out of its machine stack.
    case depthLimitExceeded
    /// The scan as a whole used up ``RegexLimits/scanStepBudget`` (expensive
    /// backtracking at many positions).
    case scanBudgetExceeded
    /// Any other PCRE2 match error, with its code and PCRE2's message.
    case other(code: Int32, message: String)
}
