import Testing

@testable import AssayJSON

private func parseError(_ text: String, maxDepth: Int = 512) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(text, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("Parser rejects non-RFC 8259 input")
struct ParserRejectionTests {
    @Test(
        "invalid documents are rejected",
        arguments: [
            "", "   ", "[1,]", #"{"a":1,}"#, "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity", "-Infinity",
            "'a'", #"{'a':1}"#, "[1 2]", #"{"a" 1}"#, #"{"a":1 "b":2}"#, "[1]]", "{} x", "tru", "nul",
            "\"a\u{0A}b\"", "\"tab\there\"", #""\x""#, #""\u12""#, #""\uD83D""#, #""\uDE00""#,
            #""\uD83Dx""#, #""\uD83D\u0041""#, "\"unterminated", "[", "{", #"{"a""#, "// c\n1", "[1,,2]",
        ])
    func rejected(text: String) {
        #expect(parseError(text) != nil)
    }

    @Test("a trailing comma is reported at the closing bracket")
    func trailingComma() throws {
        let error = try #require(parseError("[1,2,]"))
        #expect(error.message == "trailing comma is not allowed before ']'")
        #expect(error.byteOffset == 5)
        let objectError = try #require(parseError(#"{"a":1,}"#))
        #expect(objectError.message == "trailing comma is not allowed before '}'")
        #expect(objectError.byteOffset == 7)
    }

    @Test("a missing comma between members names what was expected, with line and column")
    func missingComma() throws {
        let error = try #require(parseError("{\n  \"标题\": \"高仿\"\n  \"价格\": 1\n}"))
        #expect(error.message == "expected ',' or '}' after object member")
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.description == "3:3: expected ',' or '}' after object member")
    }

    @Test("columns count Unicode scalars, not bytes")
    func columnsInScalars() throws {
        let error = try #require(parseError(#"["最佳", 01]"#))
        #expect(error.message == "leading zeros are not allowed in numbers")
        #expect(error.byteOffset == 11)
        #expect(error.column == 8)
        #expect(error.line == 1)
    }

    @Test("an unescaped control character is reported where it occurs")
    func controlCharacter() throws {
        let error = try #require(parseError("[\"a\u{01}\"]"))
        #expect(error.message == "unescaped control character U+0001 in string")
        #expect(error.byteOffset == 3)
    }

    @Test("lone surrogates in \\u escapes are errors")
    func loneSurrogates() throws {
        let high = try #require(parseError(#"["x\uD83D"]"#))
        #expect(high.message.contains("lone high surrogate"))
        #expect(high.byteOffset == 3)
        let low = try #require(parseError(#"["\uDE00\uD83D"]"#))
        #expect(low.message.contains("lone low surrogate"))
    }

    @Test(
        "invalid UTF-8 is an error at the offending byte",
        arguments: [
            ([0x22, 0x61, 0xFF, 0x22] as [UInt8], 2),  // not a UTF-8 byte
            ([0x22, 0xE4, 0xBD, 0x22] as [UInt8], 1),  // truncated 3-byte sequence
            ([0x22, 0xC0, 0xAF, 0x22] as [UInt8], 1),  // overlong '/'
            ([0x22, 0xED, 0xA0, 0x80, 0x22] as [UInt8], 1),  // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22] as [UInt8], 1),  // above U+10FFFF
            ([0x5B, 0x31, 0x5D, 0x80] as [UInt8], 3),  // stray byte after the value
        ])
    func invalidUTF8(bytes: [UInt8], offset: Int) throws {
        let error = try #require(parseError(bytes))
        #expect(error.byteOffset == offset)
        #expect(error.message.contains("invalid UTF-8 byte"))
    }

    @Test("trailing garbage after the value is rejected")
    func trailingGarbage() throws {
        let error = try #require(parseError(#"{"a":1} {"b":2}"#))
        #expect(error.message == "unexpected '{' after the JSON value")
        #expect(error.byteOffset == 8)
    }

    @Test("nesting deeper than maxDepth is an error, not a stack overflow")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(parseError(deep))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.byteOffset == 512)
        #expect(parseError(#"{"a":{"b":{}}}"#, maxDepth: 2) == nil)
        #expect(parseError(#"{"a":{"b":{"c":1}}}"#, maxDepth: 2) != nil)
    }

    @Test("single quotes get a message that says so")
    func singleQuotes() throws {
        #expect(parseError("['a']")?.message == "strings must use double quotes, not single quotes")
        #expect(parseError("{'a':1}")?.message == "object keys must use double quotes, not single quotes")
    }

    @Test("empty input reports end of input at offset 0")
    func emptyInput() throws {
        let error = try #require(parseError(""))
        #expect(error.message == "expected a JSON value, found end of input")
        #expect(error.byteOffset == 0)
        #expect(error.line == 1 && error.column == 1)
    }
}

@Suite("String bytes, generated")
struct GeneratedStringBytesTests {
    /// Pieces of string contents: valid ASCII and CJK, escapes, and each kind of bad byte.
    private static let pieces: [[UInt8]] = [
        Array("ab".utf8), Array("中".utf8), Array("\u{FFFD}".utf8), Array(#"\n"#.utf8), Array(#"\u4e2d"#.utf8),
        [0x80], [0xFF], [0xE4, 0xBD], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x09], [0x1F],
    ]

    /// Where the byte-by-byte walk must stop: the first control character or byte that does not start a
    /// valid UTF-8 sequence (found here with the standard library's decoder), or nil.
    private static func firstBadByte(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first! < 0x20 { return offset }
                offset += encoded.count
            case .error:
                return offset
            case .emptyInput:
                return nil
            }
        }
    }

    @Test("a string of good bytes parses to exactly them; the first bad byte is the error, whatever follows it")
    func goodBytesParseAndBadBytesAreLocated() throws {
        var state: UInt64 = 99
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let chosen = (0..<next(6)).map { _ in Self.pieces[next(Self.pieces.count)] }
            // Escapes are decoded by the parser; compare the raw pieces without them.
            let raw = chosen.flatMap { $0 }
            let line = Array(#"{"k":""#.utf8) + raw + Array(#""}"#.utf8)
            let withoutEscapes = chosen.filter { $0.first != UInt8(ascii: "\\") }.flatMap { $0 }
            let bad = Self.firstBadByte(raw)
            do {
                let value = try JSONParser.parse(line)
                #expect(bad == nil, "accepted \(raw)")
                if case .object(let object)? = Optional(value), case .string(let text)? = object["k"],
                    withoutEscapes.count == raw.count
                {
                    #expect(Array(text.utf8) == raw)
                }
            } catch {
                #expect(error.byteOffset == 6 + (bad ?? -100), "\(raw): \(error.message)")
            }
        }
    }
}
