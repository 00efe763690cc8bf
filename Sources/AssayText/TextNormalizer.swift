/// Turns raw listing text into the single form that vocabulary terms and regexes are matched against,
/// keeping a map back to the original text (see ``NormalizedText``).
///
/// Steps, per original scalar, in order:
/// 1. **Invisible removal**: zero-width and format characters (U+200B–U+200F, U+2060–U+2064, U+FEFF,
///    U+00AD, U+180E, U+FE00–U+FE0F) produce no bytes.
/// 2. **Digit-style folding**: circled, parenthesised, full-stop, dingbat, super/subscript, full-width and
///    ideographic digits become ASCII digits (⑴ → `1`, ⑫ → `12`). Chinese numerals (〇零一…九幺两, 壹贰…玖)
///    become ASCII digits only inside a run of at least seven digit-like characters (single spaces or
///    hyphens allowed between them): a phone number spelled in numerals. "第一次" is left alone.
/// 3. **Compatibility**: full-width ASCII → ASCII and U+3000 → space on a fast path; any other scalar that
///    changes under NFKC goes through Foundation's NFKC on that one scalar.
/// 4. **Case folding**: ASCII lowercase; other scalars by their Unicode lowercase mapping.
/// 5. **Homoglyphs**: Cyrillic/Greek letters that look Latin (Cyrillic С, Greek Ο …) → Latin lowercase.
/// 6. **Traditional → Simplified**: one-to-one table from OpenCC (國 → 国, 級 → 级).
/// 7. **Separator skipping**: up to three separators (space, tab, `*-_.~|/\+#@^='"` and backtick, their
///    full-width forms, U+3000, ・, •, ‧, ·, and other Unicode spaces) between two CJK ideographs produce no
///    bytes, so `最 * 佳` becomes `最佳`. Elsewhere separators are kept, so English words stay apart. CJK
///    punctuation (。，、！？；：「」《》) is never skipped.
///
/// Limitations: NFKC is applied per scalar, so combining sequences are not composed (a decomposed
/// `e` + U+0301 stays two scalars); Traditional → Simplified covers U+3400–U+9FFF only.
public struct TextNormalizer: Sendable {
    /// Creates a normaliser. It has no configuration; all tables are built once per process.
    public init() {}

    /// Normalises `text`; offsets in the result refer to Unicode scalars of `text`.
    public func normalize(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { NormalizationPass.run($0) }
    }

    /// Normalises `text` and passes the normalised bytes to `body`, without the map back to the original
    /// (cheaper than ``normalize(_:)`` when only the bytes are scanned). The bytes are valid inside `body` only.
    public func withNormalizedBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { try withNormalizedBytes(ofUTF8: $0, body) }
    }

    /// ``withNormalizedBytes(of:_:)`` for text given as UTF-8 bytes (malformed sequences count as one
    /// U+FFFD scalar per bad byte).
    @inlinable
    public func withNormalizedBytes<R>(
        ofUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try NormalizationPass.withBytes(bytes, body)
    }

    /// Normalises UTF-8 bytes (malformed sequences count as one U+FFFD scalar per bad byte).
    public func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        NormalizationPass.run(bytes)
    }

    /// Normalises a vocabulary term with the same pipeline (so terms and text meet in one form).
    public func normalizeTerm(_ term: String) -> [UInt8] {
        normalize(term).bytes
    }
}
