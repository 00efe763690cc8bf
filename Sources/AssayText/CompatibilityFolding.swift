import Foundation

/// The slow path of normalisation for one scalar that no fast path handled: NFKC (via Foundation, on the
/// one scalar), then lowercase mapping, homoglyph folding and Traditional → Simplified on each result.
///
/// Only scalars whose `changesWhenNFKCCaseFolded` property is true reach Foundation, so ordinary text in
/// any script stays off this path.
enum CompatibilityFolding {
    /// True when `v` may change under NFKC or case folding and must take the slow path.
    @inline(__always)
    static func mayChange(_ v: UInt32) -> Bool {
        if v >= tabulated.lowerBound && v < tabulated.upperBound {
            let offset = Int(v - tabulated.lowerBound)
            return table[offset >> 6] >> UInt64(offset & 63) & 1 != 0
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.changesWhenNFKCCaseFolded
    }

    /// Scalars whose answer is looked up in `table`: general punctuation through CJK symbols and
    /// punctuation (U+2000–U+33FF), which Chinese listing text is full of (。、《》「」…) and for which the
    /// Unicode property lookup costs hundreds of instructions each time.
    static let tabulated: Range<UInt32> = 0x2000..<0x3400

    /// One bit per tabulated scalar: `changesWhenNFKCCaseFolded`, computed once per process.
    static let table: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (tabulated.count + 63) / 64)
        for v in tabulated {
            guard let scalar = Unicode.Scalar(v), scalar.properties.changesWhenNFKCCaseFolded else { continue }
            let offset = Int(v - tabulated.lowerBound)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }()

    /// The normalised scalars for `v` (possibly none, possibly several).
    static func fold(_ v: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(v) else { return [] }
        var result: [UInt32] = []
        let compatible = String(Character(scalar)).precomposedStringWithCompatibilityMapping
        for u in compatible.unicodeScalars {
            appendCaseFolded(u, to: &result)
        }
        return result
    }

    /// Appends the lowercase / homoglyph / Simplified form of one NFKC output scalar.
    private static func appendCaseFolded(_ u: Unicode.Scalar, to result: inout [UInt32]) {
        let v = u.value
        if v < 0x80 {
            result.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            return
        }
        if ScalarClasses.isInvisible(v) { return }
        let latin = Homoglyphs.latin(for: v)
        if latin != 0 {
            result.append(UInt32(latin))
            return
        }
        if u.properties.changesWhenLowercased {
            for l in u.properties.lowercaseMapping.unicodeScalars {
                let latin = Homoglyphs.latin(for: l.value)
                result.append(latin != 0 ? UInt32(latin) : TraditionalToSimplified.map(l.value))
            }
            return
        }
        result.append(TraditionalToSimplified.map(v))
    }
}
