/// Works around a PCRE2 10.42 JIT defect: with `PCRE2_UTF | PCRE2_MATCH_INVALID_UTF`, the JIT-compiled
/// `\S`, `\D` and `\W` outside a character class never match a non-ASCII character (the interpreter, and
/// the same escapes inside a class, are correct). `x\S` fails on "x中" under JIT.
///
/// The rewrite wraps each such escape in a class (`\S` → `[\S]`), which means exactly the same and
/// compiles to code that works. Everything else is left byte for byte.
enum JITCompatibility {
    static func rewrite(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.contains("\\") else { return pattern }
        var out = String.UnicodeScalarView()
        var index = 0
        var inClass = false
        var quoting = false
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if quoting {
                // Inside \Q…\E everything is literal until \E.
                if scalar == "\\", next == "E" {
                    quoting = false
                    out.append(scalar)
                    out.append(next!)
                    index += 2
                } else {
                    out.append(scalar)
                    index += 1
                }
                continue
            }
            if scalar == "\\", let next {
                if next == "c", index + 2 < scalars.count {
                    // \cX: a control character; X is literal whatever it is.
                    out.append(scalar)
                    out.append(next)
                    out.append(scalars[index + 2])
                    index += 3
                    continue
                }
                if next == "Q" {
                    quoting = true
                } else if !inClass, next == "S" || next == "D" || next == "W" {
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
                if scalar == "[", next == ":" {
                    // A POSIX class such as [:alpha:] inside a class: copy through its closing ":]".
                    var end = index + 2
                    while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
                    let stop = min(end + 2, scalars.count)
                    for position in index..<stop { out.append(scalars[position]) }
                    index = stop
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
