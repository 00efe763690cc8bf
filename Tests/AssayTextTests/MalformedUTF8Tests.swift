import AssayText
import Testing

/// Regressions found by fuzzing (fuzz/Sources/FuzzNormalizer): raw bytes that are not strict UTF-8.
@Suite("Malformed UTF-8")
struct MalformedUTF8Tests {
    @Test(
        "overlong forms, surrogates and scalars above U+10FFFF become one U+FFFD per byte",
        arguments: [[0xF5, 0x8C, 0x8D, 0x8C], [0xED, 0xA0, 0x80], [0xC0, 0xAF, 0xC1, 0x81], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0xAF]] as [[UInt8]])
    func strictDecoding(bytes: [UInt8]) {
        let normalized = bytes.withUnsafeBufferPointer { TextNormalizer().normalize(utf8: $0) }
        #expect(normalized.originalScalarCount == bytes.count)
        // The output is valid UTF-8: decoding it repairs nothing.
        let decoded = String(decoding: normalized.bytes, as: UTF8.self)
        #expect(Array(decoded.utf8) == normalized.bytes)
        #expect(normalized.sourceScalar.count == normalized.bytes.count)
    }

    @Test("valid multi-byte scalars at the edges of each range still decode")
    func validEdges() {
        let text = "\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}"
        let normalized = TextNormalizer().normalize(text)
        #expect(normalized.originalScalarCount == text.unicodeScalars.count)
    }
}
