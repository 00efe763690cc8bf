/// US social security numbers, `AAA-GG-SSSS`.
///
/// After removing hyphens and spaces: nine digits; area ≠ 000, 666 and
/// 900–999; group ≠ 00; serial ≠ 0000; and not one of the numbers published in
/// advertisements (078-05-1120 Woolworth wallet card, 219-09-9999 SSA pamphlet,
/// 457-55-5462 LifeLock). There is no checksum, so valid means "could be issued".
public enum USSocialSecurityNumber {
    private static let advertisingSamples: Set<String> = ["078051120", "219099999", "457555462"]

    /// Whether `candidate` (hyphens and spaces ignored) could be an issued SSN.
    public static func isValid(_ candidate: String) -> Bool {
        let digits = ASCII.compacted(candidate)
        guard digits.count == 9, ASCII.allDigits(digits) else { return false }
        let area = ASCII.number(digits[0..<3])
        let group = ASCII.number(digits[3..<5])
        let serial = ASCII.number(digits[5..<9])
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        return !advertisingSamples.contains(String(decoding: digits, as: UTF8.self))
    }
}
