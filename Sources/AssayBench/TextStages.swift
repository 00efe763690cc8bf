import AssayJSON
import AssayText
import Foundation

/// `assay-bench text-stages PACKDIR CORPUS [N]`: the two per-byte stages of a term scan timed alone, on the
/// texts the bench pack matches in (title, description, and each string of bullets and tags) of the first N
/// records (default 20,000), held in memory: normalisation (`TextNormalizer.withNormalizedBytes`) and the
/// multi-pattern automaton of PACKDIR/terms.txt over the already-normalised texts — all of them, then
/// separately those shorter than the automaton's split length (walked as one stream) and the rest (walked as
/// four quarters at once). Best of three passes each; MB/s are of original text bytes.
func textStages(packDir: String, corpus: String, count: Int) throws {
    let normalizer = TextNormalizer()
    let termsText = try String(contentsOfFile: packDir + "/terms.txt", encoding: .utf8)
    let terms = termsText.split(separator: "\n").map { normalizer.normalizeTerm(String($0)) }
    let automaton = MultiPatternAutomaton(patterns: terms)
    var texts: [[UInt8]] = []
    var reader = try JSONLinesReader(path: corpus)
    var records = 0
    while records < count, let line = reader.next() {
        guard case .success(.object(let object)) = line.result else { continue }
        records += 1
        for key in ["title", "description", "bullets", "tags"] {
            switch object[key] {
            case .string(let text)?: texts.append(Array(text.utf8))
            case .array(let items)?:
                for case .string(let text) in items { texts.append(Array(text.utf8)) }
            default: break
            }
        }
    }
    let textBytes = texts.reduce(0) { $0 + $1.count }
    guard textBytes > 0 else { throw BenchError("no text fields in \(corpus)") }
    let normalized = texts.map { text in text.withUnsafeBufferPointer { normalizer.withNormalizedBytes(ofUTF8: $0) { Array($0) } } }

    // The automaton alone over some of the texts: best of three, in MB/s of their original bytes, and the
    // matches one pass finds.
    func automatonPass(_ chosen: [Int]) -> (mbPerSecond: Double, matches: Int) {
        let bytes = chosen.reduce(0) { $0 + texts[$1].count }
        var matches = 0
        let best = bestOfThree {
            matches = 0
            for index in chosen {
                normalized[index].withUnsafeBufferPointer { automaton.forEachMatch(in: $0) { _ in matches += 1 } }
            }
        }
        return (Double(bytes) / 1e6 / best, matches)
    }
    let short = normalized.indices.filter { normalized[$0].count < MultiPatternAutomaton.splitLength }
    let long = normalized.indices.filter { normalized[$0].count >= MultiPatternAutomaton.splitLength }
    let shortBytes = short.reduce(0) { $0 + texts[$1].count }

    var normalizedBytes = 0
    let normalizeBest = bestOfThree {
        normalizedBytes = 0
        for text in texts {
            normalizedBytes += text.withUnsafeBufferPointer { normalizer.withNormalizedBytes(ofUTF8: $0) { $0.count } }
        }
    }
    let all = automatonPass(Array(normalized.indices))
    print(
        "records=\(records) texts=\(texts.count) text_bytes=\(textBytes) normalized_bytes=\(normalizedBytes)"
            + " states=\(automaton.stateCount) classes=\(automaton.byteClassCount) entry_bytes=\(automaton.transitionEntryBytes)"
            + " normalize_mb_per_s=\(format(Double(textBytes) / 1e6 / normalizeBest))"
            + " automaton_mb_per_s=\(format(all.mbPerSecond)) matches=\(all.matches)"
            + " short_texts=\(short.count) short_text_bytes=\(shortBytes)"
            + " automaton_short_mb_per_s=\(format(automatonPass(short).mbPerSecond)) automaton_long_mb_per_s=\(format(automatonPass(long).mbPerSecond))")
}
