import AssayText
import Testing

@Suite("Invisible characters")
struct InvisibleRemovalTests {
    @Test(
        "zero-width and format characters produce no bytes",
        arguments: [
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{2064}", "\u{FEFF}",
            "\u{00AD}", "\u{180E}", "\u{FE0F}", "\u{FE00}",
        ]
    )
    func invisibleProducesNothing(invisible: String) {
        #expect(TestSupport.normalized("a\(invisible)b") == "ab")
        #expect(TestSupport.normalized("最\(invisible)佳") == "最佳")
    }

    @Test("a match across a zero-width space reports the original span including it")
    func offsetsCoverRemovedScalar() {
        let text = "这是最\u{200B}佳选择"
        #expect(TestSupport.originalSpellings(of: "最佳", in: text) == ["最\u{200B}佳"])
    }

    @Test("invisible characters at the edge of a match are not included in its span")
    func edgesExcludeInvisibles() {
        let text = "\u{200B}最佳\u{200B}"
        let normalized = TestSupport.normalizer.normalize(text)
        #expect(normalized.originalRange(ofNormalized: 0..<6) == 1..<3)
        #expect(normalized.originalScalarCount == 4)
    }
}
