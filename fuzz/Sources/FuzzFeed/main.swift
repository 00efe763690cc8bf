// Fuzz target: the Google Merchant Center feed reader (libxml2 push parser, SAX).
// Asserts: the reader terminates with a bounded number of events; an input of white space only gives none;
// item and field lines lie within the input; no field ever holds the content of a file (XXE: the seed corpus names /tmp/assay-fuzz-secret.txt and
// /etc/passwd in external entities; neither file's content may appear).
import AssayXML

#if canImport(Glibc)
    import Glibc
#endif

// No top-level code in a libFuzzer main.swift (it never runs): lazy statics only.
enum Secret {
    static let path = "/tmp/assay-fuzz-secret.txt"
    static let marker = "ASSAY-FUZZ-SECRET-7f3a9c"
    /// Writes the secret file once per process.
    static let written: Bool = {
        guard let file = fopen(path, "w") else { return false }
        fputs(marker + "\n", file)
        fclose(file)
        return true
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = Secret.written
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let maxLine = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    let reader = FeedReader(bytes: bytes, name: "f.xml")
    var events = 0
    // Empty input, or only XML white space after an optional UTF-8 byte order mark, holds no items and no errors.
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    while let event = reader.next() {
        events += 1
        if blank { fatalError("an input of white space only gave an event: \(event)") }
        if events > bytes.count + 2 { fatalError("more feed events (\(events)) than input bytes (\(bytes.count))") }
        switch event {
        case .item(let item):
            if item.line < 1 || item.line > maxLine { fatalError("item line \(item.line) (max \(maxLine))") }
            for field in item.fields {
                if field.line < 1 || field.line > maxLine {
                    fatalError("field \(field.path) line \(field.line) (max \(maxLine))")
                }
                if field.value.contains(Secret.marker) || field.value.contains("root:x:0:0") {
                    fatalError("file content leaked into field \(field.path): \(field.value.debugDescription)")
                }
            }
        case .error(let error):
            if error.message.contains(Secret.marker) || error.message.contains("root:x:0:0") {
                fatalError("file content leaked into an error: \(error.message.debugDescription)")
            }
        }
    }
    return 0
}
