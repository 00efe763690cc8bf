import Testing
@testable import AssayDSL

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    static let file = SourceFile(
        path: "rules/ads.assay",
        text: """
            pack ads {
              title "广告"
            }
            rule X {
              when ad_text matches terms(absolut_terms)
              message "最佳 “{match}” is 禁止" price > "abc"
            }
            """)

    @Test("a diagnostic renders as path:line:col, the source line, a caret and ~ under the span, and notes")
    func fullRendering() {
        let diagnostic = Diagnostic(
            .unknownName, "unknown vocabulary 'absolut_terms'",
            at: DSL.span(of: "absolut_terms", in: Self.file), notes: ["the pack declares: absolute_terms"])
        let expected = """
            rules/ads.assay:5:30: error[A102]: unknown vocabulary 'absolut_terms'
             5 |   when ad_text matches terms(absolut_terms)
               |                              ^~~~~~~~~~~~~
               = note: the pack declares: absolute_terms

            """
        #expect(DiagnosticRenderer.render(diagnostic) == expected)
    }

    @Test("the caret sits under the right column after Chinese text, two columns per character")
    func caretAfterChineseText() {
        let diagnostic = Diagnostic(.typeMismatch, "not a number", at: DSL.span(of: "\"abc\"", in: Self.file))
        let lines = DiagnosticRenderer.render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        // `  message "最佳 “{match}” is 禁止" price > ` is 39 scalars, 4 of them wide: 43 columns.
        #expect(lines[0] == "rules/ads.assay:6:40: error[A105]: not a number")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 43) + "^~~~~")
    }

    @Test("an underline under Chinese text is two columns per character")
    func underlineUnderChineseText() {
        let diagnostic = Diagnostic(.duplicateTerm, "duplicate", at: DSL.span(of: "最佳", in: Self.file))
        let lines = DiagnosticRenderer.render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "rules/ads.assay:6:12: warning[W203]: duplicate")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 11) + "^~~~")
    }

    @Test(
        "the caret sits under the right column after a wide emoji (East Asian Width W)",
        arguments: ["😀", "🤖", "🚀", "🛒", "⌚", "⭐", "✅"])
    func caretAfterEmoji(emoji: String) {
        let file = SourceFile(path: "e.assay", text: "x \"\(emoji)\" bad")
        let diagnostic = Diagnostic(.unexpectedToken, "m", at: DSL.span(of: "bad", in: file))
        let lines = DiagnosticRenderer.render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        // `x "`, two columns of emoji, `" `: seven columns before the caret.
        #expect(lines[2] == "   | " + String(repeating: " ", count: 7) + "^~~")
    }

    @Test("an empty span still gets one caret")
    func emptySpan() {
        let diagnostic = Diagnostic(.missingField, "missing 'pack NAME { … }' header", at: SourceSpan(file: Self.file, range: 0..<0))
        #expect(DiagnosticRenderer.render(diagnostic) == """
            rules/ads.assay:1:1: error[A101]: missing 'pack NAME { … }' header
             1 | pack ads {
               | ^

            """)
    }

    @Test("a span running past the end of its line is underlined to the end of the line")
    func multiLineSpan() {
        let start = DSL.span(of: "rule X", in: Self.file)
        let end = DSL.span(of: "absolut_terms", in: Self.file)
        let diagnostic = Diagnostic(.missingField, "rule 'X' has no 'title'", at: start.through(end))
        let lines = DiagnosticRenderer.render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == " 4 | rule X {")
        #expect(lines[2] == "   | ^~~~~~~~")
    }

    @Test("the gutter widens for two-digit line numbers")
    func wideGutter() {
        let file = SourceFile(path: "a.assay", text: String(repeating: "\n", count: 11) + "  oops")
        let diagnostic = Diagnostic(.unexpectedToken, "bad", at: DSL.span(of: "oops", in: file))
        #expect(DiagnosticRenderer.render(diagnostic) == """
            a.assay:12:3: error[A003]: bad
             12 |   oops
                |   ^~~~

            """)
    }

    @Test(
        "many diagnostics end with a count line",
        arguments: [
            ([DiagnosticCode.unknownName], "1 error, 0 warnings\n"),
            ([.unknownName, .invalidRegex, .duplicateTerm], "2 errors, 1 warning\n"),
            ([.duplicateTerm, .ruleCanNeverFire], "0 errors, 2 warnings\n"),
        ])
    func countLine(codes: [DiagnosticCode], expected: String) {
        let diagnostics = codes.map { Diagnostic($0, "m", at: DSL.span(of: "rule", in: Self.file)) }
        let rendered = DiagnosticRenderer.render(diagnostics)
        #expect(rendered.hasSuffix("   | ^~~~\n" + expected))
        #expect(rendered.split(separator: "\n").filter { $0.hasPrefix("rules/ads.assay:4:1: ") }.count == codes.count)
    }

    @Test("no diagnostics render as nothing")
    func noDiagnostics() {
        #expect(DiagnosticRenderer.render([Diagnostic]()) == "")
    }

    @Test("diagnostics from the parser render with their real positions")
    func parserDiagnosticsRender() {
        let (_, diagnostics) = DSL.parse(DSL.header + "rule R {\n  title \"最佳\" 42\n}\n")
        #expect(DiagnosticRenderer.render(diagnostics) == """
            test.assay:7:14: error[A003]: expected a rule field (category, description, examples, kinds, let, markets, message, references, severity, title, unless, when), found number 42
             7 |   title "最佳" 42
               |                ^~
            1 error, 0 warnings

            """)
    }
}
