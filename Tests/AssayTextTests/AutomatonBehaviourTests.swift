import AssayText
import Testing

@Suite("Automaton behaviour")
struct AutomatonBehaviourTests {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("identical patterns each report their own id, in ascending id order")
    func identical() {
        let automaton = MultiPatternAutomaton(patterns: [bytes("ab"), bytes("x"), bytes("ab")])
        #expect(
            automaton.matches(in: bytes("zab")) == [
                PatternMatch(pattern: 0, start: 1, end: 3), PatternMatch(pattern: 2, start: 1, end: 3),
            ])
    }

    @Test("overlapping and nested patterns are all reported, by end and longer first")
    func overlapping() {
        let automaton = MultiPatternAutomaton(patterns: [
            bytes("he"), bytes("she"), bytes("hers"), bytes("his"), bytes("e"),
        ])
        #expect(
            automaton.matches(in: bytes("ushers")) == [
                PatternMatch(pattern: 1, start: 1, end: 4), PatternMatch(pattern: 0, start: 2, end: 4),
                PatternMatch(pattern: 4, start: 3, end: 4), PatternMatch(pattern: 2, start: 2, end: 6),
            ])
    }

    @Test("self-overlapping occurrences of one pattern are all reported")
    func selfOverlap() {
        let automaton = MultiPatternAutomaton(patterns: [bytes("aa")])
        #expect(automaton.matches(in: bytes("aaaa")).map(\.start) == [0, 1, 2])
    }

    @Test("empty patterns never match but keep their id slot")
    func emptyPatterns() {
        let automaton = MultiPatternAutomaton(patterns: [[], bytes("a"), []])
        #expect(automaton.patternCount == 3)
        #expect(automaton.matches(in: bytes("a")) == [PatternMatch(pattern: 1, start: 0, end: 1)])
        #expect(MultiPatternAutomaton(patterns: []).matches(in: bytes("abc")).isEmpty)
    }

    @Test("multi-byte CJK patterns match on byte offsets of the normalised text")
    func cjk() {
        let automaton = MultiPatternAutomaton(patterns: [bytes("最佳"), bytes("佳")])
        #expect(
            automaton.matches(in: bytes("是最佳")) == [
                PatternMatch(pattern: 0, start: 3, end: 9), PatternMatch(pattern: 1, start: 6, end: 9),
            ])
    }

    @Test("bytes that occur in no pattern, including all 256 values, never confuse the scan")
    func allBytes() {
        let text = (0...255).map { UInt8($0) } + bytes("needle")
        let automaton = MultiPatternAutomaton(patterns: [bytes("needle"), [0xFF, 0x00]])
        #expect(automaton.matches(in: text) == [PatternMatch(pattern: 0, start: 256, end: 262)])
        text.withUnsafeBufferPointer { #expect(automaton.containsMatch(in: $0)) }
    }
}
