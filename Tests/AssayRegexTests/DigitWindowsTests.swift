import Testing

@testable import AssayRegex

/// `DigitWindows` lets a digit-anchored `ClassSequenceScanner` look only near digits: the windows must
/// cover every byte within the reach of a digit, or a sequence would go unseen and its regex never run.
@Suite("Digit windows")
struct DigitWindowsTests {
    private static func windows(_ text: [UInt8], reach: Int?) -> [Range<Int>] {
        text.withUnsafeBufferPointer { bytes in
            var windows = DigitWindows(bytes, reach: reach)
            var all: [Range<Int>] = []
            while let window = windows.next() { all.append(window) }
            return all
        }
    }

    @Test("windows are ascending and apart, cover every byte within reach of a digit, and little else")
    func coverEveryDigitsReach() {
        var random = SplitMix(seed: 23)
        let alphabet: [UInt8] = Array("a -7天0x9".utf8)
        for _ in 0..<2000 {
            let text = (0..<random.next(90)).map { _ in random.next(6) == 0 ? alphabet[random.next(alphabet.count)] : UInt8(ascii: "b") }
            let reach = random.next(17)
            let windows = Self.windows(text, reach: reach)
            let digits = text.indices.filter { text[$0] >= 0x30 && text[$0] <= 0x39 }
            for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.upperBound < b.lowerBound, "\(windows)") }
            #expect(windows.allSatisfy { !$0.isEmpty && $0.lowerBound >= 0 && $0.upperBound <= text.count })
            for digit in digits {
                let needed = max(0, digit - reach)..<min(text.count, digit + reach + 1)
                #expect(windows.contains { $0.lowerBound <= needed.lowerBound && needed.upperBound <= $0.upperBound },
                    "digit at \(digit), reach \(reach): \(windows)")
            }
            // A window reaches at most one word (eight bytes) further than the digits need.
            for window in windows {
                #expect(digits.contains { window.lowerBound >= $0 - reach - 7 && window.lowerBound <= $0 })
                #expect(digits.contains { window.upperBound <= $0 + reach + 8 && window.upperBound > $0 })
            }
            if digits.isEmpty { #expect(windows.isEmpty) }
        }
    }

    @Test("without a reach the whole text is one window; an empty text has none")
    func wholeText() {
        #expect(Self.windows(Array("no digits".utf8), reach: nil) == [0..<9])
        #expect(Self.windows([], reach: nil) == [])
        #expect(Self.windows([], reach: 3) == [])
        #expect(Self.windows(Array("abc".utf8), reach: 3) == [])
    }

    @Test("a scanner whose sequences all hold a digit looks near digits only and finds what a naive search finds")
    func anchoredScannerAgreesWithNaiveSearch() {
        var random = SplitMix(seed: 29)
        let alphabet: [UInt8] = Array("ab7- 天".utf8) + Array(repeating: UInt8(ascii: "a"), count: 12)
        let sets = [ByteSet(Array("ab".utf8)), ByteSet([0x2D]), ByteSet(Array("天".utf8)), ByteSet.word]
        for _ in 0..<400 {
            let sequences = (0...random.next(12)).map { _ in
                var sequence = (0...random.next(9)).map { _ in sets[random.next(sets.count)] }
                sequence.insert(.digits, at: random.next(sequence.count + 1))
                return sequence
            }
            let scanner = ClassSequenceScanner(sequences)
            #expect(scanner.isDigitAnchored)
            let text = (0..<random.next(160)).map { _ in alphabet[random.next(alphabet.count)] }
            let found = text.withUnsafeBufferPointer { scanner.scan($0) }
            #expect(sequences.indices.map { scanner.contains($0, in: found) } == sequences.map { RequiredLiteralsTests.contains(text, $0) })
        }
        // The digit last, the sequence starting exactly `reach` bytes before it (and first, after it).
        let ending = ClassSequenceScanner([[ByteSet(Array("ab".utf8)), ByteSet(Array("ab".utf8)), ByteSet(Array("ab".utf8)), .digits]])
        let starting = ClassSequenceScanner([[.digits, ByteSet(Array("ab".utf8)), ByteSet(Array("ab".utf8)), ByteSet(Array("ab".utf8))]])
        for text in ["zzzzzzzzzzzzabb7", "abb7", "zzzzzzzzzzzzzabb7zzzz"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { ending.containsAll($0) }, "\(text)")
        }
        for text in ["zzzzzzzzzzzz7abb", "7abb", "zzzzz7abbzzzzzzzzzzzzzzz"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { starting.containsAll($0) }, "\(text)")
        }
        #expect(!Array("abb 7abzabb".utf8).withUnsafeBufferPointer { ending.containsAll($0) })
        #expect(!ClassSequenceScanner([[.digits, .digits], [.word, .word]]).isDigitAnchored)
        #expect(!ClassSequenceScanner([]).isDigitAnchored)
    }
}
