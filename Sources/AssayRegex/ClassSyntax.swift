/// The corners of PCRE2's character-class syntax that a hand reading of a pattern easily gets wrong, read
/// the way PCRE2 reads them (`pcre2_compile.c`).
enum ClassSyntax {
    /// For a `[` at `index` followed by `:`, `.` or `=`: the index just past its POSIX terminator (`:]`, `.]`
    /// or `=]`) when PCRE2 takes it as a POSIX class — the terminator comes before any `]` and any other `[`
    /// followed by the same character, with `\]` and `\\` skipped — otherwise nil (the `[` is then an
    /// ordinary member).
    static func posixClassEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 1 < scalars.count, scalars[index] == "[" else { return nil }
        let terminator = scalars[index + 1]
        guard terminator == ":" || terminator == "." || terminator == "=" else { return nil }
        var position = index + 2
        while position + 1 < scalars.count {
            let scalar = scalars[position], next = scalars[position + 1]
            if scalar == "\\", next == "]" || next == "\\" {
                position += 2
                continue
            }
            if (scalar == "[" && next == terminator) || scalar == "]" { return nil }
            if scalar == terminator, next == "]" { return position + 2 }
            position += 1
        }
        return nil
    }

    /// Whether the pattern uses `\Q`, `\E` (quoting that can hide or fake a class's brackets, and that
    /// PCRE2 skips at the start of a class) or `\c` (whose argument may be `]`): readers that walk classes
    /// by hand refuse such patterns rather than model them. (`[:` needs no refusal: `posixClassEnd` reads it
    /// as PCRE2 does.)
    static func hasUncertainSyntax(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "\\" {
                let next = scalars[index + 1]
                if next == "Q" || next == "E" || next == "c" { return true }
                index += 2
            } else {
                index += 1
            }
        }
        return false
    }
}
