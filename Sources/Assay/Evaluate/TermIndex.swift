import AssayRegex
import AssayText

/// Every term of every loaded vocabulary, and every regex atom (see `RequiredLiterals`), in one
/// multi-pattern automaton over normalised UTF-8 bytes; regexes without atoms in one `RegexSetPrefilter`.
/// A field is scanned once; the hits are then grouped by vocabulary for the conditions that ask, and the
/// regexes that may match are noted so that only they run on the field.
struct TermIndex: Sendable {
    /// One vocabulary term occurrence.
    struct Hit: Sendable {
        /// Normalised byte range.
        let start: Int
        let end: Int
        /// Index of the term inside its vocabulary.
        let term: Int32
        /// The vocabulary.
        let vocabulary: Int32
    }

    /// What one scan of one field found.
    struct FieldScan {
        /// Whole-word hits of every vocabulary, in text order (few per field, so one flat list).
        var hits: [Hit]
        /// Vocabularies with at least one hit.
        var vocabularies: SignalSet
        /// Prefiltered regexes that may match in the field (an atom occurs and the field has the digits
        /// the regex needs, or the prefilter alternation matched). Regexes that are not prefiltered are never listed: they always run.
        var regexCandidates: SignalSet
        /// ASCII digits in the field (a regex needing more cannot match: see `regexMinimumDigits`).
        var digits: Int

        /// The hits of one vocabulary, in text order.
        func hits(of vocabulary: Int) -> [Hit] {
            vocabularies.contains(vocabulary) ? hits.filter { $0.vocabulary == vocabulary } : []
        }
    }

    private let automaton: MultiPatternAutomaton
    /// Pattern id → (vocabulary, term) pairs it stands for (identical terms share a pattern).
    private let owners: [[(vocabulary: Int32, term: Int32)]]
    /// Pattern id → regexes it is an atom of.
    private let atomOwners: [[Int32]]
    let vocabularyCount: Int
    let regexCount: Int
    /// Whether each regex is prefiltered (by atoms or by one of `atomlessSets`); otherwise it runs on every
    /// field its rules read.
    let regexIsPrefiltered: [Bool]
    /// The regexes without atoms, as alternations grouped by how many digits their matches need (so a
    /// field with few digits skips the groups of phone, card and ID number patterns without running them).
    private let atomlessSets: [(prefilter: RegexSetPrefilter, members: [Int], minimumDigits: Int)]
    /// Per regex id: the fewest ASCII digits any of its matches contains.
    let regexMinimumDigits: [Int]
    /// Digit thresholds that start a new group of `atomlessSets`.
    static let digitGroupBounds = [2, 7, 11, 16]

    /// - Parameters:
    ///   - regexAtoms: per regex id, its atoms in normalised form, or nil when it has none.
    ///   - regexes: the compiled regexes (same ids), for the alternation of those without atoms.
    init(vocabularies: [Vocabulary], regexAtoms: [[[UInt8]]?] = [], regexes: [CompiledRegex] = []) {
        var patternIDs: [[UInt8]: Int] = [:]
        var patterns: [[UInt8]] = []
        var owners: [[(Int32, Int32)]] = []
        var atomOwners: [[Int32]] = []
        func patternID(_ bytes: [UInt8]) -> Int {
            if let existing = patternIDs[bytes] { return existing }
            patternIDs[bytes] = patterns.count
            patterns.append(bytes)
            owners.append([])
            atomOwners.append([])
            return patterns.count - 1
        }
        for (vocabularyID, vocabulary) in vocabularies.enumerated() {
            for (termID, term) in vocabulary.terms.enumerated() {
                owners[patternID(term.normalized)].append((Int32(vocabularyID), Int32(termID)))
            }
        }
        for (regexID, atoms) in regexAtoms.enumerated() {
            for atom in atoms ?? [] { atomOwners[patternID(atom)].append(Int32(regexID)) }
        }
        self.automaton = MultiPatternAutomaton(patterns: patterns)
        self.owners = owners
        self.atomOwners = atomOwners
        self.vocabularyCount = vocabularies.count
        self.regexCount = regexAtoms.count
        let minimumDigits = regexes.map { $0.options.contains(.extended) ? 0 : RequiredLiterals.minimumDigits(of: $0.pattern) }
        var prefiltered = regexAtoms.map { $0 != nil }
        var sets: [(RegexSetPrefilter, [Int], Int)] = []
        let atomless = regexAtoms.indices.filter { regexAtoms[$0] == nil && $0 < regexes.count }
        let group = { (id: Int) in Self.digitGroupBounds.lastIndex { minimumDigits[id] >= $0 } ?? -1 }
        for bucket in Set(atomless.map(group)).sorted() {
            let ids = atomless.filter { group($0) == bucket }
            let prefilter = RegexSetPrefilter(ids.map { regexes[$0] })
            let members = prefilter.members.map { ids[$0] }
            guard !members.isEmpty else { continue }
            for id in members { prefiltered[id] = true }
            sets.append((prefilter, members, members.map { minimumDigits[$0] }.min() ?? 0))
        }
        self.atomlessSets = sets
        self.regexMinimumDigits = minimumDigits
        self.regexIsPrefiltered = prefiltered
    }


    /// Scans normalised text once: whole-word term hits per vocabulary, and which regexes' atoms occur.
    func scan(_ text: NormalizedText, using matchData: RegexMatchData) -> FieldScan {
        var result = FieldScan(
            hits: [],
            vocabularies: SignalSet(capacity: vocabularyCount), regexCandidates: SignalSet(capacity: regexCount),
            digits: 0)
        text.bytes.withUnsafeBufferPointer { buffer in
            var digits = 0
            for byte in buffer where byte &- 0x30 < 10 { digits &+= 1 }
            result.digits = digits
            automaton.forEachMatch(in: buffer) { match in
                let pattern = Int(match.pattern)
                // An atom counts only where the field also has the digits the regex's matches need.
                for regex in atomOwners[pattern] where digits >= regexMinimumDigits[Int(regex)] {
                    result.regexCandidates.insert(Int(regex))
                }
                let termOwners = owners[pattern]
                guard !termOwners.isEmpty, WordBoundary.isWholeWord(buffer, match.start..<match.end) else { return }
                for owner in termOwners {
                    result.hits.append(Hit(start: match.start, end: match.end, term: owner.term, vocabulary: owner.vocabulary))
                    result.vocabularies.insert(Int(owner.vocabulary))
                }
            }
            for set in atomlessSets where digits >= set.minimumDigits && set.prefilter.mayMatch(buffer, using: matchData) {
                for id in set.members { result.regexCandidates.insert(id) }
            }
        }
        return result
    }
}
