import Testing

@testable import AssayJSON

@Suite("Writer")
struct WriterTests {
    @Test("quotes, backslashes and control characters are escaped; CJK stays raw UTF-8")
    func quoting() {
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("line\nnext\ttab\r\u{8}\u{c}") == #""line\nnext\ttab\r\b\f""#)
        #expect(JSONWriter.quoted("\u{0}\u{1F}\u{7F}") == "\"\\u0000\\u001f\u{7F}\"")
        #expect(JSONWriter.quoted("正品保证😀/") == "\"正品保证😀/\"")
    }

    @Test("values are written compactly in member order")
    func compact() {
        let value: JSONValue = .object([
            "b": .array([.null, .bool(true), .bool(false), .number(JSONNumber(text: "1.50")!)]),
            "a": .string("高仿"), "b2": .object([:]),
        ])
        #expect(JSONWriter.string(value) == #"{"b":[null,true,false,1.50],"a":"高仿","b2":{}}"#)
        var output = "prefix "
        JSONWriter.write(.array([]), into: &output)
        #expect(output == "prefix []")
    }

    @Test("parse → write → parse reproduces the value, including escapes and surrogate pairs")
    func roundTrip() throws {
        let source = #"{"title":"A货 \"超A\" \\ \u0001 \uD83D\uDE00","tags":["高仿",1e-7,-0,{"k":[[],{}]}],"k":1,"k":2}"#
        let value = try JSONParser.parse(source)
        let written = JSONWriter.string(value)
        #expect(try JSONParser.parse(written) == value)
        #expect(JSONWriter.string(try JSONParser.parse(written)) == written)
    }

    @Test("every control character survives a round trip")
    func controlRoundTrip() throws {
        let text = String(decoding: (0..<0x20).map { UInt8($0) } + [0x22, 0x5C], as: UTF8.self)
        #expect(try JSONParser.parse(JSONWriter.quoted(text)) == .string(text))
    }

    @Test("numbers from Double are valid JSON, NaN and infinity are refused")
    func doubleNumbers() throws {
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        for double in [0.1, 1e-5, 1e300, -2.5, 123456789012.0] {
            let number = try #require(JSONNumber(double))
            #expect(try JSONParser.parse(number.text).numberValue?.doubleValue == double)
        }
        #expect(JSONNumber(text: "01") == nil)
        #expect(JSONNumber(text: "") == nil)
        #expect(JSONNumber(text: "1.5e3") != nil)
    }
}
