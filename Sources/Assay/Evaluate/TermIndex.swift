import AssayText

/// Every term of every loaded vocabulary in one multi-pattern automaton over normalised UTF-8 bytes.
/// A field is scanned once; the hits are then grouped by vocabulary for the conditions that ask.
struct TermIndex: Sendable {
    /// One vocabulary term occurrence.
    struct Hit: Sendable {
        /// Normalised byte range.
        let start: Int
        let end: Int
        /// Index of the term inside its vocabulary.
        let term: Int32
    }

    private let automaton: MultiPatternAutomaton
    /// Pattern id → (vocabulary, term) pairs it stands for (identical terms share a pattern).
    private let owners: [[(vocabulary: Int32, term: Int32)]]
    let vocabularyCount: Int

    init(vocabularies: [Vocabulary]) {
        var patternIDs: [[UInt8]: Int] = [:]
        var patterns: [[UInt8]] = []
        var owners: [[(Int32, Int32)]] = []
        for (vocabularyID, vocabulary) in vocabularies.enumerated() {
            for (termID, term) in vocabulary.terms.enumerated() {
                let id: Int
                if let existing = patternIDs[term.normalized] {
                    id = existing
                } else {
                    id = patterns.count
                    patternIDs[term.normalized] = id
                    patterns.append(term.normalized)
                    owners.append([])
                }
                owners[id].append((Int32(vocabularyID), Int32(termID)))
            }
        }
        self.automaton = MultiPatternAutomaton(patterns: patterns)
        self.owners = owners
        self.vocabularyCount = vocabularies.count
    }

    /// Scans normalised text once and returns the whole-word hits of each vocabulary, in text order.
    func hits(in text: NormalizedText) -> [[Hit]] {
        var byVocabulary = [[Hit]](repeating: [], count: vocabularyCount)
        text.bytes.withUnsafeBufferPointer { buffer in
            automaton.forEachMatch(in: buffer) { match in
                guard WordBoundary.isWholeWord(buffer, match.start..<match.end) else { return }
                for owner in owners[Int(match.pattern)] {
                    byVocabulary[Int(owner.vocabulary)].append(Hit(start: match.start, end: match.end, term: owner.term))
                }
            }
        }
        return byVocabulary
    }
}
