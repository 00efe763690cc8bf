import AssayText
import Testing

@Suite("Compatibility (NFKC) folding")
struct CompatibilityFoldingTests {
    @Test("full-width ASCII folds to ASCII and the ideographic space to a space")
    func fullWidth() {
        #expect(TestSupport.normalized("ＮＯ．１") == "no.1")
        #expect(TestSupport.normalized("Ｔｏｐ１") == "top1")
        #expect(TestSupport.normalized("ａ\u{3000}ｂ") == "a b")
    }

    @Test("other compatibility characters fold through NFKC with offsets kept per original scalar")
    func nfkc() {
        let text = "ｶﾀｶﾅ ㍿ ﬁne Ⅻ"
        let normalized = TestSupport.normalizer.normalize(text)
        #expect(String(decoding: normalized.bytes, as: UTF8.self) == "カタカナ 株式会社 fine xii")
        let kabushiki = Array("カタカナ ".utf8).count..<Array("カタカナ 株式会社".utf8).count
        #expect(TestSupport.pythonSlice(text, normalized.originalRange(ofNormalized: kabushiki)) == "㍿")
    }

    @Test("stylised Latin letters (circled, mathematical) fold to plain lowercase letters")
    func stylisedLatin() {
        #expect(TestSupport.normalized("Ⓕake") == "fake")
        #expect(TestSupport.normalized("𝐁𝐞𝐬𝐭 𝓢𝓮𝓵𝓵𝓮𝓻") == "best seller")
        #expect(TestSupport.originalSpellings(of: "fake", in: "100% Ⓕⓐⓚⓔ free") == ["Ⓕⓐⓚⓔ"])
    }

    @Test("CJK compatibility ideographs fold to their unified (and then Simplified) forms")
    func compatibilityIdeographs() {
        #expect(TestSupport.normalized("\u{F900}") == "岂")  // 豈 (U+8C48), then Traditional → Simplified
    }

    @Test("CJK sentence punctuation survives (full-width forms fold, the rest stays)")
    func cjkPunctuation() {
        #expect(TestSupport.normalized("最，佳。好、「对」《书》！？；：") == "最,佳。好、「对」《书》!?;:")
    }
}
