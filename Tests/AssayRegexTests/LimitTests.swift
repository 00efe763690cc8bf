import Testing

@testable import AssayRegex

@Suite("Limits")
struct LimitTests {
    private static let catastrophicSubject = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "b")]

    @Test("catastrophic backtracking returns matchLimitExceeded quickly instead of hanging")
    func catastrophicPatternHitsMatchLimit() throws {
        let regex = try CompiledRegex(pattern: "(a+)+$")
        let scan = regex.scan(Self.catastrophicSubject)
        #expect(scan.failure == .matchLimitExceeded)
        #expect(scan.ranges.isEmpty)
    }

    @Test("a higher match limit lets a moderately hard match finish")
    func limitsAreConfigurable() throws {
        let subject = Array(String(repeating: "a", count: 12).utf8) + [UInt8(ascii: "b")]
        let tight = try CompiledRegex(pattern: "(a+)+$", limits: RegexLimits(matchLimit: 100, depthLimit: 10_000))
        #expect(tight.scan(subject).failure == .matchLimitExceeded)
        let loose = try CompiledRegex(
            pattern: "(a+)+$", limits: RegexLimits(matchLimit: 50_000_000, depthLimit: 100_000))
        let scan = loose.scan(subject)
        #expect(scan.failure == nil)
        #expect(scan.ranges.isEmpty)
    }

    @Test("matches found before a limit failure are kept")
    func partialResultsKept() throws {
        let regex = try CompiledRegex(pattern: "x|(a+)+$", limits: RegexLimits(matchLimit: 10_000, depthLimit: 10_000))
        let scan = regex.scan(Array("x".utf8) + Self.catastrophicSubject)
        #expect(scan.ranges == [0..<1])
        #expect(scan.failure == .matchLimitExceeded)
    }
}

@Suite("Interpreter fallback")
struct InterpreterFallbackTests {
    @Test("without JIT the interpreter gives the same matches")
    func interpreterMatchesLikeJIT() throws {
        let interpreted = try CompiledRegex(pattern: "x*|佳", options: [], limits: .default, allowJIT: false)
        #expect(!interpreted.usesJIT)
        #expect(interpreted.scan(Array("佳x最".utf8)).ranges == [0..<0, 0..<3, 3..<4, 4..<4, 7..<7])
    }

    @Test("without JIT a catastrophic pattern still stops at the match limit")
    func interpreterMatchLimit() throws {
        let subject = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "b")]
        let interpreted = try CompiledRegex(pattern: "(a+)+$", options: [], limits: .default, allowJIT: false)
        #expect(interpreted.scan(subject).failure == .matchLimitExceeded)
    }

    @Test("without JIT deep backtracking stops at the depth limit")
    func interpreterDepthLimit() throws {
        let subject = Array(String(repeating: "ab", count: 5_000).utf8)
        let limits = RegexLimits(matchLimit: 10_000_000, depthLimit: 100)
        let interpreted = try CompiledRegex(pattern: #"(a|b)*\d"#, options: [], limits: limits, allowJIT: false)
        #expect(interpreted.scan(subject).failure == .depthLimitExceeded)
    }

    @Test("a catastrophic pattern that stays under the per-position limit at thousands of positions is stopped by the scan budget")
    func manyExpensivePositionsExhaustTheScanBudget() throws {
        let regex = try CompiledRegex(pattern: "(a+)+$")
        let subject = Array(String(repeating: String(repeating: "a", count: 18) + "b ", count: 12_000).utf8)
        let scan = regex.scan(subject)
        #expect(scan.failure == .scanBudgetExceeded)
        #expect(scan.ranges.isEmpty)
        // Counted in steps, not time: the same outcome every time.
        #expect(regex.scan(subject) == scan)
    }

    @Test("a scan that needs more than the fast-path limit at one position still finds every match")
    func countedScanFindsTheSameMatches() throws {
        let subject = Array((String(repeating: "a", count: 14) + "b aab " + String(repeating: "a", count: 14) + "b").utf8)
        let twoTier = try CompiledRegex(pattern: "(a+)+b", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 10))
        let plain = try CompiledRegex(pattern: "(a+)+b", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 1_000_000))
        let scan = twoTier.scan(subject)
        #expect(scan.failure == nil)
        #expect(scan == plain.scan(subject))
        #expect(scan.ranges.count == 3)
    }

    @Test("the counted code is JIT-compiled only when a scan first exceeds the fast-path limit")
    func countedCodeIsPreparedOnFirstNeed() throws {
        let regex = try CompiledRegex(pattern: "(a+)+b", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 10))
        #expect(!regex.hasPreparedCountedCode)
        #expect(regex.scan(Array("aab".utf8)).ranges == [0..<3])  // easy: stays on the fast path
        #expect(!regex.hasPreparedCountedCode)
        let hard = Array((String(repeating: "a", count: 14) + "c aab").utf8)  // backtracks at the a's
        #expect(regex.scan(hard).ranges == [16..<19])
        #expect(regex.hasPreparedCountedCode)
        #expect(regex.scan(hard).ranges == [16..<19])  // and reuses it
    }

    @Test("the scan budget is configurable and counts over all start positions")
    func scanBudgetIsConfigurable() throws {
        let subject = Array(String(repeating: String(repeating: "a", count: 10) + "b ", count: 50).utf8)
        let small = try CompiledRegex(pattern: "(a+)+$", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 100, scanStepBudget: 1_000))
        #expect(small.scan(subject).failure == .scanBudgetExceeded)
        let large = try CompiledRegex(pattern: "(a+)+$", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 100, scanStepBudget: 100_000_000))
        #expect(large.scan(subject).failure == nil)
    }
}

@Suite("JIT compatibility")
struct JITCompatibilityTests {
    @Test("negated shorthand classes match Chinese text under JIT as in the interpreter")
    func negatedShorthandsMatchNonASCII() throws {
        // (`[\E]\S]` is one class holding `]` and \S: PCRE2 skips a leading \E; a misread rewrite broke it.)
        for pattern in [#"x\S"#, #"x\D"#, #"x\W"#, #"淘口令\s*\S{0,4}[a-z0-9]{5}"#, #"[\E]\S]"#, #"[\c]\S]\S"#] {
            let jit = try CompiledRegex(pattern: pattern)
            let interpreted = try CompiledRegex(pattern: pattern, options: [], limits: .default, allowJIT: false)
            for subject in ["x中y", "复制淘口令 ¥abcdef12345¥", "x😀", "a", "中]中"] {
                #expect(jit.scan(subject) == interpreted.scan(subject), "\(pattern) on \(subject)")
            }
        }
        #expect(try CompiledRegex(pattern: #"x\S"#).scan("x中").ranges == [0..<4])
    }

    @Test("the rewrite leaves classes, quoting and escaped backslashes alone")
    func rewriteIsLocal() {
        #expect(JITCompatibility.rewrite(#"a\Sb"#) == #"a[\S]b"#)
        #expect(JITCompatibility.rewrite(#"[\S\d]\D"#) == #"[\S\d][\D]"#)
        #expect(JITCompatibility.rewrite(#"\\S"#) == #"\\S"#)
        // Quoting and \c make the class extents uncertain: such a pattern with an affected escape runs on
        // the interpreter (nil); without one it is left alone. "[:" is POSIX only when ":]" comes first.
        #expect(JITCompatibility.rewrite(#"\Q\S\E\W"#) == nil)
        #expect(JITCompatibility.rewrite(#"[\E]\S]"#) == nil)
        #expect(JITCompatibility.rewrite(#"[[:]\S]\S"#) == #"[[:][\S]][\S]"#)  // the class is {[, :}
        #expect(JITCompatibility.rewrite(#"\Qab\E\d"#) == #"\Qab\E\d"#)
        #expect(JITCompatibility.rewrite(#"[[.a.]]\S"#) == #"[[.a.]][\S]"#)
        #expect(JITCompatibility.rewrite(#"[[:alpha:]\]]\S"#) == #"[[:alpha:]\]][\S]"#)
        #expect(JITCompatibility.rewrite(#"[]\S]\S"#) == #"[]\S][\S]"#)
        #expect(JITCompatibility.rewrite(#"\c\S"#) == nil)
    }

    @Test("compile errors still point into the pattern as written")
    func errorsPointAtOriginal() {
        #expect(throws: RegexCompileError.self) { try CompiledRegex(pattern: #"\S\S("#) }
        do {
            _ = try CompiledRegex(pattern: #"\S\S("#)
        } catch {
            #expect(error.byteOffset == 5)
        }
    }
}
