import Testing
@testable import Assay

@Suite("Violation offsets")
struct OffsetTests {
    /// `value[start..<end]` in Unicode scalars, as Python would slice it.
    static func slice(_ value: String, _ start: Int, _ end: Int) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// `text` as a JSON string literal (the test strings hold no quotes, backslashes or controls).
    static func jsonString(_ text: String) -> String { "\"" + text + "\"" }

    static let pack = """
        vocabulary v { "最佳" "fake" "国家级" "café" "no.1" }

        """ + TestPolicy.rule("TERMS", when: "title matches terms(v)")
        + TestPolicy.rule("PHONE", when: #"title matches regex(r"1[3-9]\d{9}") validate cn_mobile"#)

    @Test(
        "start and end are Unicode-scalar offsets: slicing the original value gives exactly the match",
        arguments: [
            ("😀最佳", ["最佳"]),
            ("👍🏽 fake", ["fake"]),
            ("🇨🇳🇨🇳 最佳 🇨🇳", ["最佳"]),
            ("😀 fake 😀 fake", ["fake", "fake"]),
            ("e\u{301} fake", ["fake"]),
            // NFKC is per scalar (a documented limit), so decomposed "cafe\u{301}" is not "café"; the offsets
            // after it still count its two scalars.
            ("cafe\u{301} café fake", ["café", "fake"]),
            ("ＦＡＫＥ goods", ["ＦＡＫＥ"]),
            ("全网ｆａｋｅ", ["ｆａｋｅ"]),
            ("最\u{200B}佳", ["最\u{200B}佳"]),
            ("\u{FEFF}\u{200D}最佳", ["最佳"]),
            ("國家級", ["國家級"]),
            ("Ⅻ fake", ["fake"]),
            ("ﬁ fake ﬁ", ["fake"]),
            ("㈱最 佳", ["最 佳"]),
            ("ＮＯ．１ 😀", ["ＮＯ．１"]),
            ("⑴ 最佳", ["最佳"]),
            ("电话😀13800138000", ["13800138000"]),
            ("📱１３８００１３８０００", ["１３８００１３８０００"]),
            ("😀 138 0013 8000", []),
        ])
    func offsetsSliceToMatch(title: String, matches: [String]) throws {
        let policy = try TestPolicy.load(Self.pack)
        let record = try TestPolicy.record(#"{"kind": "listing", "title": \#(Self.jsonString(title))}"#)
        let violations = policy.check(record).violations.sorted { ($0.start ?? 0) < ($1.start ?? 0) }
        #expect(violations.map(\.match) == matches.map(Optional.some))
        for violation in violations {
            let start = try #require(violation.start)
            let end = try #require(violation.end)
            #expect(Self.slice(title, start, end) == violation.match, "\(violation.rule) \(start)..<\(end)")
        }
    }
}
