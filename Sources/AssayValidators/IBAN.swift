/// International bank account numbers (ISO 13616).
///
/// Checks: two-letter country code with a known IBAN length (see the table in
/// `IBANCountryLengths.swift`), two check digits, an alphanumeric BBAN, the
/// exact length for the country, and the ISO 7064 MOD 97-10 check (the number
/// rearranged with letters as 10–35 is ≡ 1 mod 97). Spaces and hyphens are
/// ignored and lower case is accepted. Country-specific BBAN structures and
/// national check digits are not verified.
public enum IBAN {
    /// Whether `candidate` (spaces and hyphens ignored) is a valid IBAN.
    public static func isValid(_ candidate: String) -> Bool {
        let bytes = ASCII.compacted(candidate)
        guard bytes.count >= 5, ASCII.isUpper(bytes[0]), ASCII.isUpper(bytes[1]),
            ASCII.isDigit(bytes[2]), ASCII.isDigit(bytes[3]),
            let expected = IBANCountryLengths.table[String(decoding: bytes[0..<2], as: UTF8.self)],
            bytes.count == expected
        else { return false }
        var remainder = 0
        for byte in bytes[4...] + bytes[0..<4] {
            if ASCII.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - ASCII.zero)) % 97
            } else if ASCII.isUpper(byte) {
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// The number of countries with a known IBAN length.
    public static var knownCountryCount: Int { IBANCountryLengths.table.count }
}
