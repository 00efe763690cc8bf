/// Scalar predicates used by the normaliser and the word-boundary check.
enum ScalarClasses {
    /// Zero-width and format characters that produce no normalised bytes:
    /// U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD, U+180E and variation selectors U+FE00–U+FE0F.
    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E, 0xFE00...0xFE0F: return true
        default: return false
        }
    }

    /// ASCII separators that are skipped when they sit between two CJK ideographs:
    /// space, tab and `* - _ . ~ | / \ + # @ ^ = ' " `` ` ``.
    @inline(__always)
    static func isASCIISeparator(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x2A, 0x2D, 0x5F, 0x2E, 0x7E, 0x7C, 0x2F, 0x5C, 0x2B, 0x23, 0x40, 0x5E, 0x3D, 0x27, 0x22,
            0x60:
            return true
        default: return false
        }
    }

    /// Every separator (ASCII, their full-width forms, U+3000, ・ U+30FB, • U+2022, ‧ U+2027, · U+00B7, and the
    /// other Unicode spaces that NFKC turns into U+0020: U+00A0, U+2000–U+200A, U+202F, U+205F).
    ///
    /// CJK sentence punctuation (。，、！？；：「」《》) is deliberately absent: it is structure, not evasion.
    @inline(__always)
    static func isSeparator(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIISeparator(UInt8(v)) }
        switch v {
        case 0x3000, 0x30FB, 0x2022, 0x2027, 0x00B7, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return true
        case 0xFF01...0xFF5E:
            let ascii = UInt8(v - 0xFEE0)
            return ascii != 0x20 && isASCIISeparator(ascii)
        default: return false
        }
    }

    /// CJK unified and compatibility ideographs (BMP and supplementary planes), and 〇 U+3007.
    @inline(__always)
    static func isCJKIdeograph(_ v: UInt32) -> Bool {
        (v >= 0x3400 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF) || v == 0x3007
    }

    /// Scripts written without spaces between words (ideographs, kana, Hangul, CJK symbols): a match never
    /// needs a word boundary next to one of these.
    @inline(__always)
    static func isCJKLike(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
            0x20000...0x3FFFF:
            return true
        default: return false
        }
    }
}
