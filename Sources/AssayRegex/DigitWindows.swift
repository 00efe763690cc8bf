import AssayText

/// The parts of a text within `reach` bytes of an ASCII digit, as merged, ascending ranges: every run of
/// `reach + 1` consecutive bytes that holds a digit lies inside one of them. With no reach, the whole text
/// is one window. Used by ``ClassSequenceScanner`` to scan only where a digit-holding sequence can occur.
///
/// Digits are found eight bytes at a time (``ASCIIDigits/mask(_:)``).
struct DigitWindows {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let reach: Int?
    /// Offset of the next eight-byte word to load.
    private var wordOffset = 0
    /// Digits already found that start the next window (they lay too far from the last one).
    private var carried: Range<Int>?
    private var done = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, reach: Int?) {
        self.bytes = bytes
        self.reach = reach
    }

    /// The next window, or nil when there is none.
    mutating func next() -> Range<Int>? {
        guard !done else { return nil }
        guard let reach else {
            done = true
            return bytes.isEmpty ? nil : 0..<bytes.count
        }
        let n = bytes.count
        guard let first = carried ?? nextDigits() else {
            done = true
            return nil
        }
        carried = nil
        let start = max(0, first.lowerBound - reach)
        var end = min(n, first.upperBound + reach)
        while let digits = nextDigits() {
            if digits.lowerBound - reach > end {
                carried = digits
                return start..<end
            }
            end = min(n, digits.upperBound + reach)
        }
        done = true
        return start..<end
    }

    /// From the first to the last digit of the next eight-byte word that holds one (the window of each is
    /// one word's worth wider than needed at most, which only costs a little scanning).
    @inline(__always)
    private mutating func nextDigits() -> Range<Int>? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while wordOffset &+ 8 <= n {
            let offset = wordOffset
            let mask = ASCIIDigits.mask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            wordOffset = offset &+ 8
            if mask != 0 { return Self.span(mask, at: offset) }
        }
        guard wordOffset < n else { return nil }
        // The last few bytes, one bit per byte in the same layout.
        var mask: UInt64 = 0
        for k in 0..<(n - wordOffset) where bytes[wordOffset + k] &- 0x30 < 10 { mask |= 0x80 << UInt64(8 * k) }
        let offset = wordOffset
        wordOffset = n
        return mask == 0 ? nil : Self.span(mask, at: offset)
    }

    /// The byte range from the first to the last digit bit of `mask`, for the word at `offset`.
    @inline(__always)
    private static func span(_ mask: UInt64, at offset: Int) -> Range<Int> {
        (offset &+ mask.trailingZeroBitCount >> 3)..<(offset &+ 8 &- mask.leadingZeroBitCount >> 3)
    }
}
