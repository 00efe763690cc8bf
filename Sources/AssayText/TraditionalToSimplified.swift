/// Traditional → Simplified Chinese, one character to one character, over U+3400–U+9FFF.
///
/// The pairs come from OpenCC's TSCharacters (generated into ``TraditionalToSimplifiedData`` by
/// `scripts/gen_trad_simp.py`, which documents the selection rules). They are parsed once into a dense
/// table of `UInt16` targets, so a lookup is one array read.
enum TraditionalToSimplified {
    /// First scalar covered by the dense table.
    static let lowerBound: UInt32 = 0x3400
    /// Last scalar covered by the dense table.
    static let upperBound: UInt32 = 0x9FFF

    /// `table[v - lowerBound]` is the Simplified target of `v`, or 0 when `v` maps to itself.
    static let table: [UInt16] = {
        var table = [UInt16](repeating: 0, count: Int(upperBound - lowerBound) + 1)
        var pending: UInt32 = 0
        for scalar in TraditionalToSimplifiedData.pairs.unicodeScalars where scalar.value != 0x0A {
            if pending == 0 {
                pending = scalar.value
            } else {
                precondition(pending >= lowerBound && pending <= upperBound && scalar.value <= 0xFFFF)
                table[Int(pending - lowerBound)] = UInt16(scalar.value)
                pending = 0
            }
        }
        precondition(pending == 0, "odd number of scalars in TraditionalToSimplifiedData.pairs")
        return table
    }()

    /// Number of characters that map to a different character.
    static var mappedCount: Int { table.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The Simplified form of `v` (itself when it has none or lies outside the table).
    @inline(__always)
    static func map(_ v: UInt32) -> UInt32 {
        guard v >= lowerBound && v <= upperBound else { return v }
        let t = table[Int(v - lowerBound)]
        return t == 0 ? v : UInt32(t)
    }
}
