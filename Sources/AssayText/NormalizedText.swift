/// Text after ``TextNormalizer`` has run: the bytes every vocabulary term and regex is matched against,
/// plus a per-byte map back to the original text.
///
/// Offsets into the original text are Unicode-scalar offsets (what Python's `str` indexes), never UTF-8
/// bytes or grapheme clusters.
public struct NormalizedText: Sendable, Equatable {
    /// Normalised UTF-8 bytes: the text every vocabulary term and regex is matched against.
    public let bytes: [UInt8]
    /// For each byte of `bytes`, the index (in Unicode scalars) of the original scalar that produced it.
    public let sourceScalar: [Int32]
    /// Number of Unicode scalars in the original text.
    public let originalScalarCount: Int

    /// Creates a normalised text from its parts; `sourceScalar` must have one non-decreasing entry per byte.
    public init(bytes: [UInt8], sourceScalar: [Int32], originalScalarCount: Int) {
        precondition(bytes.count == sourceScalar.count, "one source scalar per normalised byte")
        self.bytes = bytes
        self.sourceScalar = sourceScalar
        self.originalScalarCount = originalScalarCount
    }

    /// Original scalar range covered by a normalised byte range: start = sourceScalar[lo], end = sourceScalar[hi-1] + 1
    /// (extended to cover all original scalars that were merged/removed strictly inside the match, e.g. a skipped separator).
    ///
    /// Because `sourceScalar` never decreases, scalars removed between the first and last byte of the match
    /// (zero-width characters, skipped separators) fall inside the returned range automatically. An empty
    /// range maps to an empty range at the corresponding original position.
    public func originalRange(ofNormalized range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside normalised text")
        guard !range.isEmpty else {
            let at = range.lowerBound < sourceScalar.count ? Int(sourceScalar[range.lowerBound]) : originalScalarCount
            return at..<at
        }
        return Int(sourceScalar[range.lowerBound])..<(Int(sourceScalar[range.upperBound - 1]) + 1)
    }
}
