/// The Luhn (mod 10) checksum used by payment card numbers and many other identifiers.
public enum Luhn {
    /// Whether `candidate` (spaces and hyphens ignored) is at least two digits
    /// whose Luhn checksum is 0. Any length is accepted; see ``BankCard`` for cards.
    public static func isValid(_ candidate: String) -> Bool {
        let digits = ASCII.compacted(candidate)
        return digits.count >= 2 && ASCII.allDigits(digits) && checksum(digits) == 0
    }

    /// The Luhn sum mod 10 of ASCII digits (caller checks they are digits).
    static func checksum(_ digits: [UInt8]) -> Int {
        var sum = 0
        var double = false
        for byte in digits.reversed() {
            var value = Int(byte - ASCII.zero)
            if double {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
            double.toggle()
        }
        return sum % 10
    }
}
