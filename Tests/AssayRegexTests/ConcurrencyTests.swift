import Testing

@testable import AssayRegex

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("one compiled regex gives identical results when used from many tasks at once")
    func concurrentScans() async throws {
        let regex = try CompiledRegex(pattern: #"1[3-9]\d{9}"#)
        let line = Array("联系 13800138000 或 15912345678，不是 12345678901。".utf8)
        let expected = regex.scan(line).ranges
        #expect(expected.count == 2)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var allEqual = true
                    for _ in 0..<2_000 where regex.scan(line).ranges != expected {
                        allEqual = false
                    }
                    return allEqual
                }
            }
            var outcomes: [Bool] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test("tasks that first need a pattern's counted scan at the same moment all get the plain scan's matches")
    func concurrentFirstCountedScans() async throws {
        // Every task's first scan exceeds the fast-path limit, so each may be the one that JIT-compiles the
        // counted code while the others wait for it.
        let subject = Array((String(repeating: "a", count: 14) + "b aab " + String(repeating: "a", count: 14) + "b").utf8)
        let plain = try CompiledRegex(pattern: "(a+)+b", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 1_000_000))
        let expected = plain.scan(subject)
        #expect(expected.ranges.count == 3)
        for _ in 0..<20 {
            let twoTier = try CompiledRegex(pattern: "(a+)+b", limits: RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, fastPathLimit: 10))
            let scans = await withTaskGroup(of: RegexScan.self) { group in
                for _ in 0..<4 { group.addTask { twoTier.scan(subject) } }
                var scans: [RegexScan] = []
                for await scan in group { scans.append(scan) }
                return scans
            }
            #expect(scans == Array(repeating: expected, count: 4))
        }
    }
}
