import AssayText
import Testing

@Suite("Word boundaries")
struct WordBoundaryTests {
    /// Whole-word matches of `term` in `text`, both normalised.
    private func wholeWordMatches(_ term: String, in text: String) -> Int {
        let normalizer = TestSupport.normalizer
        let bytes = normalizer.normalize(text).bytes
        let automaton = MultiPatternAutomaton(patterns: [normalizer.normalizeTerm(term)])
        return automaton.matches(in: bytes).filter { WordBoundary.isWholeWord(bytes, $0.range) }.count
    }

    @Test(
        "English terms do not match inside longer words",
        arguments: [
            ("fake", "fakeness"), ("best", "bestow"), ("1:1", "11:15"), ("top1", "top10"), ("best", "sobest"),
            ("café", "cafés"),
        ] as [(String, String)]
    )
    func insideWord(term: String, text: String) {
        #expect(wholeWordMatches(term, in: text) == 0)
    }

    @Test(
        "terms match when delimited by spaces, punctuation, CJK or the text edges",
        arguments: [
            ("no.1", "no.1 seller"), ("fake", "so fake!"), ("best", "best"), ("top1", "全网top1产品"),
            ("1:1", "1:1复刻"), ("café", "le café."),
        ] as [(String, String)]
    )
    func delimited(term: String, text: String) {
        #expect(wholeWordMatches(term, in: text) == 1)
    }

    @Test("CJK terms match anywhere in CJK text")
    func cjkAnywhere() {
        #expect(wholeWordMatches("最佳", in: "这是最佳选择") == 1)
        #expect(wholeWordMatches("最佳", in: "best最佳best") == 1)
    }

    @Test("a match starting or ending with punctuation needs no boundary on that side")
    func punctuationEdges() {
        #expect(WordBoundary.isWholeWord(Array("x.1".utf8), 1..<3) == true)
        #expect(WordBoundary.isWholeWord(Array("x.1y".utf8), 1..<3) == false)
    }

    @Test("non-ASCII letters such as Cyrillic count as word characters")
    func cyrillicLetters() {
        let bytes = Array("джbest".utf8)
        #expect(WordBoundary.isWholeWord(bytes, 4..<8) == false)
    }
}
