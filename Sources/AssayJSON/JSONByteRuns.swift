/// Runs of bytes that need no closer look: whitespace between tokens and the plain stretches of string
/// content. Shared by the parser, which builds values, and the skimmer, which only validates them, so both
/// accept exactly the same bytes.
enum JSONByteRuns {
    /// The first offset at or after `start` that is not JSON whitespace (space, LF, CR, tab).
    @inline(__always)
    static func endOfWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return i
    }

    /// The first offset at or after `start`, in steps of eight bytes, whose eight bytes are not all printable
    /// ASCII other than `"` and `\\` (the bytes a string can simply pass over); the caller looks closer there.
    @inline(__always)
    static func endOfPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // "Has a byte less than n" bit tricks (exact as to whether any byte is flagged): below 0x20, or
            // zero after XOR with the quote or the backslash; plus any byte with its high bit set.
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flagged = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote)
                | ((backslash &- ones) & ~backslash) | word
            if flagged & high != 0 { break }
            i &+= 8
        }
        return i
    }

    /// The first offset at or after `start` that does not begin a well-formed three-byte scalar with lead
    /// byte E1–EC or EE–EF (U+1000–U+CFFF and U+E000–U+FFFF, CJK and full-width punctuation among them: no
    /// overlong or surrogate forms there, so two continuation bytes suffice).
    @inline(__always)
    static func endOfCommonThreeByteScalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var i = start
        while i + 2 < n {
            let lead = bytes[i]
            guard lead &- 0xE1 < 15, lead != 0xED, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { break }
            i &+= 3
        }
        return i
    }
}
