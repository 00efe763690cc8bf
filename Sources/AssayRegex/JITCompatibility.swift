/// Works around a PCRE2 10.42 JIT defect: with `PCRE2_UTF | PCRE2_MATCH_INVALID_UTF`, the JIT-compiled
/// `\S`, `\D` and `\W` outside a character class never match a non-ASCII character (the interpreter, and
/// the same escapes inside a class, are correct). `x\S` fails on "x中" under JIT.
///
/// The rewrite wraps each such escape in a class (`\S` → `[\S]`), which means exactly the same and
/// compiles to code that works. Everything else is left byte for byte.
enum JITCompatibility {
    /// What to compile for the JIT: the pattern itself, its rewrite, or `nil` when the pattern has one of
    /// the affected escapes and syntax whose class extents this reading does not model (`\Q`, `\E`, `\c`):
    /// such a pattern must run on the interpreter.
    static func rewrite(_ pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.contains("\\") else { return pattern }
        if ClassSyntax.hasUncertainSyntax(scalars) {
            let affected = zip(scalars, scalars.dropFirst()).contains { $0 == "\\" && "SDW".unicodeScalars.contains($1) }
            return affected ? nil : pattern
        }
        var out = String.UnicodeScalarView()
        var index = 0
        var inClass = false
        // (No \Q, \E or \c gets here: see `ClassSyntax.hasUncertainSyntax`.)
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\\", let next {
                if !inClass, next == "S" || next == "D" || next == "W" {
                    out.append("[")
                    out.append(scalar)
                    out.append(next)
                    out.append("]")
                    index += 2
                    continue
                }
                out.append(scalar)
                out.append(next)
                index += 2
                continue
            }
            if inClass {
                if let end = ClassSyntax.posixClassEnd(scalars, at: index) {
                    // A POSIX class such as [:alpha:] inside a class: copy it through its terminator.
                    for position in index..<end { out.append(scalars[position]) }
                    index = end
                    continue
                }
                if scalar == "]" { inClass = false }
                out.append(scalar)
                index += 1
                continue
            }
            if scalar == "[" {
                inClass = true
                out.append(scalar)
                index += 1
                // A "]" right after "[" or "[^" is a literal member.
                if index < scalars.count, scalars[index] == "^" {
                    out.append(scalars[index])
                    index += 1
                }
                if index < scalars.count, scalars[index] == "]" {
                    out.append(scalars[index])
                    index += 1
                }
                continue
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }
}
