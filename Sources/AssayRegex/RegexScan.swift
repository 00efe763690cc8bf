/// The outcome of `CompiledRegex.scan(_:maxMatches:)`.
///
/// A scan can both return matches and report a failure: matches found before
/// a limit was hit are kept.
public struct RegexScan: Sendable, Equatable {
    /// Byte ranges of the whole match (group 0), left to right, non-overlapping.
    /// Empty matches appear as empty ranges.
    public var ranges: [Range<Int>]
    /// Set when matching stopped early because of a PCRE2 error or limit.
    public var failure: RegexMatchFailure?
    /// `true` when more matches existed after `maxMatches` were collected.
    public var truncated: Bool

    /// Creates a scan result.
    public init(ranges: [Range<Int>] = [], failure: RegexMatchFailure? = nil, truncated: Bool = false) {
        self.ranges = ranges
        self.failure = failure
        self.truncated = truncated
    }
}
