import AssayJSON
import CPCRE2
import Foundation

/// The naive regex peer: every regex of the pack over every text field of every record, with PCRE2 JIT.
///
/// Naive in strategy — no prefilter, no shared automaton, no skipping: each of the 100 patterns runs over
/// each field on its own — but competently written: each pattern is compiled once and JIT-compiled, each
/// owns one match-data block reused for every call, subjects are passed as UTF-8 buffers without copying,
/// and `PCRE2_NO_UTF_CHECK` skips re-validating text the JSON parser already decoded as valid UTF-8.
/// Records are read with the same JSON Lines reader Assay uses, so JSON parsing costs the same on both
/// sides. Patterns see the raw field text (no normalisation), so its match count is not Assay's.
struct NaiveRegexScanner: ~Copyable {
    /// One compiled pattern and its reusable match data.
    private struct Pattern {
        let code: OpaquePointer
        let matchData: OpaquePointer
        let jit: Bool
    }

    private var patterns: [Pattern] = []
    /// Field names whose string values (or arrays of strings) are scanned.
    let fields: [String]

    /// Reads `regexes.tsv` (`#fields\tname name …`, then `pattern<TAB>flags` per line) and compiles it.
    init(tsvPath: String) throws {
        let text = try String(contentsOfFile: tsvPath, encoding: .utf8)
        var fields: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == "#fields" {
                fields = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
                continue
            }
            let flagsText = parts.count > 1 ? parts[1] : ""
            var options = UInt32(PCRE2_UTF)
            if flagsText.contains("i") { options |= UInt32(PCRE2_CASELESS) }
            if flagsText.contains("m") { options |= UInt32(PCRE2_MULTILINE) }
            if flagsText.contains("s") { options |= UInt32(PCRE2_DOTALL) }
            if flagsText.contains("x") { options |= UInt32(PCRE2_EXTENDED) }
            let bytes = Array(parts[0].utf8)
            var errorCode: Int32 = 0
            var errorOffset = 0
            guard let code = pcre2_compile_8(bytes, bytes.count, options, &errorCode, &errorOffset, nil) else {
                throw BenchError("cannot compile regex \(parts[0]) (PCRE2 error \(errorCode) at \(errorOffset))")
            }
            let jit = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
            guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
                throw BenchError("out of memory")
            }
            patterns.append(Pattern(code: code, matchData: matchData, jit: jit))
        }
        self.fields = fields.isEmpty ? ["title", "description", "bullets", "tags"] : fields
    }

    deinit {
        for pattern in patterns {
            pcre2_match_data_free_8(pattern.matchData)
            pcre2_code_free_8(pattern.code)
        }
    }

    var patternCount: Int { patterns.count }
    var allJIT: Bool { patterns.allSatisfy(\.jit) }

    /// Number of non-overlapping matches of every pattern in `subject` (Perl iteration: an empty match
    /// moves on by one code unit — never happens with the bench patterns, which cannot match empty).
    func countMatches(in subject: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = subject.baseAddress, subject.count > 0 else { return 0 }
        var total = 0
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        for pattern in patterns {
            var start = 0
            while start <= subject.count {
                let rc = pattern.jit
                    ? pcre2_jit_match_8(pattern.code, base, subject.count, start, options, pattern.matchData, nil)
                    : pcre2_match_8(pattern.code, base, subject.count, start, options, pattern.matchData, nil)
                if rc < 0 { break }
                total += 1
                let ovector = pcre2_get_ovector_pointer_8(pattern.matchData)!
                start = ovector[1] > ovector[0] ? ovector[1] : ovector[1] + 1
            }
        }
        return total
    }

    /// Runs over a JSON Lines file; returns (records, records with a match, matches, bytes of field text).
    func run(corpus: String) throws -> (records: Int, recordsMatched: Int, matches: Int, textBytes: Int) {
        var records = 0
        var matched = 0
        var matches = 0
        var textBytes = 0
        for line in try JSONLinesReader(path: corpus) {
            guard case .success(let value) = line.result else { continue }
            records += 1
            let recordMatches = countMatches(inRecord: value, textBytes: &textBytes)
            matches += recordMatches
            if recordMatches > 0 { matched += 1 }
        }
        return (records, matched, matches, textBytes)
    }

    /// Matches of every pattern in every scanned field of one parsed record.
    func countMatches(inRecord value: JSONValue, textBytes: inout Int) -> Int {
        var recordMatches = 0
        for field in fields {
            switch value[field] {
            case .string(let text)?:
                recordMatches += scan(text, &textBytes)
            case .array(let elements)?:
                for case .string(let text) in elements { recordMatches += scan(text, &textBytes) }
            default:
                break
            }
        }
        return recordMatches
    }

    private func scan(_ text: String, _ textBytes: inout Int) -> Int {
        var text = text
        return text.withUTF8 { buffer in
            textBytes += buffer.count
            return countMatches(in: buffer)
        }
    }
}

/// A message for standard error and exit status 2.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
