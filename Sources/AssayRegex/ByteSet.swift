/// A set of byte values: one position of a ``ClassSequence`` (the bytes a regex piece can consume there).
public struct ByteSet: Sendable, Hashable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    /// The empty set.
    public init() {}

    /// The set holding `bytes`.
    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes { insert(byte) }
    }

    /// Adds `byte`.
    public mutating func insert(_ byte: UInt8) {
        let bit: UInt64 = 1 << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    /// Whether `byte` is a member.
    public func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return word >> UInt64(byte & 63) & 1 != 0
    }

    /// Number of members.
    public var count: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount }

    /// Both sets' members.
    public func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.w0 |= other.w0
        result.w1 |= other.w1
        result.w2 |= other.w2
        result.w3 |= other.w3
        return result
    }

    /// Whether every member of this set is a member of `other` (the empty set is a subset of any set).
    public func isSubset(of other: ByteSet) -> Bool {
        w0 & ~other.w0 | w1 & ~other.w1 | w2 & ~other.w2 | w3 & ~other.w3 == 0
    }

    /// Whether the set has no member.
    public var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 }

    /// `byte`, and its other case when it is an ASCII letter (regexes may be caseless; the texts they run on
    /// are lowercased, so a set with both cases is never too small).
    public static func eitherCase(_ byte: UInt8) -> ByteSet {
        var set = ByteSet([byte])
        if byte >= 0x41 && byte <= 0x5A { set.insert(byte + 0x20) }
        if byte >= 0x61 && byte <= 0x7A { set.insert(byte - 0x20) }
        return set
    }

    /// ASCII digits (`\d` without Unicode properties).
    public static let digits = ByteSet(0x30...0x39)
    /// ASCII letters, digits and `_` (`\w` without Unicode properties).
    public static let word = ByteSet(Array(0x30...0x39) + Array(0x41...0x5A) + Array(0x61...0x7A) + [0x5F])
}
