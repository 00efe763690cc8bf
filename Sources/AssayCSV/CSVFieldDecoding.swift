#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level helpers for turning a quoted field's bytes into its value.
enum CSVFieldDecoding {
    /// Copies a quoted field's content into `output`, turning `""` into `"` and
    /// a CR or CRLF into `\n` (LF stays as is). Runs between quotes are found
    /// with `memchr` and copied whole.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(raw.count)
        guard let base = raw.baseAddress else { return }
        let count = raw.count
        var index = 0
        while index < count {
            let end: Int
            if let hit = memchr(base + index, Int32(CSVByte.quote), count - index) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            } else {
                end = count
            }
            appendNormalisingNewlines(UnsafeBufferPointer(start: base + index, count: end - index), to: &output)
            if end == count { break }
            output.append(CSVByte.quote)
            index = end + 2  // the scanner only lets quotes through in pairs
        }
    }

    /// Appends `run`, turning each CR or CRLF into LF.
    private static func appendNormalisingNewlines(_ run: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = run.baseAddress else { return }
        let count = run.count
        var index = 0
        while index < count {
            guard let hit = memchr(base + index, Int32(CSVByte.carriageReturn), count - index) else {
                output.append(contentsOf: UnsafeBufferPointer(start: base + index, count: count - index))
                return
            }
            let carriageReturn = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            output.append(contentsOf: UnsafeBufferPointer(start: base + index, count: carriageReturn - index))
            output.append(CSVByte.lineFeed)
            index = carriageReturn + 1
            if index < count && base[index] == CSVByte.lineFeed { index += 1 }
        }
    }

    /// The bytes as a `String` if they are valid UTF-8, else `nil` (never repaired).
    ///
    /// `String(decoding:as:)` validates on its fast, specialised path and would
    /// replace invalid sequences with U+FFFD; the result equals the input byte
    /// for byte exactly when nothing was replaced.
    static func string(validating raw: UnsafeBufferPointer<UInt8>) -> String? {
        if raw.isEmpty { return "" }
        var value = String(decoding: raw, as: UTF8.self)
        let unchanged = value.withUTF8 { decoded in
            decoded.count == raw.count && memcmp(decoded.baseAddress!, raw.baseAddress!, raw.count) == 0
        }
        return unchanged ? value : nil
    }

    /// `byte 0xNN at offset K` for the first byte that does not start a valid
    /// UTF-8 sequence, or `nil` if all of `raw` is valid.
    static func firstInvalidByte(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = raw.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return nil
            case .error:
                return "\(CSVRowScanner.describe(raw[offset])) at byte \(offset + 1) of the field"
            }
        }
    }
}
