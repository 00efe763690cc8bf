/// Validation of one UTF-8 sequence (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Sequence {
    /// The length (2–4) of the valid multi-byte sequence starting at `i`, or
    /// `nil` if the bytes there are not valid UTF-8. `bytes[i]` must be ≥ 0x80.
    @inline(__always)
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = bytes.count
        let lead = bytes[i]
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(1) ? 2 : nil
        case 0xE0:
            return i + 1 < n && (0xA0...0xBF).contains(bytes[i + 1]) && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : nil
        case 0xED:
            return i + 1 < n && (0x80...0x9F).contains(bytes[i + 1]) && cont(2) ? 3 : nil
        case 0xF0:
            return i + 1 < n && (0x90...0xBF).contains(bytes[i + 1]) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4:
            return i + 1 < n && (0x80...0x8F).contains(bytes[i + 1]) && cont(2) && cont(3) ? 4 : nil
        default:
            return nil
        }
    }
}
