/// Cyrillic and Greek letters that look like Latin letters, folded to Latin lowercase (a small, explicit
/// subset of UTS #39 confusables aimed at brand names such as "Сhanel" with a Cyrillic С).
enum Homoglyphs {
    /// The Latin lowercase ASCII letter that `v` imitates, or 0 when `v` is not a listed homoglyph.
    @inline(__always)
    static func latin(for v: UInt32) -> UInt8 {
        guard v >= 0x0391 && v <= 0x0501 else { return 0 }
        switch v {
        // Cyrillic lowercase а е о р с х у і ѕ ј ԁ к м н т в
        case 0x0430: return 0x61
        case 0x0435: return 0x65
        case 0x043E: return 0x6F
        case 0x0440: return 0x70
        case 0x0441: return 0x63
        case 0x0445: return 0x78
        case 0x0443: return 0x79
        case 0x0456: return 0x69
        case 0x0455: return 0x73
        case 0x0458: return 0x6A
        case 0x0501: return 0x64
        case 0x043A: return 0x6B
        case 0x043C: return 0x6D
        case 0x043D: return 0x68
        case 0x0442: return 0x74
        case 0x0432: return 0x62
        // Cyrillic capitals А В Е К М Н О Р С Т Х У І Ѕ Ј Ԁ
        case 0x0410: return 0x61
        case 0x0412: return 0x62
        case 0x0415: return 0x65
        case 0x041A: return 0x6B
        case 0x041C: return 0x6D
        case 0x041D: return 0x68
        case 0x041E: return 0x6F
        case 0x0420: return 0x70
        case 0x0421: return 0x63
        case 0x0422: return 0x74
        case 0x0425: return 0x78
        case 0x0423: return 0x79
        case 0x0406: return 0x69
        case 0x0405: return 0x73
        case 0x0408: return 0x6A
        case 0x0500: return 0x64
        // Greek lowercase ο α ν ρ τ ι κ
        case 0x03BF: return 0x6F
        case 0x03B1: return 0x61
        case 0x03BD: return 0x76
        case 0x03C1: return 0x70
        case 0x03C4: return 0x74
        case 0x03B9: return 0x69
        case 0x03BA: return 0x6B
        // Greek capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
        case 0x0391: return 0x61
        case 0x0392: return 0x62
        case 0x0395: return 0x65
        case 0x0396: return 0x7A
        case 0x0397: return 0x68
        case 0x0399: return 0x69
        case 0x039A: return 0x6B
        case 0x039C: return 0x6D
        case 0x039D: return 0x6E
        case 0x039F: return 0x6F
        case 0x03A1: return 0x70
        case 0x03A4: return 0x74
        case 0x03A5: return 0x79
        case 0x03A7: return 0x78
        default: return 0
        }
    }
}
