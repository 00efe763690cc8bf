import AssayText
import Testing

@Suite("Normaliser invariants on random input")
struct NormalizerPropertyTests {
    /// Characters that exercise every branch of the pipeline.
    static let pool = Array(
        "最佳國家級一三八零〇幺两壹貳 *-_.·•・\u{3000}\u{200B}\u{FEFF}\u{00AD}\u{FE0F}ＮＯ．１Ｔｏｐ①⑫⑴⒈❶➀⓿¹₂㈤㊄ⒻСсΑοé👍🏽ｶ㍿ﬁ。，「」aZ09 \t\n🙂𠀀"
            .unicodeScalars)

    @Test("output is valid UTF-8 and every byte maps to a non-decreasing original scalar index", arguments: 1...25)
    func invariants(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var view = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...300, using: &rng) { view.append(Self.pool.randomElement(using: &rng)!) }
        let text = String(view)
        let normalized = TestSupport.normalizer.normalize(text)
        #expect(normalized.originalScalarCount == text.unicodeScalars.count)
        #expect(String(validating: normalized.bytes, as: UTF8.self) != nil)
        #expect(normalized.sourceScalar.allSatisfy { $0 >= 0 && Int($0) < normalized.originalScalarCount })
        #expect(zip(normalized.sourceScalar, normalized.sourceScalar.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("malformed UTF-8 bytes are normalised without trapping, one U+FFFD per bad byte")
    func malformedBytes() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xE4, 0xB8, 0x62, 0x80]
        let normalized = bytes.withUnsafeBufferPointer { TestSupport.normalizer.normalize(utf8: $0) }
        #expect(normalized.bytes == Array("a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}".utf8))
        #expect(normalized.originalScalarCount == 6)
    }
}
