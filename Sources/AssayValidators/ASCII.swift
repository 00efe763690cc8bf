/// ASCII byte helpers shared by the validators. Everything works on UTF-8
/// bytes; no validator looks at `Character`s.
enum ASCII {
    static let space = UInt8(ascii: " ")
    static let hyphen = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func uppercased(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 32 : byte }

    /// The candidate's UTF-8 bytes with every space and hyphen removed
    /// (so surrounding whitespace disappears too), ASCII letters upper-cased.
    static func compacted(_ candidate: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(candidate.utf8.count)
        for byte in candidate.utf8 where byte != space && byte != hyphen {
            out.append(uppercased(byte))
        }
        return out
    }

    /// Whether every byte is an ASCII digit (and there is at least one).
    static func allDigits<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// The decimal value of a short run of ASCII digits (caller checks they are digits).
    static func number<C: Collection<UInt8>>(_ bytes: C) -> Int {
        bytes.reduce(0) { $0 * 10 + Int($1 - zero) }
    }
}
