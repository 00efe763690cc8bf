import Testing

@testable import AssayJSON

/// The string scanner passes over plain ASCII eight bytes at a time and over common three-byte scalars in a
/// loop of its own; every byte that needs a closer look must still get it, wherever it falls in those steps.
@Suite("String scanning at every offset")
struct StringScanTests {
    /// A byte sequence placed inside a long string, and what the parser must make of it.
    struct Probe: Sendable, CustomStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// The decoded text it stands for, or nil when the string must be rejected at the probe's first byte.
        let decoded: String?
        var description: String { name }
    }

    static let probes: [Probe] = [
        Probe(name: "control character", bytes: [0x01], decoded: nil),
        Probe(name: "newline", bytes: [0x0A], decoded: nil),
        Probe(name: "DEL is allowed", bytes: [0x7F], decoded: "\u{7F}"),
        Probe(name: "escaped quote", bytes: Array(#"\""#.utf8), decoded: "\""),
        Probe(name: "escaped backslash", bytes: Array(#"\\"#.utf8), decoded: "\\"),
        Probe(name: "unicode escape", bytes: Array(#"\u4e2d"#.utf8), decoded: "中"),
        Probe(name: "ideograph", bytes: [0xE4, 0xB8, 0xAD], decoded: "中"),
        Probe(name: "two-byte scalar", bytes: [0xC3, 0xA9], decoded: "é"),
        Probe(name: "four-byte scalar", bytes: [0xF0, 0x9F, 0x98, 0x80], decoded: "😀"),
        Probe(name: "U+E000 private use", bytes: [0xEE, 0x80, 0x80], decoded: "\u{E000}"),
        Probe(name: "stray continuation byte", bytes: [0x80], decoded: nil),
        Probe(name: "invalid byte FF", bytes: [0xFF], decoded: nil),
        Probe(name: "truncated ideograph", bytes: [0xE4, 0xB8, 0x61], decoded: nil),
        Probe(name: "lead byte then ASCII", bytes: [0xE5, 0x61, 0x62], decoded: nil),
        Probe(name: "encoded surrogate", bytes: [0xED, 0xA0, 0x80], decoded: nil),
        Probe(name: "overlong three-byte form", bytes: [0xE0, 0x80, 0xAF], decoded: nil),
    ]

    @Test("a byte needing a closer look is found at any offset of a long string", arguments: probes)
    func probeAtEveryOffset(probe: Probe) throws {
        for offset in 0..<20 {
            for prefix in ["a", "中"] {
                let before = String(repeating: prefix, count: offset)
                let after = String(repeating: "b", count: 19)
                let document = Array("[\"".utf8) + Array(before.utf8) + probe.bytes + Array(after.utf8) + Array("\"]".utf8)
                let probeOffset = 2 + before.utf8.count
                switch Result(catching: { () throws(JSONParseError) in try JSONParser.parse(document) }) {
                case .success(let value):
                    let expected = try #require(probe.decoded, "\(probe.name) accepted at \(offset) after \(prefix)")
                    #expect(value == .array([.string(before + expected + after)]))
                case .failure(let error):
                    #expect(probe.decoded == nil, "\(probe.name) rejected at \(offset) after \(prefix): \(error.message)")
                    #expect(error.byteOffset == probeOffset, "\(probe.name) at \(offset) after \(prefix)")
                }
            }
        }
    }

    @Test("a string ends at its closing quote at any offset, and what follows is still parsed")
    func closingQuoteAtEveryOffset() throws {
        for length in 0..<24 {
            let text = String(repeating: "x", count: length)
            let value = try JSONParser.parse(Array("[\"\(text)\",\"\(text)中\",1]".utf8))
            #expect(value == .array([.string(text), .string(text + "中"), .number(JSONNumber(1))]))
        }
    }
}
