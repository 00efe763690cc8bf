/// Byte-level UTF-8 helpers shared by the normaliser and the word-boundary check.
///
/// Decoding is tolerant: a lead byte without the continuation bytes it needs, or a stray continuation
/// byte, decodes as U+FFFD with length 1, so arbitrary byte buffers never trap. (Overlong forms and
/// surrogates are not rejected; Swift strings never contain them.)
enum UTF8Scalars {
    /// The replacement scalar returned for malformed input.
    static let replacement: UInt32 = 0xFFFD

    /// Decodes the scalar that starts at byte `i` (`i < bytes.count`).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = bytes.count
        // Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Anything
        // else is one U+FFFD per byte.
        if b0 >= 0xC2 && b0 < 0xE0 {
            guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { return (replacement, 1) }
            return ((b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 {
            guard i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else {
                return (replacement, 1)
            }
            let second = bytes[i + 1]
            if (b0 == 0xE0 && second < 0xA0) || (b0 == 0xED && second > 0x9F) { return (replacement, 1) }
            let v = (b0 & 0x0F) << 12 | (UInt32(second) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
            return (v, 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard i + 3 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80
            else { return (replacement, 1) }
            let second = bytes[i + 1]
            if (b0 == 0xF0 && second < 0x90) || (b0 == 0xF4 && second > 0x8F) { return (replacement, 1) }
            let v =
                (b0 & 0x07) << 18 | (UInt32(second) & 0x3F) << 12
                | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
            return (v, 4)
        }
        return (replacement, 1)  // stray continuation byte or invalid lead
    }

    /// Start of the scalar that ends just before byte `i` (`i > 0`): steps back over continuation bytes.
    @inline(__always)
    static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        let limit = max(0, i - 4)
        while j > limit && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }
}
