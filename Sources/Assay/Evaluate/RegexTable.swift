import AssayRegex

/// The compiled regexes of a policy set, addressed by id.
struct RegexTable: Sendable {
    let regexes: [CompiledRegex]
    /// Matches per regex and field are capped; the cap is far above any real field.
    static let maxMatchesPerField = 1000

    func scan(_ id: Int, _ bytes: [UInt8], using matchData: RegexMatchData) -> (ranges: [Range<Int>], failure: String?) {
        let scan = bytes.withUnsafeBufferPointer { regexes[id].scan($0, maxMatches: Self.maxMatchesPerField, using: matchData) }
        let failure: String? = scan.failure.map { failure in
            switch failure {
            case .matchLimitExceeded: return "regex match limit exceeded"
            case .depthLimitExceeded: return "regex depth limit exceeded"
            case .scanBudgetExceeded: return "regex step budget for one field exceeded"
            case .other(let code, let message): return "regex error \(code): \(message)"
            }
        } ?? (scan.truncated ? "more than \(Self.maxMatchesPerField) regex matches in one field" : nil)
        return (scan.ranges, failure)
    }

    func pattern(_ id: Int) -> String { regexes[id].pattern }
}
