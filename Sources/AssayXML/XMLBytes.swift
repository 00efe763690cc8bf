/// Small byte-level helpers for UTF-8 text handed over by libxml2.
enum XMLBytes {
    /// XML whitespace: space, tab, line feed, carriage return.
    @inline(__always)
    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// ASCII whitespace as HTML collapses it (adds form feed).
    @inline(__always)
    static func isHTMLSpace(_ byte: UInt8) -> Bool {
        isXMLSpace(byte) || byte == 0x0C
    }

    /// The bytes without leading and trailing XML whitespace, as a `String`
    /// (`nil` when nothing is left).
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, isXMLSpace(bytes[start]) { start += 1 }
        while end > start, isXMLSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// An attribute value as libxml2's SAX2 interface reports it without entity
    /// substitution: a literal `&` arrives re-escaped as `&#38;`.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let escaped: [UInt8] = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, index + escaped.count <= bytes.count,
                bytes[index..<index + escaped.count].elementsEqual(escaped)
            {
                out.append(0x26)
                index += escaped.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a NUL-terminated C string equals an ASCII literal.
    @inline(__always)
    static func equals(_ cString: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where cString[index] != bytes[index] { return false }
        return cString[count] == 0
    }
}
