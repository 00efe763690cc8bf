import Testing

@testable import AssayRegex

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

@Suite("Matching")
struct MatchingTests {
    @Test("matches are returned left to right as byte ranges of group 0")
    func leftToRight() throws {
        let regex = try CompiledRegex(pattern: #"\d+"#)
        let scan = regex.scan(bytes("a1 bb22 ccc333"))
        #expect(scan.ranges == [1..<2, 5..<7, 11..<14])
        #expect(scan.failure == nil)
        #expect(!scan.truncated)
    }

    @Test("caseless matching folds ASCII and non-ASCII letters")
    func caseless() throws {
        let regex = try CompiledRegex(pattern: "replica|café", options: .caseless)
        #expect(regex.scan(bytes("REPLICA Café CAFÉ")).ranges == [0..<7, 8..<13, 14..<19])
        let sensitive = try CompiledRegex(pattern: "replica")
        #expect(sensitive.firstMatch(bytes("REPLICA")) == nil)
    }

    @Test("CJK matches report byte ranges of three bytes per character")
    func cjkByteRanges() throws {
        let regex = try CompiledRegex(pattern: "高仿|一比一")
        let text = "正品高仿，一比一复刻"
        #expect(regex.scan(bytes(text)).ranges == [6..<12, 15..<24])
        #expect(regex.scan(text).ranges == [6..<12, 15..<24])
    }

    @Test("dot matches one whole CJK scalar, not one byte")
    func dotIsScalar() throws {
        let regex = try CompiledRegex(pattern: "最.x")
        #expect(regex.firstMatch(bytes("最佳x")) == 0..<7)
    }

    @Test("empty matches advance by one scalar over multi-byte characters")
    func emptyMatchAdvance() throws {
        let regex = try CompiledRegex(pattern: "x*")
        #expect(regex.scan(bytes("最佳x")).ranges == [0..<0, 3..<3, 6..<7, 7..<7])
    }

    @Test("after an empty match a non-empty alternative at the same offset is still found")
    func emptyThenNonEmptyAtSameOffset() throws {
        let regex = try CompiledRegex(pattern: "x*|佳")
        #expect(regex.scan(bytes("佳")).ranges == [0..<0, 0..<3, 3..<3])
    }

    @Test("the empty input is scanned once and the empty pattern matches it")
    func emptyInput() throws {
        #expect(try CompiledRegex(pattern: "").scan([UInt8]()).ranges == [0..<0])
        #expect(try CompiledRegex(pattern: "a").scan([UInt8]()).ranges == [])
    }

    @Test("multiline, dotAll and extended options change matching")
    func options() throws {
        let text = bytes("a\nb")
        #expect(try CompiledRegex(pattern: "^b").firstMatch(text) == nil)
        #expect(try CompiledRegex(pattern: "^b", options: .multiline).firstMatch(text) == 2..<3)
        #expect(try CompiledRegex(pattern: "a.b").firstMatch(text) == nil)
        #expect(try CompiledRegex(pattern: "a.b", options: .dotAll).firstMatch(text) == 0..<3)
        #expect(try CompiledRegex(pattern: "a b # comment", options: .extended).firstMatch(bytes("ab")) == 0..<2)
    }

    @Test("\\d stays ASCII-only (no UCP), so full-width digits do not match")
    func asciiDigitsOnly() throws {
        let regex = try CompiledRegex(pattern: #"\d{3}"#)
        #expect(regex.firstMatch(bytes("１２３")) == nil)
        #expect(regex.firstMatch(bytes("１２３456")) == 9..<12)
    }

    @Test("invalid UTF-8 in the subject acts as a barrier instead of crashing")
    func invalidUTF8() throws {
        let regex = try CompiledRegex(pattern: "a.c")
        let subject: [UInt8] = [0x61, 0xFF, 0x63, 0x20, 0x61, 0x62, 0x63, 0xE4, 0xBD]
        #expect(regex.scan(subject).ranges == [4..<7])
    }

    @Test("scanning stops at maxMatches and reports truncation only when more matches exist")
    func truncation() throws {
        let regex = try CompiledRegex(pattern: "a")
        let five = bytes("aaaaa")
        let limited = regex.scan(five, maxMatches: 3)
        #expect(limited.ranges == [0..<1, 1..<2, 2..<3])
        #expect(limited.truncated)
        let exact = regex.scan(five, maxMatches: 5)
        #expect(exact.ranges.count == 5)
        #expect(!exact.truncated)
        #expect(regex.scan(five, maxMatches: 0).truncated)
    }
}
