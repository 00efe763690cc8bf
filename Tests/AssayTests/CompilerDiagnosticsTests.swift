import AssayDSL
import Testing
@testable import Assay

@Suite("Compiler diagnostics")
struct CompilerDiagnosticsTests {
    /// A tiny pack set that triggers exactly one problem, and the diagnostics it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let sources: [PackSource]
        var files: [String: String] = [:]
        /// `CODE path:line:col` of every diagnostic, in order.
        let expected: [String]
        var message: String? = nil
        var note: String? = nil
    }

    static let path = "test/pack.assay"

    /// One pack file at `test/pack.assay`: the standard header, then `body` from line 6.
    static func pack(_ body: String, header: String = TestPolicy.header) -> [PackSource] {
        [PackSource(path: path, text: header + body)]
    }

    static let vocabulary = "vocabulary v { \"fake\" }\n"

    static let cases: [Case] = [
        Case(
            testDescription: "A101: a reference without a checked date",
            sources: pack(
                TestPolicy.rule(when: "price > 5"),
                header: """
                    pack t {
                      title "Test pack"
                      version "1.0.0"
                      reference ref { title "Test reference" }
                    }

                    """),
            expected: ["A101 test/pack.assay:4:13"], message: "reference 'ref' has no 'checked'",
            note: "record the date the source was last checked, e.g. 'checked 2026-11-20'"),
        Case(
            testDescription: "A101: a rule without a message",
            sources: pack(
                vocabulary + """
                    rule R {
                      title "R"
                      category advertising
                      severity high
                      kinds listing
                      references ref
                      when title matches terms(v)
                      examples { fires { kind: listing } passes { kind: listing } }
                    }

                    """),
            expected: ["A101 test/pack.assay:7:6"], message: "rule 'R' has no 'message'"),
        Case(
            testDescription: "A102: an unknown vocabulary, with a note listing the declared ones",
            sources: pack(
                "vocabulary absolute_terms { \"最佳\" }\nvocabulary absolute_allow { \"最佳赏味期\" }\n"
                    + TestPolicy.rule(when: "title matches terms(absolut_terms)")),
            expected: ["A102 test/pack.assay:15:28"], message: "unknown vocabulary 'absolut_terms'",
            note: "the pack declares: absolute_allow, absolute_terms"),
        Case(
            testDescription: "A102: an unknown column of a let-bound row",
            sources: pack(
                "table limits {\n  columns market: string, amount: number\n  row \"CN\", 5\n}\n"
                    + TestPolicy.rule(lets: ["t = limits[market]"], when: "price > t.amout")),
            expected: ["A102 test/pack.assay:18:16"], message: "table 'limits' has no column 'amout' (market, amount)"),
        Case(
            testDescription: "A103: the same rule id in two files",
            sources: [
                PackSource(path: "test/a.assay", text: TestPolicy.header + vocabulary + TestPolicy.rule(when: "title matches terms(v)")),
                PackSource(
                    path: "test/b.assay",
                    text: TestPolicy.header.replacing("pack t {", with: "pack u {") + vocabulary
                        + TestPolicy.rule(when: "title matches terms(v)")),
            ],
            expected: ["A103 test/b.assay:7:6"], message: "rule id 'R' is already used at test/a.assay:7:6"),
        Case(
            testDescription: "A104: an invalid regex, the caret inside the pattern",
            sources: pack(TestPolicy.rule(when: #"title matches regex(r"ab)cd")"#)),
            expected: ["A104 test/pack.assay:13:32"]),
        Case(
            testDescription: "A105: an ordering comparison of a number with text",
            sources: pack(TestPolicy.rule(when: #"price > "abc""#)),
            expected: ["A105 test/pack.assay:13:16"], message: "'>' compares numbers; 'abc' is text"),
        Case(
            testDescription: "A105: a text match on a boolean field",
            sources: pack(vocabulary + TestPolicy.rule(kinds: "merchant", when: "tax_registered matches terms(v)")),
            expected: ["A105 test/pack.assay:14:8"], message: "'tax_registered' is a boolean field; text conditions read text"),
        Case(
            testDescription: "A106: an unknown record kind",
            sources: pack(TestPolicy.rule(kinds: "listing, shop", when: "price > 5")),
            expected: ["A106 test/pack.assay:10:18"], message: "unknown record kind 'shop' (listing, post, merchant)"),
        Case(
            testDescription: "A107: a vocabulary file that cannot be read, at its from string",
            sources: pack("vocabulary missing from \"missing.txt\"\n" + vocabulary + TestPolicy.rule(when: "title matches terms(v)")),
            expected: ["A107 test/pack.assay:6:25"],
            message: "cannot read vocabulary file 'missing.txt' (looked for test/missing.txt)"),
        Case(
            testDescription: "A108: a table row with too few values",
            sources: pack(
                "table limits {\n  columns market: string, amount: number, op: comparator\n  row \"CN\", 5\n}\n"
                    + TestPolicy.rule(when: "price > 5")),
            expected: ["A108 test/pack.assay:8:3"],
            message: "row has 2 values; table 'limits' has 3 columns (market, amount, op)"),
        Case(
            testDescription: "A109: a text example for a rule with no text condition",
            sources: pack(
                """
                rule R {
                  title "R"
                  category tax
                  severity low
                  kinds merchant
                  references ref
                  message "m"
                  when sales_12m > 5
                  examples {
                    fires "big sales"
                    passes { kind: merchant }
                  }
                }

                """),
            expected: ["A109 test/pack.assay:15:11"]),
        Case(
            testDescription: "W201: an empty vocabulary can never fire",
            sources: pack("vocabulary empty { }\n" + TestPolicy.rule(when: "title matches terms(empty)")),
            expected: ["W201 test/pack.assay:14:28"]),
        Case(
            testDescription: "W202: a field no kind of the rule carries",
            sources: pack(vocabulary + TestPolicy.rule(kinds: "listing", when: "colour matches terms(v)")),
            expected: ["W202 test/pack.assay:14:8"]),
        Case(
            testDescription: "W203: a duplicate term, reported at its own file:line:col",
            sources: pack("vocabulary words from \"words.txt\"\n" + TestPolicy.rule(when: "title matches terms(words)")),
            files: ["test/words.txt": "# replica words\nfake\nreplica\n\n  FAKE\n"],
            expected: ["W203 test/words.txt:5:3"],
            message: "term 'FAKE' duplicates the term at test/words.txt:2:1 after normalisation"),
    ]

    @Test("each problem gives exactly its code at its line:col, loading on one thread or two", arguments: cases, [1, 2])
    func diagnostic(_ testCase: Case, threads: Int) {
        let files = testCase.files
        let result = PolicyLoader.load(sources: testCase.sources, readFile: { files[$0] }, threads: threads)
        let summary = result.diagnostics.map { "\($0.code.rawValue) \($0.location)" }
        #expect(summary == testCase.expected, "\(DiagnosticRenderer.render(result.diagnostics))")
        if let message = testCase.message { #expect(result.diagnostics.first?.message == message) }
        if let note = testCase.note { #expect(result.diagnostics.first?.notes == [note]) }
        // Errors withhold the policy; warnings alone do not.
        #expect((result.policy == nil) == testCase.expected.contains { $0.hasPrefix("A") })
    }

    @Test("the regex diagnostic names PCRE2's offset inside the pattern")
    func regexOffsetMessage() {
        let result = PolicyLoader.load(
            sources: Self.pack(TestPolicy.rule(when: #"title matches regex(r"ab)cd")"#)), readFile: { _ in nil })
        let message = result.diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("invalid regex: "))
        #expect(message.hasSuffix(" at offset 2 of the pattern"))
    }

    @Test("problems in several rules and files are all reported together, in file order")
    func allProblemsTogether() {
        let first = TestPolicy.header + TestPolicy.rule("A", when: #"price > "x""#) + TestPolicy.rule("B", when: "title matches terms(nope)")
        let second = TestPolicy.header.replacing("pack t {", with: "pack u {") + TestPolicy.rule("C", kinds: "shop", when: "price > 1")
        let result = PolicyLoader.load(
            sources: [PackSource(path: "one.assay", text: first), PackSource(path: "two.assay", text: second)],
            readFile: { _ in nil })
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location)" } == [
            "A105 one.assay:13:16", "A102 one.assay:26:28", "A106 two.assay:10:9",
        ])
        #expect(result.policy == nil)
    }

    @Test("a vocabulary file that cannot be read is reported once, not again as an empty vocabulary")
    func unreadableFileUsedByRule() {
        let result = PolicyLoader.load(
            sources: Self.pack("vocabulary words from \"words.txt\"\n" + TestPolicy.rule(when: "title matches terms(words)")),
            readFile: { _ in nil })
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location)" } == ["A107 test/pack.assay:6:23"])
    }

    /// Loads a pack whose vocabulary `words` comes from `test/words.txt` holding `bytes`.
    static func loadVocabularyFile(_ bytes: [UInt8]) -> PolicyLoadResult {
        PolicyLoader.load(
            sources: pack("vocabulary words from \"words.txt\"\n" + TestPolicy.rule(when: "title matches terms(words)")),
            readBytes: { $0 == "test/words.txt" ? bytes : nil })
    }

    @Test("invalid UTF-8 in a vocabulary file is A107 at the bad byte's line and column, with its byte offset")
    func vocabularyFileInvalidUTF8() {
        // Line 2 is "café" in Latin-1 (0xE9), line 4 holds an overlong "/" (0xC0 0xAF) after two CJK characters.
        let bytes = Array("fake\ncaf".utf8) + [0xE9] + Array("\nreplica\n最佳".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let result = Self.loadVocabularyFile(bytes)
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location)" } == [
            "A107 test/words.txt:2:4", "A107 test/words.txt:4:3",
        ])
        #expect(result.diagnostics.map(\.message) == [
            "vocabulary file is not UTF-8 text: invalid UTF-8 (0xE9) at byte offset 8",
            "vocabulary file is not UTF-8 text: invalid UTF-8 (0xC0) at byte offset 24",
        ])
        #expect(result.policy == nil)
    }

    @Test("a NUL, ESC or other control character in a vocabulary file is A107; tabs, CRLF and a BOM are fine")
    func vocabularyFileControlCharacters() {
        let result = Self.loadVocabularyFile(Array("fake\nnul\u{0}term\nesc\u{1B}[2Jterm\nbell\u{7}\n".utf8))
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location)" } == [
            "A107 test/words.txt:2:4", "A107 test/words.txt:3:4", "A107 test/words.txt:4:5",
        ])
        #expect(result.diagnostics.map(\.message) == [
            "vocabulary file is not UTF-8 text: NUL byte (U+0000) at byte offset 8",
            "vocabulary file is not UTF-8 text: control character U+001B at byte offset 17",
            "vocabulary file is not UTF-8 text: control character U+0007 at byte offset 30",
        ])
        let cleanBytes = [0xEF, 0xBB, 0xBF] + Array("fake\r\nreal\tfake\r\n# note\r\nreplica".utf8)
        let clean = Self.loadVocabularyFile(cleanBytes)
        #expect(clean.diagnostics.isEmpty, "\(DiagnosticRenderer.render(clean.diagnostics))")
        let parsed = VocabularyFileParser.parse(SourceFile(path: "words.txt", bytes: cleanBytes))
        #expect(parsed.terms.map(\.text.value) == ["fake", "real\tfake", "replica"])
    }

    @Test("a vocabulary file with bad bytes is not reported again as an empty vocabulary")
    func vocabularyFileAllBad() {
        let result = Self.loadVocabularyFile([0xFF, 0x0A, 0xFE])
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location)" } == [
            "A107 test/words.txt:1:1", "A107 test/words.txt:2:1",
        ])
    }

    @Test("a binary vocabulary file gives at most 10 located errors and one that counts the other lines")
    func vocabularyFileManyBadLines() {
        let bytes = [UInt8](repeating: 0, count: 1_000).indices.map { $0 % 2 == 0 ? UInt8(0xFF) : 0x0A }
        let result = Self.loadVocabularyFile(bytes)
        #expect(result.diagnostics.count == 11)
        #expect(result.diagnostics.last?.message == "vocabulary file has 490 more lines that are not UTF-8 text, the first here")
        #expect(result.diagnostics.last?.location == "test/words.txt:11:1")
    }

    // Found by FuzzRuleFile: a vocabulary path written with NUL and ESC in it names the file of the A107
    // diagnostics; the rendered location shows those characters escaped, never raw.
    @Test("a vocabulary path with control characters is rendered escaped in the diagnostics' location")
    func vocabularyPathWithControlCharacters() {
        let result = PolicyLoader.load(
            sources: Self.pack("vocabulary words from \"w\u{0}\u{1B}[2J.txt\"\n" + TestPolicy.rule(when: "title matches terms(words)")),
            readBytes: { _ in [0x6F, 0x6B, 0x0A, 0x95] })
        #expect(result.diagnostics.map(\.code) == [.unreadableFile])
        let rendered = DiagnosticRenderer.render(result.diagnostics)
        #expect(rendered.hasPrefix("test/w\\u{0}\\u{1B}[2J.txt:2:1: error[A107]: vocabulary file is not UTF-8 text"))
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
