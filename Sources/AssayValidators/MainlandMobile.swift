/// Mainland China mobile phone numbers.
///
/// After removing spaces, hyphens and dots (numbers are often written 3-4-4, e.g.
/// `138-0013-8000` or `138.0013.8000`) and an optional country prefix (`+86`, `0086`, or `86`
/// directly before the 11 digits), the number must match `1[3-9]\d{9}`.
/// Operator prefix tables drift, so they are deliberately not checked.
public enum MainlandMobile {
    /// Whether `candidate` is a plausible mainland mobile number as written in text.
    public static func isValid(_ candidate: String) -> Bool {
        var digits = ASCII.compacted(candidate).filter { $0 != UInt8(ascii: ".") }[...]
        if digits.first == UInt8(ascii: "+") {
            guard digits.starts(with: Array("+86".utf8)) else { return false }
            digits = digits.dropFirst(3)
        } else if digits.count == 15, digits.starts(with: Array("0086".utf8)) {
            digits = digits.dropFirst(4)
        } else if digits.count == 13, digits.starts(with: Array("86".utf8)) {
            digits = digits.dropFirst(2)
        }
        guard digits.count == 11, ASCII.allDigits(digits) else { return false }
        let second = digits[digits.startIndex + 1]
        return digits.first == UInt8(ascii: "1") && second >= UInt8(ascii: "3")
    }
}
