import AssayRegex
import AssayText

/// Every term of every loaded vocabulary, and every regex atom (see `RequiredLiterals.analyze`), in one
/// multi-pattern automaton over normalised UTF-8 bytes; the byte-class sequences of regexes without atoms
/// in one `ClassSequenceScanner`; regexes with neither in `RegexSetPrefilter` alternations. A field is
/// scanned once; the hits are then grouped by vocabulary for the conditions that ask, and the regexes that
/// may match are noted so that only they run on the field.
final class TermIndex: Sendable {
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

    /// A (vocabulary, term) pair a pattern stands for.
    struct TermOwner: Sendable, BitwiseCopyable {
        let vocabulary: Int32
        let term: Int32
    }

    private let automaton: MultiPatternAutomaton
    /// Pattern id → (vocabulary, term) pairs it stands for (identical terms share a pattern).
    private let owners: FlatLists<TermOwner>
    /// Pattern id → the atom sets it belongs to (identical sets of different regexes are one set).
    private let atomSetsOfPattern: FlatLists<Int32>
    /// Number of distinct atom sets.
    private let atomSetCount: Int
    /// Atom set id → the regexes whose most selective set it is (the set that nominates them).
    private let regexesNominated: FlatLists<Int32>
    /// Per regex id: its other atom sets, each of which must also occur in the field.
    private let regexOtherSets: FlatLists<Int32>
    let vocabularyCount: Int
    let regexCount: Int
    /// Whether each regex is prefiltered (by atoms, class sequences or one of `atomlessSets`); otherwise it
    /// runs on every field its rules read.
    let regexIsPrefiltered: [Bool]
    /// Per regex id with atoms: a scanner for its class sequences (checked once its atoms passed).
    private let regexScanners: [ClassSequenceScanner?]
    /// One scanner for the class sequences of the regexes without atoms, and per such regex the indexes of
    /// its sequences in it (the regex may match only where all of them occur).
    private let atomlessScanner: ClassSequenceScanner
    private let atomlessScanned: [(regex: Int, sequences: [Int])]
    /// Fewest digits any regex of `atomlessScanned` needs (fields with fewer skip the scanner).
    private let atomlessScanMinimumDigits: Int
    /// The regexes with neither atoms nor class sequences, as alternations grouped by how many digits their
    /// matches need (so a field with few digits skips the groups of phone, card and ID number patterns).
    private let atomlessSets: [(prefilter: RegexSetPrefilter, members: [Int], minimumDigits: Int)]
    /// Per regex id: the fewest ASCII digits any of its matches contains.
    let regexMinimumDigits: [Int]
    /// Digit thresholds that start a new group of `atomlessSets`.
    static let digitGroupBounds = [2, 7, 11, 16]

    /// - Parameters:
    ///   - regexes: the regexes (ids are indexes), for the alternations of those without atoms.
    ///   - analyses: per regex id, what every match contains (`RequiredLiterals.analyze`), with atom sets
    ///     in normalised form, most selective first; missing ids are never prefiltered.
    init(vocabularies: [Vocabulary], regexes: [RegexPattern] = [], analyses: [RequiredLiterals.Analysis] = []) {
        let regexRequirements = analyses.map(\.requirements)
        let regexClassSequences = analyses.map(\.classSequences)
        var patternIDs: [ByteKey: Int] = [:]
        patternIDs.reserveCapacity(vocabularies.reduce(0) { $0 + $1.terms.count })  // no rehashing while it fills
        var patterns: [[UInt8]] = []
        var owners: [[TermOwner]] = []
        var atomSetsOfPattern: [[Int32]] = []
        func patternID(_ bytes: [UInt8]) -> Int {
            if let existing = patternIDs[ByteKey(bytes)] { return existing }
            patternIDs[ByteKey(bytes)] = patterns.count
            patterns.append(bytes)
            owners.append([])
            atomSetsOfPattern.append([])
            return patterns.count - 1
        }
        for (vocabularyID, vocabulary) in vocabularies.enumerated() {
            for (termID, term) in vocabulary.terms.enumerated() {
                owners[patternID(term.normalized)].append(TermOwner(vocabulary: Int32(vocabularyID), term: Int32(termID)))
            }
        }
        var setIDs: [[[UInt8]]: Int32] = [:]
        var nominated: [[Int32]] = []
        var otherSets: [[Int32]] = Array(repeating: [], count: regexRequirements.count)
        func setID(_ atoms: [[UInt8]]) -> Int32 {
            if let existing = setIDs[atoms] { return existing }
            let id = Int32(nominated.count)
            setIDs[atoms] = id
            nominated.append([])
            for atom in atoms { atomSetsOfPattern[patternID(atom)].append(id) }
            return id
        }
        for (regexID, sets) in regexRequirements.enumerated() {
            guard let sets, let first = sets.first else { continue }
            nominated[Int(setID(first))].append(Int32(regexID))
            otherSets[regexID] = sets.dropFirst().map(setID)
        }
        self.automaton = MultiPatternAutomaton(patterns: patterns)
        self.owners = FlatLists(owners)
        self.atomSetsOfPattern = FlatLists(atomSetsOfPattern)
        self.atomSetCount = nominated.count
        self.regexesNominated = FlatLists(nominated)
        self.regexOtherSets = FlatLists(otherSets)
        self.vocabularyCount = vocabularies.count
        self.regexCount = regexRequirements.count
        let minimumDigits = regexes.indices.map { $0 < analyses.count ? analyses[$0].minimumDigits : 0 }
        var prefiltered = regexRequirements.map { $0 != nil }
        let sequences = { (id: Int) in id < regexClassSequences.count ? regexClassSequences[id] : [] }
        self.regexScanners = regexRequirements.indices.map { id in
            regexRequirements[id] != nil && !sequences(id).isEmpty ? ClassSequenceScanner(sequences(id)) : nil
        }
        var scanned: [(Int, [Int])] = []
        var allSequences: [[ByteSet]] = []
        for id in regexRequirements.indices where regexRequirements[id] == nil && !sequences(id).isEmpty {
            scanned.append((id, Array(allSequences.count..<(allSequences.count + sequences(id).count))))
            allSequences += sequences(id)
            prefiltered[id] = true
        }
        self.atomlessScanner = ClassSequenceScanner(allSequences)
        self.atomlessScanned = scanned
        self.atomlessScanMinimumDigits = scanned.map { minimumDigits[$0.0] }.min() ?? 0
        var sets: [(RegexSetPrefilter, [Int], Int)] = []
        let atomless = regexRequirements.indices.filter {
            regexRequirements[$0] == nil && sequences($0).isEmpty && $0 < regexes.count
        }
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

    /// Scans normalised text once: whole-word term hits per vocabulary, and the regexes that may match.
    func scan(_ text: NormalizedText, using matchData: RegexMatchData) -> FieldScan {
        text.bytes.withUnsafeBufferPointer { scan($0, using: matchData) }
    }

    /// Scans normalised bytes: the whole-word term hits, which vocabularies have one, and which regexes may
    /// match (an atom of each of the regex's atom sets occurs, its class sequences occur and the field has the
    /// digits its matches need — or, with neither atoms nor sequences, its group's alternation matched).
    func scan(_ buffer: UnsafeBufferPointer<UInt8>, using matchData: RegexMatchData) -> FieldScan {
        var result = FieldScan(
            hits: [],
            vocabularies: SignalSet(capacity: vocabularyCount), regexCandidates: SignalSet(capacity: regexCount),
            digits: 0)
        let digits = ASCIIDigits.count(in: buffer)
        result.digits = digits
        // Atom sets seen in the field, and in a short list those that nominate regexes.
        var seenSets = SignalSet(capacity: atomSetCount)
        var nominating: [Int32] = []
        automaton.forEachMatch(in: buffer) { match in
            let pattern = Int(match.pattern)
            atomSetsOfPattern.forEach(pattern) { set in
                guard !seenSets.contains(Int(set)) else { return }
                seenSets.insert(Int(set))
                if !regexesNominated.isEmpty(Int(set)) { nominating.append(set) }
            }
            guard !owners.isEmpty(pattern), WordBoundary.isWholeWord(buffer, match.start..<match.end) else { return }
            owners.forEach(pattern) { owner in
                result.hits.append(Hit(start: match.start, end: match.end, term: owner.term, vocabulary: owner.vocabulary))
                result.vocabularies.insert(Int(owner.vocabulary))
            }
        }
        for set in nominating {
            regexesNominated.forEach(Int(set)) { id in
                let regex = Int(id)
                guard digits >= regexMinimumDigits[regex], regexOtherSets.allSatisfy(regex, { seenSets.contains(Int($0)) }),
                    regexScanners[regex].map({ $0.containsAll(buffer) }) ?? true
                else { return }
                result.regexCandidates.insert(regex)
            }
        }
        if !atomlessScanned.isEmpty, digits >= atomlessScanMinimumDigits {
            let found = atomlessScanner.scan(buffer)
            for entry in atomlessScanned
            where digits >= regexMinimumDigits[entry.regex] && entry.sequences.allSatisfy({ atomlessScanner.contains($0, in: found) }) {
                result.regexCandidates.insert(entry.regex)
            }
        }
        for set in atomlessSets where digits >= set.minimumDigits && set.prefilter.mayMatch(buffer, using: matchData) {
            for id in set.members { result.regexCandidates.insert(id) }
        }
        return result
    }
}
