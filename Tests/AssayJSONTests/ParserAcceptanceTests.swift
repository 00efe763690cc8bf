import Testing

@testable import AssayJSON

@Suite("Parser accepts RFC 8259 JSON")
struct ParserAcceptanceTests {
    @Test("scalars at top level parse to their values")
    func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse(#""hi""#) == .string("hi"))
        #expect(try JSONParser.parse("-0") == .number(JSONNumber(text: "-0")!))
    }

    @Test(
        "numbers keep their text and convert to Double on demand",
        arguments: [
            "0", "-0", "1", "-12", "3.25", "1e10", "1E+2", "-1.5e-3", "12345678901234567890", "0.000",
        ])
    func numbers(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(value.numberValue?.text == text)
        #expect(value.numberValue?.doubleValue == Double(text))
    }

    @Test("an integer beyond Int range keeps its exact digits")
    func bigIntegers() throws {
        let value = try JSONParser.parse("[12345678901234567890123]")
        #expect(value[0]?.numberValue?.text == "12345678901234567890123")
        #expect(value[0]?.numberValue?.intValue == nil)
        #expect(try JSONParser.parse("42").numberValue?.intValue == 42)
        #expect(try JSONParser.parse("1e400").numberValue?.doubleValue == nil)
    }

    @Test("nested arrays and objects keep order, whitespace is insignificant")
    func nested() throws {
        let value = try JSONParser.parse(" {\n\t\"a\" : [1, {\"b\": null}, []],\r\n \"c\": {} } ")
        let expected: JSONValue = .object([
            "a": .array([.number(JSONNumber(1)), .object(["b": .null]), .array([])]),
            "c": .object([:]),
        ])
        #expect(value == expected)
        #expect(value["a"]?[1]?["b"]?.isNull == true)
    }

    @Test("duplicate keys are all kept and lookups return the last one")
    func duplicateKeys() throws {
        let object = try #require(try JSONParser.parse(#"{"k":1,"x":true,"k":2}"#).objectValue)
        #expect(object.keys == ["k", "x", "k"])
        #expect(object["k"] == .number(JSONNumber(2)))
        #expect(object["missing"] == nil)
    }

    @Test("CJK text is decoded from raw UTF-8 and from \\u escapes alike")
    func cjkStrings() throws {
        let value = try JSONParser.parse(
            #"{"标题":"正品\u4fdd\u8BC1 假一赔十","emoji":"\uD83D\uDE00😀","esc":"a\"b\\c\/d\b\f\n\r\t"}"#)
        #expect(value["标题"] == .string("正品保证 假一赔十"))
        #expect(value["emoji"] == .string("😀😀"))
        #expect(value["esc"] == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
    }

    @Test("the same text parses identically from String, bytes and a buffer pointer")
    func entryPoints() throws {
        let text = #"{"a":[1,"二",null]}"#
        let bytes = Array(text.utf8)
        let fromBuffer = try bytes.withUnsafeBufferPointer { buffer in try JSONParser.parse(buffer) }
        #expect(try JSONParser.parse(text) == fromBuffer)
        #expect(try JSONParser.parse(bytes) == fromBuffer)
    }

    @Test("a leading byte order mark is ignored")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(JSONNumber(1))]))
    }

    @Test("nesting up to maxDepth is accepted")
    func depthAtLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONParser.parse(text).arrayValue != nil)
        #expect(try JSONParser.parse(#"{"a":{"b":1}}"#, maxDepth: 2)["a"]?["b"] != nil)
    }
}
