import AssayText
import Testing

/// Every evasion listed in DOMAIN.md §2, end to end: normalise, match the vocabulary term, map back.
@Suite("Evasions from the domain reference")
struct EvasionCatalogueTests {
    @Test(
        "an evasive spelling matches the plain term and reports exactly the original spelling",
        arguments: [
            ("最佳", "最 佳"), ("最佳", "最*佳"), ("最佳", "最-佳"), ("最佳", "最\u{200B}佳"), ("no.1", "ＮＯ．１"),
            ("top1", "Ｔｏｐ１"), ("国家级", "國家級"), ("fake", "Ⓕake"), ("chanel", "Сhanel"),
            ("13800138000", "①③⑧⓪⓪①③⑧⓪⓪⓪"), ("13800138000", "一三八零零一三八零零零"),
            ("098354455", "⓿⁹₈③⑸⒋➃㈤㊄"),
        ] as [(String, String)]
    )
    func evasion(term: String, spelling: String) {
        let text = "前文🙂\(spelling)后文"
        #expect(TestSupport.originalSpellings(of: term, in: text) == [spelling])
    }

    @Test("\"第一次\" is not turned into digits")
    func firstTime() {
        #expect(TestSupport.normalized("第一次") == "第一次")
    }

    @Test("several evasions in one text are each reported with their own original span")
    func several() {
        let text = "ＮＯ．１！國家級，最 佳"
        let normalizer = TestSupport.normalizer
        let terms = ["no.1", "国家级", "最佳"]
        let automaton = MultiPatternAutomaton(patterns: terms.map { normalizer.normalizeTerm($0) })
        let normalized = normalizer.normalize(text)
        let found = automaton.matches(in: normalized.bytes).map {
            TestSupport.pythonSlice(text, normalized.originalRange(ofNormalized: $0.range))
        }
        #expect(found == ["ＮＯ．１", "國家級", "最 佳"])
    }
}
