import Testing
@testable import AssayDSL

@Suite("Parser: error recovery")
struct ParserRecoveryTests {
    @Test("three errors in three rules are all reported, each at its exact line:col")
    func threeErrorsThreeRules() {
        let source = """
            pack p {
              title "P"
              version "1"
              reference r { title "R" checked 2026-01-01 }
            }
            rule FIRST {
              title 42
              category advertising
            }
            rule SECOND {
              title "ok"
              kinds listing, 42
              severity high
            }
            rule THIRD {
              title "最佳"
              message "never closed
              severity low
            }
            """
        let (file, unordered) = DSL.parse(source)
        // Lexer diagnostics come before parser diagnostics; compare them in source order.
        let diagnostics = unordered.sorted { $0.span.range.lowerBound < $1.span.range.lowerBound }
        #expect(DSL.summary(diagnostics) == ["A003 7:9", "A003 12:18", "A002 17:11"])
        #expect(diagnostics.map(\.message) == [
            "expected a title string, found number 42", "expected a record kind, found number 42", "unterminated string",
        ])
        // Each rule still parses around its error.
        #expect(file.rules.map(\.id.value) == ["FIRST", "SECOND", "THIRD"])
        #expect(file.rules.map { $0.category?.value } == ["advertising", nil, nil])
        #expect(file.rules.map { $0.severity?.value } == [nil, "high", "low"])
    }

    @Test("an unknown top-level word skips to the next item")
    func unknownTopLevelWord() {
        let (file, diagnostics) = DSL.parse(DSL.header + "rules X { title \"t\" }\nrule Y { title \"u\" }\n")
        #expect(DSL.summary(diagnostics) == ["A003 6:1"])
        #expect(file.rules.map(\.id.value) == ["Y"])
    }

    @Test("an unknown rule field is reported and the rest of the rule is kept")
    func unknownRuleField() {
        let (file, diagnostics) = DSL.parse(DSL.header + "rule R {\n  colour red\n  severity high\n}\n")
        #expect(DSL.summary(diagnostics) == ["A003 7:3"])
        #expect(file.rules.first?.severity?.value == "high")
    }

    @Test("a file without a pack header is A101 at 1:1")
    func missingPack() {
        let (_, diagnostics) = DSL.parse("rule R { title \"t\" }\n")
        #expect(DSL.summary(diagnostics) == ["A101 1:1"])
    }

    @Test("a pack after a rule is reported: pack must come first")
    func packNotFirst() {
        let (file, diagnostics) = DSL.parse("rule R { title \"t\" }\n" + DSL.header)
        #expect(DSL.summary(diagnostics) == ["A003 2:1"])
        #expect(file.pack?.name.value == "p")
    }

    @Test("two when clauses are reported at the second")
    func twoWhens() {
        let (_, diagnostics) = DSL.parse(DSL.header + "rule R {\n  when a == 1\n  when b == 2\n}\n")
        #expect(DSL.summary(diagnostics) == ["A103 8:3"])
    }

    @Test("an error inside an examples block is reported once and the next rule still parses")
    func errorInsideExamples() {
        let source = DSL.header + """
            rule R {
              examples {
                fires 12
              }
              severity high
            }
            rule S { title "s" }

            """
        let (file, diagnostics) = DSL.parse(source)
        #expect(DSL.summary(diagnostics) == ["A003 8:11"])
        #expect(file.rules.map(\.id.value) == ["R", "S"])
        #expect(file.rules.first?.severity?.value == "high")
    }

    @Test("after an error in a condition, skipping passes fields named like clauses and stops at the next clause",
          arguments: [
            "when a == ) title matches terms(v)",
            "when a == ) not description is present",
            "when a == ) category in [x] and message == \"m\"",
            "when a == ) category not in [x]",
            "when a == ) (kinds matches terms(v)) or title.en matches terms(v)",
            "when a == ) references == 2",
          ])
    func recoveryPassesClauseNamedFields(condition: String) throws {
        let source = DSL.header + "rule R {\n  \(condition)\n  severity high\n  title \"T\"\n}\n"
        let (file, diagnostics) = DSL.parse(source)
        #expect(DSL.summary(diagnostics) == ["A003 7:13"])
        let rule = try #require(file.rules.first)
        #expect(rule.severity?.value == "high")
        #expect(rule.title?.value == "T")
    }

    // Regression: a stray ')' once made the rule loop spin forever (no token consumed on recovery).
    @Test("a stray closing parenthesis in a rule is reported once and parsing goes on")
    func strayClosingParenthesis() {
        let source = DSL.header + "rule R {\n  when a == 1 )\n  severity high\n}\n"
        let (file, diagnostics) = DSL.parse(source)
        #expect(DSL.summary(diagnostics) == ["A003 7:15"])
        #expect(file.rules.first?.severity?.value == "high")
    }
}

@Suite("Parser limits")
struct ParserLimitTests {
    @Test("deeply nested conditions are an A110 error, not a stack overflow", arguments: [
        String(repeating: "(", count: 20_000) + "a == 1" + String(repeating: ")", count: 20_000),
        String(repeating: "not ", count: 50_000) + "a == 1",
    ])
    func deepNesting(condition: String) {
        let source = DSL.header + "rule R {\n  when \(condition)\n}\n"
        let (_, diagnostics) = Parser.parse(SourceFile(path: "deep.assay", text: source))
        #expect(diagnostics.contains { $0.code == .nestingTooDeep })
    }

    @Test("5,000 nested 'not' around a field named like a clause give one A110 and nothing after it")
    func deepNotAroundClauseNamedField() throws {
        for field in ["title", "description", "category"] {
            let source = DSL.header + "rule R {\n  when " + String(repeating: "not ", count: 5_000) + field
                + " matches terms(v)\n  severity high\n  examples { fires { a: 1 } }\n}\n"
            let (file, diagnostics) = Parser.parse(SourceFile(path: "deep.assay", text: source))
            // The 201st `not` is at column 8 + 200 × 4.
            #expect(DSL.summary(diagnostics) == ["A110 7:808"], "\(field)")
            let rule = try #require(file.rules.first)
            #expect(rule.severity?.value == "high")
            #expect(rule.examples.count == 1)
            #expect(rule.wroteWhen)
        }
    }

    @Test("deeply nested record literals in examples are an A110 error")
    func deepRecord() {
        let value = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let source = DSL.header + "rule R {\n  examples { fires { a: \(value) } }\n}\n"
        let (_, diagnostics) = Parser.parse(SourceFile(path: "deep.assay", text: source))
        #expect(diagnostics.contains { $0.code == .nestingTooDeep })
    }
}
