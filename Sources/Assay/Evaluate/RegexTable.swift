import AssayRegex

/// The compiled regexes of a policy set, addressed by id.
struct RegexTable: Sendable {
    let regexes: [CompiledRegex]
    /// Matches per regex and field are capped; the cap is far above any real field.
    static let maxMatchesPerField = 1000

    /// A pattern that passed `CompiledRegex.validate` but then failed to compile (possible only when
    /// memory runs out).
    struct CompileFailure: Error {
        /// The regex's id.
        let id: Int
        let error: RegexCompileError
    }

    /// Compiles every pattern (JIT included), in id order.
    static func compile(_ patterns: [RegexPattern]) -> Result<RegexTable, CompileFailure> {
        var regexes: [CompiledRegex] = []
        regexes.reserveCapacity(patterns.count)
        for (id, pattern) in patterns.enumerated() {
            do throws(RegexCompileError) {
                regexes.append(try CompiledRegex(pattern))
            } catch {
                return .failure(CompileFailure(id: id, error: error))
            }
        }
        return .success(RegexTable(regexes: regexes))
    }

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

    /// Removes from `candidates` every regex that has no match in `bytes` (run to its first match only). A
    /// regex whose run fails (a limit) stays, so that the full scan reports the failure.
    func confirm(_ candidates: inout SignalSet, in bytes: UnsafeBufferPointer<UInt8>, using matchData: RegexMatchData) {
        let listed = candidates
        listed.forEach { id in
            let result = regexes[id].firstMatch(in: bytes, using: matchData)
            if !result.found && result.failure == nil { candidates.remove(id) }
        }
    }

    func pattern(_ id: Int) -> String { regexes[id].pattern }
}
