// Fuzz target: the PCRE2 wrapper (compile with JIT, scan with match/depth limits).
// Input: first line = pattern (lossy UTF-8), the rest = subject (raw bytes, invalid UTF-8 allowed).
// Options come from the pattern length (so every combination is reached). Limits are small.
// Asserts: compile either succeeds or throws an error whose offsets lie in the pattern; scan returns
// (a limit failure is fine); ranges are ordered, non-overlapping, inside the subject, at most maxMatches,
// start and end on scalar boundaries; the same holds for the String overload. The prefilter facts of
// `RequiredLiterals.analyze` hold: when the regex matches the normalised subject, that text has an atom of
// each required set, each class sequence and at least the minimum digits (else the engine would skip a
// field where the regex matches).
import AssayRegex
import AssayText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let pattern = String(decoding: bytes[..<newline], as: UTF8.self)
    let subject = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
    let options = RegexOptions(rawValue: UInt32(pattern.utf8.count & 0xF))
    let limits = RegexLimits(matchLimit: 20_000, depthLimit: 500)
    let regex: CompiledRegex
    do {
        regex = try CompiledRegex(pattern: pattern, options: options, limits: limits)
    } catch {
        if error.byteOffset < 0 || error.byteOffset > pattern.utf8.count || error.scalarOffset < 0
            || error.scalarOffset > pattern.unicodeScalars.count
        {
            fatalError("compile error offsets \(error.byteOffset)/\(error.scalarOffset) outside the pattern: \(error)")
        }
        return 0
    }
    let maxMatches = 50
    check(regex.scan(subject, maxMatches: maxMatches), subject, maxMatches, "bytes")
    let text = String(decoding: subject, as: UTF8.self)
    check(regex.scan(text, maxMatches: maxMatches), Array(text.utf8), maxMatches, "string")
    if let first = regex.firstMatch(subject), first.lowerBound < 0 || first.upperBound > subject.count {
        fatalError("firstMatch \(first) outside \(subject.count) bytes")
    }
    _ = subject.withUnsafeBufferPointer { regex.matches($0) }
    if !options.contains(.extended) { checkPrefilterFacts(regex, pattern, subject) }
    return 0
}

/// The facts are claimed for the texts regexes run on: normalised ones. They are checked on the whole text,
/// as the engine checks them per field (a match's `\K` or lookbehind may reach outside its range).
func checkPrefilterFacts(_ regex: CompiledRegex, _ pattern: String, _ subject: [UInt8]) {
    let text = subject.withUnsafeBufferPointer { TextNormalizer().normalize(utf8: $0).bytes }
    guard text.withUnsafeBufferPointer({ regex.matches($0) }) else { return }
    let analysis = RequiredLiterals.analyze(pattern)
    let digits = text.filter { $0 >= 0x30 && $0 <= 0x39 }.count
    if digits < analysis.minimumDigits {
        fatalError("/\(pattern)/ matches a text with \(digits) digits < minimumDigits \(analysis.minimumDigits)")
    }
    for atoms in analysis.requirements ?? [] where !atoms.contains(where: { contains(text, $0) }) {
        fatalError("/\(pattern)/ matches a text without any of the atoms \(atoms.map { String(decoding: $0, as: UTF8.self) })")
    }
    if !analysis.classSequences.isEmpty,
        !text.withUnsafeBufferPointer({ ClassSequenceScanner(analysis.classSequences).containsAll($0) })
    {
        fatalError("/\(pattern)/ matches a text that lacks one of its \(analysis.classSequences.count) class sequences")
    }
}

func contains(_ text: [UInt8], _ atom: [UInt8]) -> Bool {
    guard atom.count <= text.count else { return false }
    return (0...(text.count - atom.count)).contains { text[$0..<($0 + atom.count)].elementsEqual(atom) }
}

func check(_ scan: RegexScan, _ subject: [UInt8], _ maxMatches: Int, _ what: String) {
    if scan.ranges.count > maxMatches { fatalError("\(what): \(scan.ranges.count) ranges > maxMatches \(maxMatches)") }
    var previousEnd = 0
    var previousEmptyAt: Int?
    for range in scan.ranges {
        if range.lowerBound < previousEnd || range.upperBound > subject.count {
            fatalError("\(what): range \(range) after end \(previousEnd), subject \(subject.count) bytes")
        }
        if range.isEmpty, previousEmptyAt == range.lowerBound {
            fatalError("\(what): two empty matches at \(range.lowerBound)")
        }
        for offset in [range.lowerBound, range.upperBound] where offset < subject.count && subject[offset] & 0xC0 == 0x80 {
            // A continuation byte is a boundary only when it is not part of a valid sequence.
            if isInsideValidSequence(subject, offset) {
                fatalError("\(what): range \(range) splits a UTF-8 sequence at \(offset)")
            }
        }
        previousEnd = range.upperBound
        previousEmptyAt = range.isEmpty ? range.lowerBound : nil
    }
}

/// True when `offset` is a continuation byte of a well-formed UTF-8 sequence that starts before it.
func isInsideValidSequence(_ bytes: [UInt8], _ offset: Int) -> Bool {
    var start = offset
    while start > 0 && offset - start < 3 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    let lead = bytes[start]
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return false
    }
    guard start + length <= bytes.count, offset < start + length else { return false }
    return String(validating: bytes[start..<(start + length)], as: UTF8.self) != nil
}
