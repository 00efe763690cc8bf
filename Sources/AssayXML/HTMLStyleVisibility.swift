/// Decides whether an inline `style` attribute hides its element.
///
/// Parsed loosely: declarations split on `;`, property and value split on the
/// first `:`, ASCII case-insensitive, spaces and `!important` allowed. Hiding
/// declarations: `display:none`, `visibility:hidden|collapse`, a zero
/// `font-size` (any unit) and a zero `opacity` (`0`, `0.0`, `0%`).
enum HTMLStyleVisibility {
    static func hides(style: String) -> Bool {
        for declaration in style.utf8.split(separator: UInt8(ascii: ";")) {
            guard let colon = declaration.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let property = normalized(declaration[declaration.startIndex..<colon])
            var value = normalized(declaration[declaration.index(after: colon)...])
            if let bang = value.firstIndex(of: UInt8(ascii: "!")) {
                value = normalized(value[value.startIndex..<bang])
            }
            switch property {
            case Array("display".utf8):
                if value == Array("none".utf8) { return true }
            case Array("visibility".utf8):
                if value == Array("hidden".utf8) || value == Array("collapse".utf8) { return true }
            case Array("font-size".utf8), Array("opacity".utf8):
                if isZero(value) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Lower-cased ASCII with surrounding whitespace removed.
    private static func normalized<S: Collection>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        var result = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        while let last = result.last, XMLBytes.isHTMLSpace(last) { result.removeLast() }
        let start = result.firstIndex { !XMLBytes.isHTMLSpace($0) } ?? result.endIndex
        result.removeFirst(start)
        return result
    }

    /// `0`, `+0`, `-0`, `0.0`, `.0`, with or without a unit (`px`, `em`, `%` …).
    private static func isZero(_ value: [UInt8]) -> Bool {
        var index = 0
        if index < value.count, value[index] == UInt8(ascii: "+") || value[index] == UInt8(ascii: "-") { index += 1 }
        var sawDigit = false
        while index < value.count {
            let byte = value[index]
            if byte == UInt8(ascii: "0") {
                sawDigit = true
            } else if byte != UInt8(ascii: ".") {
                break
            }
            index += 1
        }
        guard sawDigit else { return false }
        // What follows must be a unit, not another digit (0.5 is not zero).
        return value[index...].allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "%") }
    }
}
