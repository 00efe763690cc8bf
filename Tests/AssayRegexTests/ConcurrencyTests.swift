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
}
