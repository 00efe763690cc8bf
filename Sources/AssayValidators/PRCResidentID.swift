/// PRC resident identity card numbers (居民身份证号码, GB 11643-1999).
///
/// An 18-character number is `AAAAAA YYYYMMDD SSS C`:
/// - `AAAAAA` administrative area; the first two digits must be a real
///   province-level code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83, 91).
///   Counties are not checked against a historical table.
/// - `YYYYMMDD` birth date: a real day (leap years included), year ≥ 1900,
///   not after today (China Standard Time).
/// - `SSS` sequence number.
/// - `C` ISO 7064 MOD 11-2 check character, `0`–`9` or `X` (`x` accepted).
///
/// Legacy 15-digit numbers (issued before 1999) are `AAAAAA YYMMDD SSS` with a
/// two-digit year in the 1900s and **no check digit**: they are valid when the area
/// and the date are valid, so they carry much weaker evidence than 18-digit ones.
public enum PRCResidentID {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [UInt8] = Array("10X98765432".utf8)
    private static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ]

    /// Whether `candidate` (spaces and hyphens ignored) is a valid 18-digit or
    /// legacy 15-digit resident ID number, with birth dates checked against `today`.
    public static func isValid(_ candidate: String, today: CalendarDate = .today()) -> Bool {
        let bytes = ASCII.compacted(candidate)
        switch bytes.count {
        case 18:
            guard ASCII.allDigits(bytes[0..<17]),
                ASCII.isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X")
            else { return false }
            guard isPlausibleArea(bytes[0..<6]),
                let birth = date(year: ASCII.number(bytes[6..<10]), bytes[10..<14]),
                birth.year >= 1900, birth <= today
            else { return false }
            return bytes[17] == checkCharacter(for: bytes[0..<17])
        case 15:
            guard ASCII.allDigits(bytes), isPlausibleArea(bytes[0..<6]),
                let birth = date(year: 1900 + ASCII.number(bytes[6..<8]), bytes[8..<12]),
                birth <= today
            else { return false }
            return true
        default:
            return false
        }
    }

    /// The MOD 11-2 check character (`0`–`9` or `X`) for the first 17 digits.
    public static func checkCharacter(forFirst17 digits: String) -> Character? {
        let bytes = Array(digits.utf8)
        guard bytes.count == 17, ASCII.allDigits(bytes) else { return nil }
        return Character(Unicode.Scalar(checkCharacter(for: bytes[...])))
    }

    private static func checkCharacter(for digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (weight, digit) in zip(weights, digits) {
            sum += weight * Int(digit - ASCII.zero)
        }
        return checkCharacters[sum % 11]
    }

    private static func isPlausibleArea(_ area: ArraySlice<UInt8>) -> Bool {
        provinces.contains(ASCII.number(area.prefix(2)))
    }

    private static func date(year: Int, _ monthDay: ArraySlice<UInt8>) -> CalendarDate? {
        CalendarDate(year: year, month: ASCII.number(monthDay.prefix(2)), day: ASCII.number(monthDay.suffix(2)))
    }
}
