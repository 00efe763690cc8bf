import AssayText

/// Shared helpers: Python-style slicing by Unicode-scalar offsets and a tiny end-to-end matcher.
enum TestSupport {
    static let normalizer = TextNormalizer()

    /// `s[range]` as Python would slice it (Unicode-scalar offsets).
    static func pythonSlice(_ s: String, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(s.unicodeScalars)[range])
        return String(view)
    }

    /// The normalised form of `s` as a string.
    static func normalized(_ s: String) -> String {
        String(decoding: normalizer.normalize(s).bytes, as: UTF8.self)
    }

    /// Every original spelling of `term` found in `text`, via normalisation, the automaton and `originalRange`.
    static func originalSpellings(of term: String, in text: String) -> [String] {
        let normalized = normalizer.normalize(text)
        let automaton = MultiPatternAutomaton(patterns: [normalizer.normalizeTerm(term)])
        return automaton.matches(in: normalized.bytes).map {
            pythonSlice(text, normalized.originalRange(ofNormalized: $0.range))
        }
    }
}

/// Deterministic generator for randomised tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
