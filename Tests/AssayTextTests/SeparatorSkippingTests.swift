import AssayText
import Testing

@Suite("Separator skipping inside CJK")
struct SeparatorSkippingTests {
    @Test(
        "up to three separators between two ideographs are skipped and the match spans them",
        arguments: [
            "最 佳", "最*佳", "最-佳", "最_佳", "最.佳", "最·佳", "最•佳", "最・佳", "最\t佳", "最 * 佳", "最\u{3000}佳",
            "最＊佳", "最／佳", "最|~|佳", "最\u{00A0}佳", "最\u{200B} \u{200B}佳",
        ]
    )
    func skipped(spelling: String) {
        #expect(TestSupport.normalized("是\(spelling)的") == "是最佳的")
        #expect(TestSupport.originalSpellings(of: "最佳", in: "这是\(spelling)的选择") == [spelling])
    }

    @Test("four or more separators are kept")
    func tooMany() {
        #expect(TestSupport.normalized("最 ** 佳") == "最 ** 佳")
    }

    @Test("separators outside CJK are kept, so English words stay apart")
    func englishKept() {
        #expect(TestSupport.normalized("best seller no.1") == "best seller no.1")
        #expect(TestSupport.normalized("最佳 best") == "最佳 best")
        #expect(TestSupport.normalized("best 最佳") == "best 最佳")
        #expect(TestSupport.originalSpellings(of: "bestseller", in: "best seller").isEmpty)
    }

    @Test("CJK punctuation is sentence structure and is never skipped", arguments: ["。", "、", "「", "」", "《", "》"])
    func punctuationKept(mark: String) {
        #expect(TestSupport.normalized("最\(mark)佳") == "最\(mark)佳")
        #expect(TestSupport.originalSpellings(of: "最佳", in: "最\(mark)佳").isEmpty)
    }

    @Test("full-width sentence punctuation folds to ASCII but still separates")
    func fullWidthPunctuationKept() {
        #expect(TestSupport.normalized("最，佳！") == "最,佳!")
    }
}
