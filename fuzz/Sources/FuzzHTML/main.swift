// Fuzz target: HTML visible/hidden text extraction (libxml2's HTML parser).
// Input: bytes decoded as UTF-8 (lossy). Asserts: extraction terminates, is deterministic, never
// includes file content (no external entities), and the text it returns is not larger than a bound
// proportional to the input (no entity amplification).
import AssayXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let html = String(decoding: bytes, as: UTF8.self)
    _ = HTMLText.looksLikeHTML(html)
    let first = HTMLText.extract(html)
    let second = HTMLText.extract(html)
    if first != second { fatalError("HTMLText.extract is not deterministic") }
    let inputScalars = html.unicodeScalars.count
    var outputScalars = first.visible.unicodeScalars.count
    for hidden in first.hidden {
        outputScalars += hidden.text.unicodeScalars.count
        if hidden.text.contains("root:x:0:0") { fatalError("file content in hidden text") }
    }
    if first.visible.contains("root:x:0:0") { fatalError("file content in visible text") }
    // Each input scalar can appear at most in the visible text and in one hidden text (alt/title/element
    // nesting may repeat it a few times); anything far beyond that is amplification.
    if outputScalars > 4 * inputScalars + 64 {
        fatalError("extracted \(outputScalars) scalars from \(inputScalars)")
    }
    return 0
}
