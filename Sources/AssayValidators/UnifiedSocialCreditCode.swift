/// Unified social credit codes (统一社会信用代码, GB 32100-2015) of PRC
/// companies and other organisations.
///
/// 18 characters from `0-9A-HJ-NP-RTUWXY` (no I, O, S, V, Z); the last is a
/// check character: with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
/// over the alphabet indices of the first 17, check = (31 − Σ mod 31) mod 31.
/// Lower-case letters are accepted and treated as upper-case.
public enum UnifiedSocialCreditCode {
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Alphabet index per byte value, -1 when the byte is not in the alphabet.
    private static let indexTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// Whether `candidate` (spaces and hyphens ignored) is a well-formed code with a correct check character.
    public static func isValid(_ candidate: String) -> Bool {
        let bytes = ASCII.compacted(candidate)
        guard bytes.count == 18 else { return false }
        var sum = 0
        for position in 0..<17 {
            let index = indexTable[Int(bytes[position])]
            guard index >= 0 else { return false }
            sum += Int(index) * weights[position]
        }
        let check = indexTable[Int(bytes[17])]
        return check >= 0 && Int(check) == (31 - sum % 31) % 31
    }
}
