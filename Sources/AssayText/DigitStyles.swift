/// Digit-style folding: stylised digits (circled, parenthesised, full stop, dingbat, super/subscript,
/// full-width, ideographic) and Chinese numerals, as used to hide phone numbers.
enum DigitStyles {
    /// Value (0…20) of a stylised digit form, or -1 when `v` is not one. ASCII digits return their value.
    ///
    /// Covers ①–⑳, ⑴–⒇, ⒈–⒛, ⓪, ⓫–⓴, ⓵–⓾, ⓿, ❶–❿, ➀–➉, ➊–➓, superscript and subscript digits,
    /// full-width digits, ㈠–㈩ and ㊀–㊉.
    @inline(__always)
    static func styledValue(_ v: UInt32) -> Int {
        switch v {
        case 0x30...0x39: return Int(v - 0x30)
        case 0xFF10...0xFF19: return Int(v - 0xFF10)
        case 0x2460...0x2473: return Int(v - 0x2460) + 1  // ①–⑳
        case 0x2474...0x2487: return Int(v - 0x2474) + 1  // ⑴–⒇
        case 0x2488...0x249B: return Int(v - 0x2488) + 1  // ⒈–⒛
        case 0x24EA, 0x24FF: return 0  // ⓪ ⓿
        case 0x24EB...0x24F4: return Int(v - 0x24EB) + 11  // ⓫–⓴
        case 0x24F5...0x24FE: return Int(v - 0x24F5) + 1  // ⓵–⓾
        case 0x2776...0x277F: return Int(v - 0x2776) + 1  // ❶–❿
        case 0x2780...0x2789: return Int(v - 0x2780) + 1  // ➀–➉
        case 0x278A...0x2793: return Int(v - 0x278A) + 1  // ➊–➓
        case 0x2070: return 0  // ⁰
        case 0x00B9: return 1  // ¹
        case 0x00B2: return 2  // ²
        case 0x00B3: return 3  // ³
        case 0x2074...0x2079: return Int(v - 0x2070)  // ⁴–⁹
        case 0x2080...0x2089: return Int(v - 0x2080)  // ₀–₉
        case 0x3220...0x3229: return Int(v - 0x3220) + 1  // ㈠–㈩
        case 0x3280...0x3289: return Int(v - 0x3280) + 1  // ㊀–㊉
        default: return -1
        }
    }

    /// Value (0…9) of a Chinese numeral (〇零一二三四五六七八九幺两兩 and 壹贰貳叁參肆伍陆陸柒捌玖), or -1.
    ///
    /// These fold only inside a long digit run (see ``TextNormalizer``): on their own they are words.
    @inline(__always)
    static func chineseNumeralValue(_ v: UInt32) -> Int {
        switch v {
        case 0x3007, 0x96F6: return 0  // 〇 零
        case 0x4E00, 0x5E7A, 0x58F9: return 1  // 一 幺 壹
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3: return 2  // 二 两 兩 贰 貳
        case 0x4E09, 0x53C1, 0x53C3: return 3  // 三 叁 參
        case 0x56DB, 0x8086: return 4  // 四 肆
        case 0x4E94, 0x4F0D: return 5  // 五 伍
        case 0x516D, 0x9646, 0x9678: return 6  // 六 陆 陸
        case 0x4E03, 0x67D2: return 7  // 七 柒
        case 0x516B, 0x634C: return 8  // 八 捌
        case 0x4E5D, 0x7396: return 9  // 九 玖
        default: return -1
        }
    }

    /// One bit per scalar in U+3400–U+9FFF, set for the Chinese numerals of ``chineseNumeralValue(_:)``, so
    /// the CJK fast path can rule a character out with one L1-resident load instead of a chain of compares.
    static let numeralBitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x3400 + 64) / 64)
        for v in UInt32(0x3400)...UInt32(0x9FFF) where chineseNumeralValue(v) >= 0 {
            let i = Int(v - 0x3400)
            bits[i >> 6] |= 1 << UInt64(i & 63)
        }
        return bits
    }()

    /// True for anything that counts towards a phone-number-like digit run.
    @inline(__always)
    static func isDigitLike(_ v: UInt32) -> Bool {
        styledValue(v) >= 0 || chineseNumeralValue(v) >= 0
    }

    /// Minimum number of digit-like characters in a run before Chinese numerals in it fold to ASCII digits.
    static let minimumNumeralRun = 7

    /// Counts the digit-like scalars in the run around the scalar at byte `p`, and finds where it ends.
    ///
    /// A run is digit-like scalars optionally separated by a single ASCII space or hyphen; zero-width
    /// characters inside it are ignored.
    static func run(around p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, end: Int) {
        var count = 1
        // Backwards.
        var q = p
        while q > 0 {
            let prev = UTF8Scalars.previousStart(bytes, before: q)
            let v = UTF8Scalars.decode(bytes, at: prev).scalar
            if ScalarClasses.isInvisible(v) || isDigitLike(v) {
                if isDigitLike(v) { count += 1 }
                q = prev
                continue
            }
            if (v == 0x20 || v == 0x2D) && prev > 0 {
                let prev2 = UTF8Scalars.previousStart(bytes, before: prev)
                if isDigitLike(UTF8Scalars.decode(bytes, at: prev2).scalar) {
                    q = prev
                    continue
                }
            }
            break
        }
        // Forwards.
        var end = p + UTF8Scalars.decode(bytes, at: p).length
        while end < bytes.count {
            let (v, len) = UTF8Scalars.decode(bytes, at: end)
            if ScalarClasses.isInvisible(v) || isDigitLike(v) {
                if isDigitLike(v) { count += 1 }
                end += len
                continue
            }
            if (v == 0x20 || v == 0x2D) && end + 1 < bytes.count
                && isDigitLike(UTF8Scalars.decode(bytes, at: end + 1).scalar)
            {
                end += 1
                continue
            }
            break
        }
        return (count, end)
    }
}
