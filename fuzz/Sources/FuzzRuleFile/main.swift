// Fuzz target: the rule DSL (lexer, parser, compiler, diagnostics, embedded examples).
// Input: the bytes of one `.assay` file (lossy UTF-8). Every vocabulary file it names reads as "term\n".
// Asserts: loading never crashes or hangs; every diagnostic's span lies inside its file and renders;
// a policy comes out exactly when there are no errors, and its examples run.
import Assay
import AssayDSL

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    let result = PolicyLoader.load(
        sources: [PackSource(path: "f.assay", text: text)],
        readFile: { _ in "term\n" })
    for diagnostic in result.diagnostics {
        let span = diagnostic.span
        if span.range.lowerBound < 0 || span.range.upperBound > span.file.bytes.count {
            fatalError("diagnostic \(diagnostic.code.rawValue) span \(span.range) outside its file (\(span.file.bytes.count) bytes)")
        }
        let rendered = DiagnosticRenderer.render(diagnostic)
        if !rendered.hasPrefix("\(span.file.path):") {
            fatalError("rendered diagnostic does not start with its file: \(rendered)")
        }
    }
    _ = DiagnosticRenderer.render(result.diagnostics)
    if (result.policy == nil) != result.hasErrors {
        fatalError("policy present = \(result.policy != nil) but hasErrors = \(result.hasErrors)")
    }
    if let policy = result.policy {
        _ = policy.runExamples()
    }
    return 0
}
