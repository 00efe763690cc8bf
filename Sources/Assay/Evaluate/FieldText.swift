import AssayText

/// One text field of one record, normalised once and scanned lazily: the term hits and each regex's
/// matches are computed the first time a condition asks and reused by every other rule.
final class FieldText {
    /// Concrete field path (`title`, `variants.1.title`).
    let path: String
    /// The original value.
    let original: String
    /// The normalised form that terms and regexes see.
    let normalized: NormalizedText
    private var termHits: [[TermIndex.Hit]]?
    private var regexHits: [Int: [Range<Int>]] = [:]
    private var regexFailures: [Int: String] = [:]
    private lazy var scalarByteOffsets: [Int] = {
        var offsets: [Int] = []
        offsets.reserveCapacity(normalized.originalScalarCount + 1)
        var index = 0
        for byte in original.utf8 {
            if byte & 0xC0 != 0x80 { offsets.append(index) }
            index += 1
        }
        offsets.append(index)
        return offsets
    }()

    init(path: String, original: String, normalizer: TextNormalizer) {
        self.path = path
        self.original = original
        self.normalized = normalizer.normalize(original)
    }

    func hits(_ index: TermIndex) -> [[TermIndex.Hit]] {
        if let termHits { return termHits }
        let computed = index.hits(in: normalized)
        termHits = computed
        return computed
    }

    /// Byte ranges of a regex's matches in the normalised text; a limit failure is remembered and reported.
    func regexMatches(_ id: Int, _ regexes: RegexTable) -> [Range<Int>] {
        if let cached = regexHits[id] { return cached }
        let scan = regexes.scan(id, normalized.bytes)
        regexHits[id] = scan.ranges
        if let failure = scan.failure { regexFailures[id] = failure }
        return scan.ranges
    }

    /// Regex failures (match or depth limit) seen so far, by regex id.
    var failures: [Int: String] { regexFailures }

    /// The original text of a Unicode-scalar range.
    func originalText(_ range: Range<Int>) -> String {
        let offsets = scalarByteOffsets
        let lower = offsets[min(range.lowerBound, offsets.count - 1)]
        let upper = offsets[min(range.upperBound, offsets.count - 1)]
        let utf8 = original.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)], as: UTF8.self)
    }

    /// The normalised bytes of a range, as a string (for validators).
    func normalizedText(_ range: Range<Int>) -> String {
        String(decoding: normalized.bytes[range], as: UTF8.self)
    }
}
