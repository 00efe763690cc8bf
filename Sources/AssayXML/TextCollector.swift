/// Builds text the way a browser lays it out: runs of ASCII whitespace become
/// one space, block boundaries become one `\n`, nothing leads or trails.
struct TextCollector {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends text content (UTF-8).
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        for byte in text {
            if XMLBytes.isHTMLSpace(byte) {
                pendingSpace = true
            } else {
                flushPending()
                bytes.append(byte)
            }
        }
    }

    /// A boundary that separates words (e.g. between table cells).
    mutating func space() { pendingSpace = true }

    /// A block boundary (`<p>`, `<br>`, `<li>` …).
    mutating func lineBreak() { pendingBreak = true }

    private mutating func flushPending() {
        if !bytes.isEmpty {
            if pendingBreak {
                bytes.append(0x0A)
            } else if pendingSpace {
                bytes.append(0x20)
            }
        }
        pendingBreak = false
        pendingSpace = false
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
