import AssayRegex
import AssayText

/// One text field of one record, normalised and scanned lazily: the term hits and each regex's matches are
/// computed the first time a condition asks and reused by every other rule. A field whose scan is already
/// known (from the record's signal scan) is normalised only if a matcher may match in it.
final class FieldText {
    /// Concrete field path (`title`, `variants.1.title`).
    let path: String
    /// The original value.
    let original: String
    /// The normalised form that terms and regexes see, with the map back to `original`.
    private(set) lazy var normalized: NormalizedText = normalizer.normalize(original)
    private let normalizer: TextNormalizer
    private var termScan: TermIndex.FieldScan?
    /// Matches of the regexes run on this field so far (a few per field: a list, not a table).
    private var regexHits: [(id: Int, ranges: [Range<Int>])] = []
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

    /// Match data shared by every regex run of the record this field belongs to.
    private let matchData: RegexMatchData

    /// - Parameter scan: the field's scan when already made (it must be of this text's normalised form).
    init(path: String, original: String, normalizer: TextNormalizer, matchData: RegexMatchData, scan: TermIndex.FieldScan? = nil) {
        self.path = path
        self.original = original
        self.normalizer = normalizer
        self.matchData = matchData
        self.termScan = scan
    }

    /// The automaton's findings in this field (computed once).
    func scan(_ index: TermIndex) -> TermIndex.FieldScan {
        if let termScan { return termScan }
        let computed = index.scan(normalized, using: matchData)
        termScan = computed
        return computed
    }


    /// Whether a matcher source can find anything here, judged from the field's scan alone (cheap: no
    /// copies); true when the field has not been scanned yet.
    func mayMatch(_ source: MatchSource, _ index: TermIndex) -> Bool {
        guard termScan != nil else { return true }
        switch source {
        case .terms(let vocabularies):
            for vocabulary in vocabularies where termScan!.vocabularies.contains(vocabulary) { return true }
            return false
        case .regex(let id, _):
            if index.regexIsPrefiltered[id], !termScan!.regexCandidates.contains(id) { return false }
            return termScan!.digits >= index.regexMinimumDigits[id]
        }
    }

    /// Byte ranges of a regex's matches in the normalised text; a limit failure is remembered and reported.
    /// A prefiltered regex runs only when its prefilter passed in this field, and no regex runs on a field
    /// with fewer ASCII digits than its matches need (otherwise it cannot match).
    func regexMatches(_ id: Int, _ regexes: RegexTable, _ index: TermIndex) -> [Range<Int>] {
        _ = scan(index)
        guard mayMatch(.regex(id, validator: nil), index) else { return [] }
        if let cached = regexHits.first(where: { $0.id == id }) { return cached.ranges }
        let found = regexes.scan(id, normalized.bytes, using: matchData)
        regexHits.append((id, found.ranges))
        if let failure = found.failure { regexFailures[id] = failure }
        return found.ranges
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
