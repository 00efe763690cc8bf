import Testing
@testable import AssayJSON

/// The skimmer reads a line's top-level members as byte ranges and must agree with the parser exactly:
/// whatever it accepts the parser accepts with the same members, and it declines only what it says it
/// declines (escaped keys, deep nesting, non-objects, invalid JSON).
@Suite("JSON skimmer")
struct SkimmerTests {
    /// Skims `text`; nil when the skim declines.
    static func skim(_ text: String, maxDepth: Int = 512) -> [SkimmedMember]? {
        skim(Array(text.utf8), maxDepth: maxDepth)
    }

    static func skim(_ bytes: [UInt8], maxDepth: Int = 512) -> [SkimmedMember]? {
        var members: [SkimmedMember] = []
        let accepted = bytes.withUnsafeBufferPointer { JSONSkimmer.skimObject($0, maxDepth: maxDepth, into: &members) }
        return accepted ? members : nil
    }

    /// The texts a one-component field path reads from a parsed value (strings and numbers, arrays entered,
    /// objects not), as `RecordEvaluation.scanSignals` visits them.
    static func texts(of value: JSONValue) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .number(let number): return [number.text]
        case .array(let items): return items.flatMap(texts(of:))
        default: return []
        }
    }

    /// Records an issue unless the skimmed members are exactly the parsed object's entries.
    static func expectAgreement(
        _ members: [SkimmedMember], _ bytes: [UInt8], maxDepth: Int = 512, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let line = String(decoding: bytes, as: UTF8.self)
        guard case .object(let object)? = try? JSONParser.parse(bytes, maxDepth: maxDepth) else {
            Issue.record("skim accepted what the parser rejects: \(line)", sourceLocation: sourceLocation)
            return
        }
        guard members.count == object.entries.count else {
            Issue.record("\(members.count) members, \(object.entries.count) entries: \(line)", sourceLocation: sourceLocation)
            return
        }
        bytes.withUnsafeBufferPointer { buffer in
            for (member, entry) in zip(members, object.entries) {
                let key = String(decoding: UnsafeBufferPointer(rebasing: buffer[member.key]), as: UTF8.self)
                #expect(key == entry.key, "\(line)", sourceLocation: sourceLocation)
                let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[member.value]), as: UTF8.self)
                switch (member.kind, entry.value) {
                case (.string, .string(let text)):
                    #expect(raw == text, "\(line)", sourceLocation: sourceLocation)
                case (.escapedString, .string(let text)):
                    #expect(JSONSkimmer.decodeString(at: member.value, in: buffer) == text, "\(line)", sourceLocation: sourceLocation)
                case (.number, .number(let number)):
                    #expect(raw == number.text, "\(line)", sourceLocation: sourceLocation)
                case (.boolean, .bool), (.null, .null):
                    break
                case (.array, .array), (.object, .object):
                    let parsed = try? JSONParser.parse(Array(buffer[member.value]), maxDepth: 512)
                    #expect(parsed == entry.value, "\(line)", sourceLocation: sourceLocation)
                    if member.kind == .array {
                        var found: [String] = []
                        JSONSkimmer.forEachText(inArray: member.value, of: buffer) { found.append(String(decoding: $0, as: UTF8.self)) }
                        #expect(found == texts(of: entry.value), "\(line)", sourceLocation: sourceLocation)
                    }
                default:
                    Issue.record("member kind \(member.kind) for \(entry.value): \(line)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    static let validLines = [
        #"{"id": "B1", "kind": "listing", "title": "最佳 净水器", "price": 83.63, "tags": ["原创", "新品"]}"#,
        #"{}"#,
        "\u{FEFF}{\"kind\":\"post\"}",
        " \t{ \"a\" : 1 , \"b\":[ ] ,\"c\":{ } }\r\n",
        #"{"t": "tab\tquote\" slash\/ \u6700\u4f73 \ud83d\ude00 end", "n": -0.5e+10, "z": 0, "f": false, "tr": true, "nu": null}"#,
        #"{"tags": [["最佳", 7], {"inner": "不读", "deep": ["也不读"]}, "读", -1.5E3, null, true, "\u9996\u9009"]}"#,
        #"{"dup": "first", "dup": "last", "nested": {"k\u0065y": [1, {"a": [2, [3]]}]}}"#,
        #"{"s": "，。！？（）【】全角ＡＢＣ","e": "é ü ß Ω ω 😀 𠀀", "ctl": "\u0000\u001f"}"#,
        #"{"n1": 1, "n2": 1.0, "n3": 1e5, "n4": -0, "n5": 123456789012345678901234567890}"#,
    ]

    @Test("valid objects skim into exactly the parser's members, values and array texts")
    func agreesOnValidObjects() throws {
        for line in Self.validLines {
            let members = try #require(Self.skim(line), "declined: \(line)")
            Self.expectAgreement(members, Array(line.utf8))
        }
    }

    @Test("a skim declines documents that are not objects, top-level keys with escapes and invalid JSON")
    func declines() {
        let declined = [
            #"[1, 2]"#, #""text""#, "42", "", "   ",
            #"{"k\u0069nd": "listing"}"#,
            #"{"a": 1,}"#, #"{"a": [1,]}"#, #"{"a" 1}"#, #"{'a': 1}"#, #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": tru}"#,
            #"{"a": "\x"}"#, #"{"a": "\ud800"}"#, #"{"a": "\udc00"}"#, "{\"a\": \"tab\tin string\"}",
            #"{"a": 1} x"#, #"{"a": 1}{"b": 2}"#, #"{"a": [1, 2}"#, #"{"a": {"b": 1]}"#, #"{"a": "open}"#, #"{"a": 1"#,
        ]
        for line in declined {
            #expect(Self.skim(line) == nil, "accepted: \(line)")
            if let parsed = try? JSONParser.parse(line), case .object = parsed, !line.contains("\\u0069") {
                Issue.record("the parser accepts \(line), so the test is wrong")
            }
        }
        // Invalid UTF-8 inside a string, and a lone continuation byte outside one.
        #expect(Self.skim(Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == nil)
        #expect(Self.skim(Array(#"{"a": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)) == nil)
        #expect(Self.skim(Array(#"{"a": ""#.utf8) + [0xEF, 0xBC] + Array(#""}"#.utf8)) == nil)
        #expect(Self.skim([0x7B, 0x80, 0x7D]) == nil)
    }

    @Test("the nesting limit is the parser's: empty containers do not count, the top-level object does")
    func depthLimit() {
        let line = #"{"a": [[1]], "b": [], "c": {}}"#
        for maxDepth in 0...4 {
            let parsed = (try? JSONParser.parse(line, maxDepth: maxDepth)) != nil
            #expect((Self.skim(line, maxDepth: maxDepth) != nil) == parsed, "maxDepth \(maxDepth)")
        }
        #expect(Self.skim(#"{}"#, maxDepth: 0) != nil)
        #expect(Self.skim(#"{"a": 1}"#, maxDepth: 0) == nil)
        // Beyond 64 open containers inside a member the skim declines although the parser accepts.
        let deep = #"{"a": "# + String(repeating: "[", count: 65) + "1" + String(repeating: "]", count: 65) + "}"
        #expect((try? JSONParser.parse(deep)) != nil)
        #expect(Self.skim(deep) == nil)
        let shallower = #"{"a": "# + String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64) + "}"
        #expect(Self.skim(shallower) != nil)
    }

    @Test("single-byte mutations of valid lines: the skim never accepts what the parser rejects, and accepts every object the parser accepts")
    func mutationsAgreeWithParser() {
        var generator = SplitMix(seed: 0x5EED)
        let alphabet: [UInt8] = Array(#"{}[]",:\ 0123456789.eE+-tfnrlsu"#.utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x80, 0xBF, 0xC3, 0xE6, 0xED, 0xEF, 0xF4, 0xFF]
        var accepted = 0
        for line in Self.validLines {
            let original = Array(line.utf8)
            for _ in 0..<600 {
                var bytes = original
                for _ in 0...(generator.next() % 2) {
                    let at = Int(generator.next() % UInt64(bytes.count + 1))
                    let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                    switch generator.next() % 3 {
                    case 0: bytes.insert(byte, at: at)
                    case 1 where at < bytes.count: bytes.remove(at: at)
                    default: if at < bytes.count { bytes[at] = byte }
                    }
                }
                let members = Self.skim(bytes)
                if let members {
                    accepted += 1
                    Self.expectAgreement(members, bytes)
                } else if case .object(let object)? = try? JSONParser.parse(bytes) {
                    // Declining a valid object is allowed only for an escaped top-level key.
                    let escapedKey = Self.hasEscapedTopLevelKey(bytes)
                    #expect(escapedKey, "declined a valid object: \(String(decoding: bytes, as: UTF8.self)) (\(object.keys))")
                }
            }
        }
        #expect(accepted > 500)
    }

    /// Whether a top-level key of this (valid) object contains a backslash: re-skims without the check.
    static func hasEscapedTopLevelKey(_ bytes: [UInt8]) -> Bool {
        guard case .object(let object)? = try? JSONParser.parse(bytes) else { return false }
        // A key with an escape decodes to something other than its raw bytes, or contains a backslash.
        let text = String(decoding: bytes, as: UTF8.self)
        return object.keys.contains { key in !text.contains("\"\(key)\"") || key.contains("\\") }
    }
}

/// A small deterministic generator (SplitMix64), so the mutations are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
