// Fuzz target: the rule DSL (lexer, parser, compiler, diagnostics, embedded examples) and vocabulary files.
// Input: the bytes of one `.assay` file (lossy UTF-8). Every vocabulary file it names reads as "term\n"
// followed by the raw bytes after `#~` of each input line that starts with `#~` (a comment to the DSL), so
// vocabulary files with invalid UTF-8 and control characters are fuzzed too.
// Asserts: loading never crashes or hangs; every diagnostic's span lies inside its file and renders;
// a policy comes out exactly when there are no errors, and its examples run; a vocabulary file is
// reported as not UTF-8 text (A107) exactly when one of its lines holds invalid UTF-8 or a control
// character other than tab (or a carriage return ending the line).
import Assay
import AssayDSL

/// Counts the vocabulary files read for one input (libFuzzer runs inputs one at a time).
final class VocabularyReads: @unchecked Sendable {
    var count = 0
}

/// Whether a vocabulary line is not UTF-8 text, as the compiler must judge it.
func isBadVocabularyLine(_ line: ArraySlice<UInt8>) -> Bool {
    guard let text = String(validating: line, as: UTF8.self) else { return true }
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
        let value = scalar.value
        let control = (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
        if control && !(value == 0x0D && index == scalars.count - 1) { return true }
    }
    return false
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    var vocabulary = Array("term\n".utf8)
    var expectBad = false
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    where line.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "~")]) {
        let payload = line.dropFirst(2)
        vocabulary += payload + [0x0A]
        if isBadVocabularyLine(payload) { expectBad = true }
    }
    let reads = VocabularyReads()
    let vocabularyFile = vocabulary
    let result = PolicyLoader.load(
        sources: [PackSource(path: "f.assay", text: text)],
        readBytes: { _ in
            reads.count += 1
            return vocabularyFile
        })
    for diagnostic in result.diagnostics {
        let span = diagnostic.span
        if span.range.lowerBound < 0 || span.range.upperBound > span.file.bytes.count {
            fatalError("diagnostic \(diagnostic.code.rawValue) span \(span.range) outside its file (\(span.file.bytes.count) bytes)")
        }
        let rendered = DiagnosticRenderer.render(diagnostic)
        // Paths are shown terminal-safe (a vocabulary path written with control characters in it).
        if !rendered.hasPrefix("\(TerminalSafeText.sanitize(span.file.path)):") {
            fatalError("rendered diagnostic does not start with its file: \(rendered)")
        }
    }
    _ = DiagnosticRenderer.render(result.diagnostics)
    if (result.policy == nil) != result.hasErrors {
        fatalError("policy present = \(result.policy != nil) but hasErrors = \(result.hasErrors)")
    }
    let reportedBad = result.diagnostics.contains {
        $0.code == .unreadableFile && $0.message.hasPrefix("vocabulary file") && $0.message.contains("not UTF-8 text")
    }
    if reportedBad && (reads.count == 0 || !expectBad) {
        fatalError("a vocabulary file was reported as not UTF-8 text, but none of its lines is bad")
    }
    if reads.count > 0 && expectBad && !reportedBad {
        fatalError("a vocabulary file with a bad line was read without an A107 error")
    }
    if let policy = result.policy {
        _ = policy.runExamples()
    }
    return 0
}
