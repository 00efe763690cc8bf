import Testing

@testable import AssayCSV

@Suite("RFC 4180 grammar")
struct RFC4180Tests {
    @Test("plain rows split on commas and are numbered by physical line")
    func plainRows() {
        #expect(summary(events("a,b,c\n1,2,3\n")) == ["1: a|b|c", "2: 1|2|3"])
    }

    @Test("quoted fields keep commas, and a doubled quote reads as one quote")
    func quotedFields() {
        let result = rows(events(#"name,note"# + "\n" + #""Smith, Jane","She said ""hi"", twice""# + "\n"))
        #expect(result.count == 2)
        #expect(result[1].fields == ["Smith, Jane", #"She said "hi", twice"#])
    }

    @Test("empty fields, an empty quoted field and a trailing delimiter all yield empty strings")
    func emptyFields() {
        #expect(rows(events("a,,\"\",b,\n,\n")).map(\.fields) == [["a", "", "", "b", ""], ["", ""]])
    }

    @Test("the last row is read without a final newline, including a trailing empty field")
    func lastRowWithoutNewline() {
        #expect(summary(events("a,b\nc,d")) == ["1: a|b", "2: c|d"])
        #expect(rows(events("a,b\nc,")).last?.fields == ["c", ""])
        #expect(rows(events("a,\"q\"")).last?.fields == ["a", "q"])
    }

    @Test("LF, CRLF and CR inside quotes are kept as newlines, each normalised to LF")
    func newlinesInsideQuotes() {
        let result = rows(events("id,body\r\n1,\"one\ntwo\r\nthree\rfour\"\r\n2,x\r\n"))
        #expect(result.map(\.fields) == [["id", "body"], ["1", "one\ntwo\nthree\nfour"], ["2", "x"]])
        #expect(result.map(\.line) == [1, 2, 6])
    }

    @Test("a field after a multi-line quoted field records the later physical line it starts on")
    func fieldLines() {
        let result = rows(events("h1,h2,h3\nA,\"line one\nline two\nline three\",C\nD,E,F\n"))
        #expect(result[1].fields == ["A", "line one\nline two\nline three", "C"])
        #expect(result[1].line == 2)
        #expect(result[1].fieldLines == [2, 2, 4])
        #expect(result[2].line == 5)
        #expect(result[2].fieldLines == [5, 5, 5])
    }

    @Test("CRLF and lone CR both end rows")
    func rowEndings() {
        #expect(summary(events("a,b\r\nc,d\re,f\n")) == ["1: a|b", "2: c|d", "3: e|f"])
    }

    @Test("blank and whitespace-only lines are skipped but still counted")
    func blankLines() {
        #expect(summary(events("\na,b\n\n   \n\t\r\nc,d\n\n")) == ["2: a|b", "6: c|d"])
        #expect(events("").isEmpty)
        #expect(events("\n\r\n  \n").isEmpty)
    }

    @Test("a row of only delimiters is a row of empty fields, not a blank line")
    func delimiterOnlyRow() {
        #expect(rows(events("a,b\n,\n")).map(\.fields) == [["a", "b"], ["", ""]])
    }

    @Test("spaces after a closing quote are ignored; a quote inside an unquoted field is literal")
    func lenientQuotes() {
        #expect(rows(events("\"a\"  ,b\n12\" screen,x\n")).map(\.fields) == [["a", "b"], ["12\" screen", "x"]])
    }

    @Test("rows with more or fewer fields than the header are rows, not errors")
    func raggedRows() {
        #expect(summary(events("a,b,c\n1,2\n1,2,3,4\n")) == ["1: a|b|c", "2: 1|2", "3: 1|2|3|4"])
    }

    @Test("semicolon and tab delimiters split fields, and commas are then ordinary text")
    func otherDelimiters() {
        #expect(summary(events("Name;Preis\nTasse;\"1,50\"\nTeller;2,00\n", delimiter: 0x3B))
            == ["1: Name|Preis", "2: Tasse|1,50", "3: Teller|2,00"])
        #expect(summary(events("a\tb, c\n\"x\ty\"\t\n", delimiter: 0x09)) == ["1: a|b, c", "2: x\ty|"])
    }

    @Test("a tab-only line is a row of empty fields when tab is the delimiter")
    func tabDelimitedEmptyRow() {
        #expect(rows(events("a\tb\n\t\n", delimiter: 0x09)).map(\.fields) == [["a", "b"], ["", ""]])
    }
}
