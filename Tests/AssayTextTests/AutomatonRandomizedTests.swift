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

    @Test("texts walked as four quarters at once report what a naive search finds, matches across every boundary included", arguments: 1...60)
    func fourQuarters(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &+ 1000)
        let alphabet: [UInt8] = [0x61, 0x62, 0xE4, 0xB8]
        let longest = Int.random(in: 1...40, using: &rng)
        let patterns = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
            (0..<Int.random(in: 1...longest, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        // Lengths around the split threshold, with copies of the longest pattern planted across the quarter
        // boundaries: ending just after one (the first match only the next walk sees, and one that starts
        // where that walk starts), on it, or just before it.
        let length = Int.random(in: 100...900, using: &rng)
        var text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
        let planted = patterns.max { $0.count < $1.count }!
        for boundary in [length / 4, length / 2, length - length / 4] {
            let end = boundary + Int.random(in: -2...2, using: &rng)
            if planted.count <= end, end <= length { text.replaceSubrange((end - planted.count)..<end, with: planted) }
        }
        #expect(MultiPatternAutomaton(patterns: patterns).matches(in: text) == Self.naiveMatches(patterns, in: text))
    }

    @Test("a later quarter with more matches than its walk keeps on the stack reports them all, in order", arguments: [0, 15, 16, 17, 60])
    func manyMatchesInEveryQuarter(perQuarter: Int) {
        // 800 bytes, so each quarter (200 bytes) holds `perQuarter` matches of "a" and of "ab" spread over it.
        var text = [UInt8](repeating: UInt8(ascii: "b"), count: 800)
        for quarter in 0..<4 {
            for k in 0..<perQuarter { text[quarter * 200 + 3 * k + 1] = UInt8(ascii: "a") }
        }
        let patterns = [Array("a".utf8), Array("ab".utf8)]
        let found = MultiPatternAutomaton(patterns: patterns).matches(in: text)
        #expect(found == Self.naiveMatches(patterns, in: text))
        #expect(found.count == 4 * 2 * perQuarter)
    }

    @Test("an automaton of more than 32,768 states keeps 4-byte transitions and matches like a naive search")
    func wideTransitions() {
        var rng = SeededGenerator(seed: 77)
        let alphabet: [UInt8] = Array(0x61...0x68)
        let patterns = (0..<1500).map { _ in (0..<30).map { _ in alphabet.randomElement(using: &rng)! } }
        var text: [UInt8] = []
        while text.count < 4000 {
            if Bool.random(using: &rng) { text += patterns.randomElement(using: &rng)! }
            text += (0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        let automaton = MultiPatternAutomaton(patterns: patterns)
        #expect(automaton.stateCount > 32768)
        #expect(automaton.transitionEntryBytes == 4)
        #expect(automaton.matches(in: text) == Self.naiveMatches(patterns, in: text))
    }

    @Test("2-byte transitions are used up to exactly 32,768 states, the deepest state reporting its match", arguments: [32767, 32768])
    func narrowTransitionLimit(patternLength: Int) {
        // One pattern of n bytes gives n + 1 states; its last state, numbered n, has output and is stored
        // complemented (~32767 is Int16.min, the last value 2-byte entries hold).
        let pattern = (0..<patternLength).map { UInt8(0x61 + $0 % 7) }
        let automaton = MultiPatternAutomaton(patterns: [pattern])
        #expect(automaton.stateCount == patternLength + 1)
        #expect(automaton.transitionEntryBytes == (patternLength + 1 <= 32768 ? 2 : 4))
        let text = [0x7A] + pattern + pattern.prefix(5)
        #expect(automaton.matches(in: text) == [PatternMatch(pattern: 0, start: 1, end: patternLength + 1)])
    }

    @Test("an automaton without patterns, or with only empty ones, finds nothing in a long text (regression: the split walk read past the end)")
    func noPatternsOnLongText() {
        let text = [UInt8](repeating: 0x61, count: 300)
        #expect(MultiPatternAutomaton(patterns: []).matches(in: text).isEmpty)
        #expect(MultiPatternAutomaton(patterns: [[], []]).matches(in: text).isEmpty)
        text.withUnsafeBufferPointer { #expect(!MultiPatternAutomaton(patterns: [[]]).containsMatch(in: $0)) }
    }
}
