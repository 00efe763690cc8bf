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

    @Test("random patterns over all 256 byte values, many sharing prefixes, report exactly the naive matches", arguments: 1...20)
    func wideAlphabet(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &+ 500)
        // Prefixes from a small set, tails from every byte value: states with many children (found by
        // binary search while failure links are built) and long failure chains.
        let prefixes: [[UInt8]] = [[], [0x00], [0xFF], [0xE4, 0xB8], [0x61, 0x61, 0x61]]
        let patterns = (0..<Int.random(in: 1...120, using: &rng)).map { _ in
            prefixes.randomElement(using: &rng)! + (0..<Int.random(in: 0...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        var text: [UInt8] = []
        while text.count < 3000 {
            // Mostly copies of patterns and prefixes, so that matches and near-misses are frequent.
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text += patterns.randomElement(using: &rng)!
            case 1: text += prefixes.randomElement(using: &rng)!
            default: text.append(UInt8.random(in: 0...255, using: &rng))
            }
        }
        #expect(MultiPatternAutomaton(patterns: patterns).matches(in: text) == Self.naiveMatches(patterns, in: text))
    }

    @Test("texts walked as two halves at once report what a naive search finds, matches across the middle included", arguments: 1...60)
    func twoHalves(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &+ 1000)
        let alphabet: [UInt8] = [0x61, 0x62, 0xE4, 0xB8]
        let longest = Int.random(in: 1...40, using: &rng)
        let patterns = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
            (0..<Int.random(in: 1...longest, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        // Lengths around the split threshold, with a copy of a pattern planted across the middle.
        let length = Int.random(in: 100...700, using: &rng)
        var text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
        // The longest pattern, ending just after the middle (the first match only the second half sees,
        // and one that starts where that half starts), or somewhere near it.
        let planted = patterns.max { $0.count < $1.count }!
        let end = length / 2 + Int.random(in: -2...2, using: &rng)
        if planted.count <= end, end <= length { text.replaceSubrange((end - planted.count)..<end, with: planted) }
        #expect(MultiPatternAutomaton(patterns: patterns).matches(in: text) == Self.naiveMatches(patterns, in: text))
    }

    @Test("an automaton without patterns, or with only empty ones, finds nothing in a long text (regression: the two-halves walk read past the end)")
    func noPatternsOnLongText() {
        let text = [UInt8](repeating: 0x61, count: 300)
        #expect(MultiPatternAutomaton(patterns: []).matches(in: text).isEmpty)
        #expect(MultiPatternAutomaton(patterns: [[], []]).matches(in: text).isEmpty)
        text.withUnsafeBufferPointer { #expect(!MultiPatternAutomaton(patterns: [[]]).containsMatch(in: $0)) }
    }
}
