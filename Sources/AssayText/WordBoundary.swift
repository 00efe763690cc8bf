/// Whole-word checks for matches found in normalised bytes.
///
/// A *word scalar* is an ASCII letter or digit, or a non-ASCII alphabetic or decimal-digit scalar outside
/// the CJK-like scripts (ideographs, kana, Hangul), e.g. é or Cyrillic letters. Scripts written without
/// spaces never require a boundary.
public enum WordBoundary {
    /// True when the match does not cut through a word: if the first scalar of the match is a word character
    /// (ASCII letter/digit or a non-CJK letter such as é, Cyrillic), the scalar before it must not be one; likewise at the end.
    /// CJK ideographs never require a boundary (Chinese has no spaces; exceptions are handled elsewhere).
    public static func isWholeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        guard !range.isEmpty else { return true }
        let lo = range.lowerBound
        let hi = range.upperBound
        if lo > 0 && isWordScalar(UTF8Scalars.decode(bytes, at: lo).scalar) {
            let before = UTF8Scalars.previousStart(bytes, before: lo)
            if isWordScalar(UTF8Scalars.decode(bytes, at: before).scalar) { return false }
        }
        if hi < bytes.count {
            let last = UTF8Scalars.previousStart(bytes, before: hi)
            if isWordScalar(UTF8Scalars.decode(bytes, at: last).scalar)
                && isWordScalar(UTF8Scalars.decode(bytes, at: hi).scalar)
            {
                return false
            }
        }
        return true
    }

    /// Array convenience for the buffer-pointer variant of `isWholeWord`.
    public static func isWholeWord(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { isWholeWord($0, range) }
    }

    /// True for ASCII letters and digits and for non-CJK letters and digits (é, Cyrillic, Greek …).
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
        }
        if ScalarClasses.isCJKLike(v) { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal
    }
}
