import AssayText
import Testing

@Suite("Automaton against a naive search")
struct AutomatonRandomizedTests {
    /// Every occurrence by brute force, sorted the way the automaton reports them.
    static func naiveMatches(_ patterns: [[UInt8]], in text: [UInt8]) -> [PatternMatch] {
        var result: [PatternMatch] = []
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= text.count {
            for start in 0...(text.count - pattern.count)
            where text[start..<(start + pattern.count)].elementsEqual(pattern) {
                result.append(PatternMatch(pattern: Int32(id), start: start, end: start + pattern.count))
            }
        }
        return result.sorted {
            ($0.end, -($0.end - $0.start), $0.pattern) < ($1.end, -($1.end - $1.start), $1.pattern)
        }
    }

    @Test("random patterns over a small alphabet report exactly the naive matches, in order", arguments: 1...40)
    func smallAlphabet(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = [0x61, 0x62, 0x63, 0xE4, 0xB8]
        let patterns = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
            (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        let text = (0..<Int.random(in: 0...400, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        #expect(MultiPatternAutomaton(patterns: patterns).matches(in: text) == Self.naiveMatches(patterns, in: text))
    }

    @Test("random normalised Chinese and English terms match like a naive search over normalised text")
    func cjkTerms() {
        var rng = SeededGenerator(seed: 2024)
        let pool = Array("最佳国家级第一顶级正品假货绝对无敌best seller top1 no.1 ")
        let normalizer = TestSupport.normalizer
        let terms = (0..<200).map { _ in
            String((0..<Int.random(in: 1...5, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
        }
        let patterns = terms.map { normalizer.normalizeTerm($0) }
        let text = String((0..<5000).map { _ in pool.randomElement(using: &rng)! })
        let bytes = normalizer.normalize(text).bytes
        #expect(MultiPatternAutomaton(patterns: patterns).matches(in: bytes) == Self.naiveMatches(patterns, in: bytes))
    }
}
