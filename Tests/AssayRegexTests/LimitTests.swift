import Testing

@testable import AssayRegex

@Suite("Limits")
struct LimitTests {
    private static let catastrophicSubject = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "b")]

    @Test("catastrophic backtracking returns matchLimitExceeded quickly instead of hanging")
    func catastrophicPatternHitsMatchLimit() throws {
        let regex = try CompiledRegex(pattern: "(a+)+$")
        let clock = ContinuousClock()
        var scan = RegexScan()
        let elapsed = clock.measure { scan = regex.scan(Self.catastrophicSubject) }
        #expect(scan.failure == .matchLimitExceeded)
        #expect(scan.ranges.isEmpty)
        #expect(elapsed < .seconds(2))
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
}
