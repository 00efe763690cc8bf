import Testing

@testable import AssayCSV

@Suite("Malformed input is reported and reading goes on")
struct MalformedInputTests {
    @Test("a quote opened and never closed is reported on its line and the rows after it are still read")
    func unclosedQuoteAtEnd() {
        let result = summary(events("h1,h2\na,b\nc,\"never closed\nd,e\nf,g\n"))
        #expect(
            result == [
                "1: h1|h2", "2: a|b",
                "error 3:2 quoted field is never closed (unbalanced quote)",
                "4: d|e", "5: f|g",
            ])
    }

    @Test("a stray quote is caught at the next quoted field, and the rows it swallowed come back")
    func strayQuoteCaughtLater() {
        let text = """
            Handle,Title,Vendor,Variant Price
            h1,Good one,V,10.00
            h2,"Broken title,V,11.00
            h3,Plain row,V,12.00
            h4,"Quoted, fine",V,13.00
            h5,Last,V,14.00
            """
        #expect(
            summary(events(text)) == [
                "1: Handle|Title|Vendor|Variant Price",
                "2: h1|Good one|V|10.00",
                "error 3:2 unexpected 'Q' after the closing quote of a quoted field"
                    + " (a quote inside a quoted field must be doubled)",
                "4: h3|Plain row|V|12.00",
                "5: h4|Quoted, fine|V|13.00",
                "6: h5|Last|V|14.00",
            ])
    }

    @Test("text right after a closing quote is an error naming that row's line; neighbours survive")
    func garbageAfterClosingQuote() {
        let result = summary(events("a,b\n1,\"abc\"x,2\n3,4\r\n5,\"He said \"hi\" there\",6\r\n7,8\n"))
        #expect(result.count == 5)
        #expect(result[0] == "1: a|b")
        #expect(result[1].hasPrefix("error 2:2 unexpected 'x' after the closing quote"))
        #expect(result[2] == "3: 3|4")
        #expect(result[3].hasPrefix("error 4:2 unexpected 'h' after the closing quote"))
        #expect(result[4] == "5: 7|8")
    }

    @Test("a multi-line quoted field that goes wrong restarts on the line after it opened")
    func multiLineFieldGoesWrong() {
        let result = summary(events("id,body\n1,\"first\nsecond\"oops,z\n2,ok\n"))
        // Line 3 is read again as a row of its own (with its quote as literal text).
        #expect(result == [
            "1: id|body",
            "error 2:2 unexpected 'o' after the closing quote of a quoted field"
                + " (a quote inside a quoted field must be doubled)",
            "3: second\"oops|z",
            "4: 2|ok",
        ])
    }

    @Test("a quoted field still open after maxFieldLines lines is taken for an unbalanced quote")
    func tooManyLines() {
        var text = "a,b\n1,\"open\n"
        for index in 2...20 { text += "\(index),row\n" }
        var reader = CSVReader(bytes: Array(text.utf8))
        reader.maxFieldLines = 5
        let events = Array(reader)
        #expect(
            errors(events) == [
                CSVError(
                    line: 2, column: 2, message: "quoted field is still open after 5 lines (unbalanced quote?)")
            ])
        let good = rows(events)
        #expect(good.count == 20)
        #expect(good.last?.fields == ["20", "row"])
        #expect(good.last?.line == 21)
    }

    @Test("the same quoted field is fine when it stays within maxFieldLines")
    func withinLineLimit() {
        var reader = CSVReader(bytes: Array("a,b\n1,\"x\ny\nz\"\n".utf8))
        reader.maxFieldLines = 3
        #expect(summary(Array(reader)) == ["1: a|b", "2: 1|x\ny\nz"])
    }

    @Test("invalid UTF-8 is an error for that row with its line and field, not repaired")
    func invalidUTF8() {
        let bytes = Array("t,d\nok,1\n".utf8) + Array("bad,".utf8) + [0x41, 0xFF, 0x42] + Array("\n\"q\",".utf8)
            + [0xE4, 0xB8] + Array("\nlast,\"多行\n文本\"\n".utf8)
        let result = summary(Array(CSVReader(bytes: bytes)))
        #expect(
            result == [
                "1: t|d", "2: ok|1",
                "error 3:2 invalid UTF-8 (byte 0xFF at byte 2 of the field) in field 2; the row is skipped",
                "error 4:2 invalid UTF-8 (byte 0xE4 at byte 1 of the field) in field 2; the row is skipped",
                "5: last|多行\n文本",
            ])
    }

    @Test("an unquoted field over maxFieldBytes is an error and the next line is read normally")
    func longUnquotedField() {
        var reader = CSVReader(bytes: Array("a,b\n1,\(String(repeating: "长", count: 40)),tail\n2,x\n".utf8))
        reader.maxFieldBytes = 50
        #expect(
            summary(Array(reader)) == [
                "1: a|b", "error 2:2 field is longer than maxFieldBytes (50 bytes)", "3: 2|x",
            ])
    }

    @Test("a streamed quoted field over maxFieldBytes is an error without buffering the rest of the file")
    func longQuotedFieldStreamed() {
        let long = String(repeating: "描述,", count: 2_000)
        let text = "a,b\n1,\"\(long)\"\n2,x\n3,\"\(long)\n4,y\n"
        var reader = CSVReader(bytes: Array(text.utf8), chunkSize: 256)
        reader.maxFieldBytes = 1_000
        let result = summary(Array(reader))
        #expect(
            result == [
                "1: a|b",
                "error 2:2 field is longer than maxFieldBytes (1000 bytes) before its closing quote (unbalanced quote?)",
                "3: 2|x",
                "error 4:2 field is longer than maxFieldBytes (1000 bytes) before its closing quote (unbalanced quote?)",
                "5: 4|y",
            ])
    }

    @Test("a closed quoted field over maxFieldBytes is an error when read from memory too")
    func longQuotedFieldInMemory() {
        var reader = CSVReader(bytes: Array("1,\"\(String(repeating: "x", count: 100))\",2\n3,4".utf8))
        reader.maxFieldBytes = 10
        #expect(summary(Array(reader)) == ["error 1:2 field is longer than maxFieldBytes (10 bytes)", "2: 3|4"])
    }

    @Test("a row over maxRowBytes is an error and the following rows are read")
    func longRow() {
        let wide = Array(repeating: "abcdefgh", count: 200).joined(separator: ",")
        var reader = CSVReader(bytes: Array("a,b\n\(wide)\nc,d\n".utf8), chunkSize: 64)
        reader.maxRowBytes = 500
        #expect(
            summary(Array(reader)) == [
                "1: a|b", "error 2:- row is longer than maxRowBytes (500 bytes)", "3: c|d",
            ])
    }

    @Test("errors describe themselves with line and field")
    func errorDescription() {
        #expect(CSVError(line: 3, column: 2, message: "m").description == "line 3, field 2: m")
        #expect(CSVError(line: 3, column: nil, message: "m").description == "line 3: m")
        #expect(CSVError(line: 0, column: nil, message: "cannot open").description == "cannot open")
    }
}
