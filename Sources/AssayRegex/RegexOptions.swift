/// Compile-time options for a ``CompiledRegex``.
///
/// Every pattern is compiled in UTF-8 mode (`PCRE2_UTF`) without Unicode
/// properties for `\d`, `\w`, `\s` and POSIX classes (no `PCRE2_UCP`): those
/// classes stay ASCII-only, which keeps digit runs such as `\d{11}` from
/// matching full-width or other non-ASCII digits.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    /// The raw option bits (not PCRE2 flags; the mapping is internal).
    public let rawValue: UInt32

    /// Creates options from raw bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Case-insensitive matching (`(?i)`, `PCRE2_CASELESS`). In UTF mode this
    /// folds non-ASCII letters too (e.g. `É`/`é`).
    public static let caseless = RegexOptions(rawValue: 1 << 0)
    /// `^` and `$` also match at internal newlines (`(?m)`, `PCRE2_MULTILINE`).
    public static let multiline = RegexOptions(rawValue: 1 << 1)
    /// `.` also matches newlines (`(?s)`, `PCRE2_DOTALL`).
    public static let dotAll = RegexOptions(rawValue: 1 << 2)
    /// Unescaped whitespace in the pattern is ignored and `#` starts a comment
    /// (`(?x)`, `PCRE2_EXTENDED`).
    public static let extended = RegexOptions(rawValue: 1 << 3)
}
