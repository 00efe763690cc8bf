/// Watches the bytes of a feed on their way to libxml2: where each line starts, whether anything but
/// white space arrived, and NUL bytes.
///
/// NUL is not an XML character, and libxml2 2.9 stops the whole document at the first one ("Char 0x0 out
/// of allowed range", then an internal error), so one stray byte would cost every later item. The scanner
/// hands libxml2 the bytes around each NUL and U+FFFD in its place, and reports the NUL (with its line and
/// column) at the moment the parser has read everything before it: the error lands in the item being
/// parsed, which is then reported instead of checked, and the items after it are read as usual.
///
/// Input in a 16- or 32-bit encoding (UTF-16/UTF-32, with or without a byte order mark) is full of NUL
/// bytes that are halves of characters; it is passed through untouched.
struct FeedByteScanner {
    /// U+FFFD in UTF-8, fed to libxml2 in place of a NUL.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// 1-based line of the next byte (lines end at `\n`, as libxml2 counts them).
    private(set) var line = 1
    /// 1-based Unicode scalar column of the next byte (UTF-8 continuation bytes do not count).
    private(set) var column = 1
    /// Some byte other than XML white space (or a leading UTF-8 byte order mark) arrived.
    private(set) var sawContent = false
    /// Bytes seen so far.
    private var offset = 0
    /// nil until the first bytes decide whether the input is in a wide encoding.
    private var wide: Bool?

    /// Passes `bytes` on: runs of ordinary bytes go to `deliver`; each NUL goes to `nul` with its line and
    /// column (after everything before it was delivered), and its replacement to `deliver`.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        deliver: (UnsafeBufferPointer<UInt8>) -> Void,
        nul: (_ line: Int, _ column: Int) -> Void
    ) {
        guard !bytes.isEmpty else { return }
        if wide == nil { wide = Self.isWide(bytes) }
        defer { offset += bytes.count }
        if wide == true {
            sawContent = true
            deliver(bytes)
            return
        }
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
                continue
            }
            if !sawContent, !XMLBytes.isXMLSpace(byte), !isByteOrderMark(at: offset + index, byte) { sawContent = true }
            if byte == 0 {
                if index > runStart { deliver(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                nul(line, column)
                Self.replacement.withUnsafeBufferPointer(deliver)
                runStart = index + 1
            }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        if bytes.count > runStart { deliver(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// The first three bytes of the input being EF BB BF.
    private func isByteOrderMark(at position: Int, _ byte: UInt8) -> Bool {
        switch position {
        case 0: return byte == 0xEF
        case 1: return byte == 0xBB
        case 2: return byte == 0xBF
        default: return false
        }
    }

    /// UTF-16 or UTF-32: a byte order mark FE FF / FF FE, or a NUL among the first two bytes (`<` or a
    /// BOM encoded in 16 or 32 bits).
    private static func isWide(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes[0] == 0 { return true }
        guard bytes.count >= 2 else { return false }
        if bytes[1] == 0 { return true }
        return (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
    }
}
