import AssayText
import Testing

@Suite("ASCII digit count")
struct ASCIIDigitsTests {
    private static func naiveCount(_ bytes: [UInt8]) -> Int { bytes.count { $0 >= 0x30 && $0 <= 0x39 } }

    @Test("counts exactly the bytes 0–9, at every length and offset, whatever the other bytes are")
    func agreesWithAByteLoop() {
        var generator = SeededGenerator(seed: 11)
        // Bytes next to the digit range, and high bytes, are where a word-at-a-time test would slip.
        let tricky: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x3F, 0x00, 0x7F, 0x80, 0xB0, 0xB9, 0xFF, 0x20]
        for length in 0..<70 {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ in
                    Bool.random(using: &generator) ? tricky.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                }
                for offset in 0..<min(3, length + 1) {
                    let slice = Array(bytes[offset...])
                    #expect(slice.withUnsafeBufferPointer { ASCIIDigits.count(in: $0) } == Self.naiveCount(slice))
                }
            }
        }
    }

    @Test("every byte value alone and in a full word")
    func everyByteValue() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = (0x30...0x39).contains(value) ? 1 : 0
            #expect([byte].withUnsafeBufferPointer { ASCIIDigits.count(in: $0) } == expected)
            #expect([UInt8](repeating: byte, count: 8).withUnsafeBufferPointer { ASCIIDigits.count(in: $0) } == expected * 8)
        }
        #expect(Array("电话13800138000，价格¥99".utf8).withUnsafeBufferPointer { ASCIIDigits.count(in: $0) } == 13)
    }

    @Test("the word mask sets the high bit of exactly the digit bytes, in text order")
    func maskMarksDigitBytes() {
        var generator = SeededGenerator(seed: 13)
        let tricky: [UInt8] = [0x2F, 0x30, 0x35, 0x39, 0x3A, 0x00, 0x7F, 0x80, 0xB0, 0xB9, 0xFF]
        for _ in 0..<5000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? tricky.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            var expected: UInt64 = 0
            for (k, byte) in bytes.enumerated() where byte >= 0x30 && byte <= 0x39 { expected |= 0x80 << UInt64(8 * k) }
            #expect(ASCIIDigits.mask(UInt64(littleEndian: word)) == expected, "\(bytes)")
        }
    }
}
