import AssayText
import Testing

@Suite("Mapping normalised ranges back to the original text")
struct OriginalRangeTests {
    @Test("offsets count Unicode scalars, not bytes or grapheme clusters")
    func scalarOffsets() {
        // 👍🏽 is one grapheme but two scalars; é written as e + U+0301 is two scalars.
        let text = "👍🏽e\u{301}最佳"
        let normalized = TestSupport.normalizer.normalize(text)
        #expect(normalized.originalScalarCount == 6)
        let start = normalized.bytes.count - 6
        #expect(normalized.originalRange(ofNormalized: start..<normalized.bytes.count) == 4..<6)
    }

    @Test("a range inside one multi-byte output still covers its whole original scalar")
    func partialScalar() {
        let normalized = TestSupport.normalizer.normalize("a國b")
        #expect(normalized.originalRange(ofNormalized: 2..<3) == 1..<2)
    }

    @Test("an empty range maps to an empty range at the matching original position")
    func emptyRange() {
        let normalized = TestSupport.normalizer.normalize("ab\u{200B}")
        #expect(normalized.originalRange(ofNormalized: 1..<1) == 1..<1)
        #expect(normalized.originalRange(ofNormalized: 2..<2) == 3..<3)
    }

    @Test("source scalars never decrease and every byte has one")
    func monotonic() {
        let normalized = TestSupport.normalizer.normalize("ＮＯ．１ 最 * 佳 ⑫ ㍿ Сhanel 一三八零零一三八零零零")
        #expect(normalized.sourceScalar.count == normalized.bytes.count)
        #expect(zip(normalized.sourceScalar, normalized.sourceScalar.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("the empty string normalises to nothing")
    func empty() {
        let normalized = TestSupport.normalizer.normalize("")
        #expect(normalized.bytes.isEmpty && normalized.originalScalarCount == 0)
    }

    @Test("normalising UTF-8 bytes gives the same result as normalising the string")
    func utf8Entry() {
        let text = "國家級 ＮＯ．１ 最 佳"
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { TestSupport.normalizer.normalize(utf8: $0) }
        #expect(fromBytes == TestSupport.normalizer.normalize(text))
    }
}
