/// The ASCII bytes the CSV reader and sniffer look at (computed, so they fold to constants).
enum CSVByte {
    static var lineFeed: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var quote: UInt8 { 0x22 }
    static var comma: UInt8 { 0x2C }
    static var semicolon: UInt8 { 0x3B }
    static var tab: UInt8 { 0x09 }
    static var space: UInt8 { 0x20 }

    /// The UTF-8 byte order mark, stripped from the start of the input.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
