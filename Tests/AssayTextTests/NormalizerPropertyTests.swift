@testable import AssayText
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

@Suite("Normaliser fast paths")
struct NormalizerFastPathTests {
    /// Characters that exercise every branch: ASCII letters and separators, simplified and traditional
    /// ideographs, Chinese numerals, CJK punctuation, full-width forms, invisible characters, homoglyphs,
    /// ideographs just below the table (U+3000–U+33FF) and malformed bytes.
    private static let alphabet: [[UInt8]] = {
        let scalars = "aZ 9-*_.国國假貨一二三四五六七八九〇零，。、「」《》—…‘’“”・·•Ａｂ１＊－\u{3000}\u{200B}\u{2060}\u{00AD}Сο㈠㍱①⑫⒈™é\u{1F600}"
        var pieces = scalars.unicodeScalars.map { Array(String($0).utf8) }
        pieces += [[0xFF], [0xE4, 0xBD], [0xE9], [0xC3]]  // malformed and truncated sequences
        return pieces
    }()

    @Test("the ASCII-run and ideograph fast paths give exactly what the one-scalar-at-a-time path gives")
    func fastPathsMatchReference() {
        var rng = SeededGenerator(seed: 0x1234_5678)
        for _ in 0..<4_000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &rng)).flatMap { _ in Self.alphabet.randomElement(using: &rng)! }
            bytes.withUnsafeBufferPointer { buffer in
                let fast = NormalizationPass.run(buffer)
                let reference = NormalizationPass.runReference(buffer)
                #expect(fast == reference, "\(bytes)")
                let bytesOnly = NormalizationPass.withBytes(buffer) { Array($0) }
                #expect(bytesOnly == reference.bytes, "\(bytes)")
            }
        }
    }

    @Test("runs of ASCII of every length, eight bytes at a time or not, come out as the one-scalar-at-a-time path has them")
    func longASCIIRunsMatchReference() {
        var rng = SeededGenerator(seed: 0x5EED)
        let ascii = (0..<0x80).map { [UInt8($0)] }
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0..<6, using: &rng)).flatMap { _ in
                Self.alphabet.randomElement(using: &rng)!
                    + (0..<Int.random(in: 0..<40, using: &rng)).flatMap { _ in ascii.randomElement(using: &rng)! }
            }
            bytes.withUnsafeBufferPointer { buffer in
                let reference = NormalizationPass.runReference(buffer)
                #expect(NormalizationPass.run(buffer) == reference, "\(bytes)")
                #expect(NormalizationPass.withBytes(buffer) { Array($0) } == reference.bytes, "\(bytes)")
            }
        }
        // Every ASCII byte at every place of a word, between letters either side of the case range.
        for value in 0..<0x80 {
            for place in 0..<16 {
                var bytes = Array("@[`{AZaz@[`{AZaz".utf8)
                bytes[place] = UInt8(value)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(NormalizationPass.run(buffer) == NormalizationPass.runReference(buffer), "\(value) at \(place)")
                }
            }
        }
    }

    @Test("every scalar of U+3400–U+9FFF (the ideograph-run table: Simplified targets and Chinese numerals) comes out as the slow path has it: inside a run, alone and inside a run of numerals")
    func ideographRunIsExhaustivelyEqual() {
        for scalar in (0x3400...0x9FFF).compactMap(Unicode.Scalar.init) {
            for text in ["国\(scalar)國", "\(scalar)", "一二三\(scalar)四五六"] {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    let reference = NormalizationPass.runReference(buffer)
                    #expect(NormalizationPass.run(buffer) == reference, "U+\(String(scalar.value, radix: 16))")
                    #expect(NormalizationPass.withBytes(buffer) { Array($0) } == reference.bytes, "U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    @Test("every symbol the fast path decides (U+2000–U+33FF, full-width ASCII) comes out as the slow path has it, between ideographs and between letters")
    func symbolFastPathIsExhaustivelyEqual() {
        let scalars = (0x2000..<0x3400).compactMap(Unicode.Scalar.init) + (0xFF01...0xFF5E).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in ["国\(scalar)国", "a\(scalar)B", "\(scalar)"] {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(NormalizationPass.run(buffer) == NormalizationPass.runReference(buffer), "U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }
}
