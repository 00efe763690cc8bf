/// The RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum JSONNumberSyntax {
    /// Outcome of scanning a number.
    enum Scan {
        /// The number ends before `end`.
        case number(end: Int)
        /// Malformed at `offset`.
        case error(String, offset: Int)
    }

    /// Scans a number starting at `start` (which holds `-` or a digit).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        var i = start
        let n = bytes.count
        @inline(__always) func isDigit(_ at: Int) -> Bool {
            at < n && bytes[at] &- 0x30 < 10
        }
        if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return .error("expected a digit after '-'", offset: i) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { return .error("leading zeros are not allowed in numbers", offset: i - 1) }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return .error("expected a digit after the decimal point", offset: i) }
            while isDigit(i) { i += 1 }
        }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return .error("expected a digit in the exponent", offset: i) }
            while isDigit(i) { i += 1 }
        }
        return .number(end: i)
    }

    /// The length of the valid number at `start`, or `nil`.
    static func length(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        if case .number(let end) = scan(bytes, from: start) { return end - start }
        return nil
    }
}
