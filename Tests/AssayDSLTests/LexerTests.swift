import Testing
@testable import AssayDSL

@Suite("Lexer")
struct LexerTests {
    @Test(
        "identifiers keep hyphens and dotted segments",
        arguments: ["ADV-CN-001", "seller.name", "US-CA", "prc-ad-law-9-3", "variants.title", "_private"])
    func identifierShapes(text: String) {
        let (kinds, diagnostics) = DSL.lex(text)
        #expect(kinds == [.identifier(text)])
        #expect(diagnostics.isEmpty)
    }

    @Test("a dot not followed by an identifier character is punctuation")
    func trailingDot() {
        let (kinds, _) = DSL.lex("t[a].floor x.")
        #expect(kinds == [.identifier("t"), .leftBracket, .identifier("a"), .rightBracket, .dot, .identifier("floor"), .identifier("x"), .dot])
    }

    @Test(
        "strings decode their escapes",
        arguments: [
            (#""plain""#, "plain"),
            (#""say \"hi\"""#, #"say "hi""#),
            (#""back\\slash""#, #"back\slash"#),
            (#""a\nb\tc\rd""#, "a\nb\tc\rd"),
            (#""\u{6700}佳""#, "最佳"),
            (#""\u{1F600}""#, "😀"),
            (#""""#, ""),
        ] as [(String, String)])
    func stringEscapes(source: String, value: String) {
        let (kinds, diagnostics) = DSL.lex(source)
        #expect(kinds == [.string(value)])
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "raw strings keep backslashes and, with hashes, quotes",
        arguments: [
            (#"r"\d+""#, #"\d+"#),
            (#"r"\bfake\b""#, #"\bfake\b"#),
            (##"r#"a"b"#"##, #"a"b"#),
            (###"r##"x"#y"##"###, ##"x"#y"##),
        ] as [(String, String)])
    func rawStrings(source: String, value: String) {
        let (kinds, diagnostics) = DSL.lex(source)
        #expect(kinds == [.string(value)])
        #expect(diagnostics.isEmpty)
    }

    @Test("an identifier starting with r is not mistaken for a raw string")
    func rIdentifier() {
        #expect(DSL.lex("rule regex r").kinds == [.identifier("rule"), .identifier("regex"), .identifier("r")])
    }

    @Test(
        "numbers and dates are told apart",
        arguments: [
            ("2026-11-20", [Token.Kind.date("2026-11-20")]),
            ("2024-02-29", [.date("2024-02-29")]),
            ("42", [.number(42, text: "42")]),
            ("5_000_000", [.number(5_000_000, text: "5000000")]),
            ("0.2", [.number(0.2, text: "0.2")]),
            ("-3", [.number(-3, text: "-3")]),
            ("-0.5", [.number(-0.5, text: "-0.5")]),
            ("x -3", [.identifier("x"), .number(-3, text: "-3")]),
        ] as [(String, [Token.Kind])])
    func numbersAndDates(source: String, expected: [Token.Kind]) {
        let (kinds, diagnostics) = DSL.lex(source)
        #expect(kinds == expected)
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "malformed numbers and impossible dates are A004 at their start",
        arguments: [("x 12abc", "A004 1:3"), ("2026-02-30", "A004 1:1"), ("\n  2026-13-01", "A004 2:3"), ("10-3", "A004 1:1")])
    func invalidLiterals(source: String, expected: String) {
        #expect(DSL.summary(DSL.lex(source).diagnostics) == [expected])
    }

    @Test("comments run from # or // to the end of the line")
    func comments() {
        let source = """
            a # a comment with "quotes" and { braces
            b // another, with 最佳
            // a whole-line comment
            c#tight
            """
        #expect(DSL.lex(source).kinds == [.identifier("a"), .identifier("b"), .identifier("c")])
    }

    @Test("a lone slash is a stray character, not a comment")
    func loneSlash() {
        let (kinds, diagnostics) = DSL.lex("a / b")
        #expect(kinds == [.identifier("a"), .identifier("b")])
        #expect(DSL.summary(diagnostics) == ["A001 1:3"])
    }

    @Test("punctuation and comparison operators", arguments: [
        ("{ } ( ) [ ] , : .", [Token.Kind.leftBrace, .rightBrace, .leftParen, .rightParen, .leftBracket, .rightBracket, .comma, .colon, .dot]),
        ("= => == != < <= > >=", [.equals, .arrow, .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual]),
        ("a<=b", [.identifier("a"), .lessEqual, .identifier("b")]),
    ] as [(String, [Token.Kind])])
    func punctuation(source: String, expected: [Token.Kind]) {
        #expect(DSL.lex(source).kinds == expected)
    }

    @Test("an unterminated string is A002 at its opening quote and lexing goes on on the next line")
    func unterminatedString() {
        let source = """
            title "never closed
            rule X
            """
        let (kinds, diagnostics) = DSL.lex(source)
        #expect(DSL.summary(diagnostics) == ["A002 1:7"])
        #expect(kinds == [.identifier("title"), .string("never closed"), .identifier("rule"), .identifier("X")])
    }

    @Test("an unterminated raw string with hashes says how it must end")
    func unterminatedHashedRawString() {
        let (_, diagnostics) = DSL.lex(##"regex(r#"a"b")"##)
        #expect(DSL.summary(diagnostics) == ["A002 1:7"])
        #expect(diagnostics.first?.notes.first?.contains(##"must end with "#"##) == true)
    }

    @Test("a stray character is A001 at its scalar column, after Chinese text, and lexing goes on")
    func strayCharacters() {
        let source = """
            title "最佳" @ kinds
              a ¤ b $
            """
        let (kinds, diagnostics) = DSL.lex(source)
        #expect(DSL.summary(diagnostics) == ["A001 1:12", "A001 2:5", "A001 2:9"])
        #expect(diagnostics[1].message == "unexpected character '¤'")
        #expect(kinds == [.identifier("title"), .string("最佳"), .identifier("kinds"), .identifier("a"), .identifier("b")])
    }

    @Test("unknown escapes and bad unicode escapes are A004 at the backslash")
    func badEscapes() {
        let (kinds, diagnostics) = DSL.lex(#"x "a\qb" "\u{D800}""#)
        #expect(DSL.summary(diagnostics) == ["A004 1:5", "A004 1:11"])
        #expect(kinds.count == 3)
    }
}
