import AssayText
import Testing

@Suite("Digit-style folding")
struct DigitStyleFoldingTests {
    @Test(
        "stylised digits fold to ASCII digits",
        arguments: [
            ("①②③④⑤⑥⑦⑧⑨", "123456789"), ("⑴⑵⑶", "123"), ("⒈⒉⒊", "123"), ("⓪⓿", "00"), ("❶❷❸", "123"),
            ("➀➁➂", "123"), ("➊➋➌", "123"), ("⓵⓶⓷", "123"), ("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"),
            ("₀₁₂₃₄₅₆₇₈₉", "0123456789"), ("０１２３４５６７８９", "0123456789"), ("㈠㈡㈢㈤", "1235"),
            ("㊀㊁㊂㊄", "1235"), ("⓿ ⁹ ₈ ③ ⑸ ⒋ ➃ ㈤ ㊄", "0 9 8 3 5 4 4 5 5"),
        ] as [(String, String)]
    )
    func stylisedDigits(input: String, expected: String) {
        #expect(TestSupport.normalized(input) == expected)
    }

    @Test("parenthesised digits fold to the bare digit, not to \"(1)\"")
    func parenthesisedIsBare() {
        #expect(TestSupport.normalized("⑴") == "1")
        #expect(TestSupport.normalized("⒇") == "20")
    }

    @Test("two-digit forms fold to two digits that both map back to the one original scalar")
    func twoDigitForms() {
        let text = "号码⑫⑳⓴❿➓"
        let normalized = TestSupport.normalizer.normalize(text)
        #expect(String(decoding: normalized.bytes, as: UTF8.self) == "号码1220201010")
        // "2" of ⑫ alone still maps back to ⑫.
        #expect(normalized.originalRange(ofNormalized: 7..<8) == 2..<3)
        #expect(TestSupport.pythonSlice(text, normalized.originalRange(ofNormalized: 6..<10)) == "⑫⑳")
    }

    @Test("a phone number written in circled digits matches its ASCII form with exact offsets")
    func circledPhone() {
        let text = "联系①③⑧⓪⓪①③⑧⓪⓪⓪"
        #expect(TestSupport.originalSpellings(of: "13800138000", in: text) == ["①③⑧⓪⓪①③⑧⓪⓪⓪"])
    }
}
