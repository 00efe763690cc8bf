/// One PCRE2 alternation of several regexes, run once over a text to learn whether any of them can
/// match there: the prefilter for regexes that have no required literal (see ``RequiredLiterals``), such
/// as digit-only personal-data patterns. If the alternation finds nothing, none of its members matches
/// anywhere in the text, so each need not run.
///
/// A pattern joins only when putting it inside `(?:…)` next to others cannot change what it matches:
/// back references, named or numbered group calls, recursion, backtracking verbs and extended mode keep a
/// regex out (it then runs on every text). A limit failure of the alternation counts as "may match".
public struct RegexSetPrefilter: Sendable {
    /// The compiled alternation, nil when no pattern could join.
    private let combined: CompiledRegex?
    /// Indexes (into the array given to `init`) of the regexes the alternation covers.
    public let members: [Int]

    /// Combines those of `regexes` that can be combined.
    public init(_ regexes: [RegexPattern], limits: RegexLimits = .default) {
        var members: [Int] = []
        var branches: [String] = []
        for (index, regex) in regexes.enumerated() where Self.isCombinable(regex) {
            var flags = ""
            if regex.options.contains(.caseless) { flags += "i" }
            if regex.options.contains(.multiline) { flags += "m" }
            if regex.options.contains(.dotAll) { flags += "s" }
            branches.append("(?:" + (flags.isEmpty ? "" : "(?\(flags))") + regex.pattern + ")")
            members.append(index)
        }
        if branches.isEmpty {
            combined = nil
            self.members = []
        } else if let compiled = try? CompiledRegex(pattern: branches.joined(separator: "|"), limits: limits) {
            combined = compiled
            self.members = members
        } else {
            combined = nil
            self.members = []
        }
    }

    /// Whether some member may match in `bytes` (true on a limit failure).
    public func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>, using matchData: RegexMatchData) -> Bool {
        guard let combined else { return false }
        let first = combined.firstMatch(in: bytes, using: matchData)
        return first.found || first.failure != nil
    }

    /// Constructs whose meaning depends on the pattern's own group numbering or on how the whole match
    /// ends keep a pattern out of the alternation.
    static func isCombinable(_ regex: RegexPattern) -> Bool {
        if regex.options.contains(.extended) { return false }
        let scalars = Array(regex.pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\\" {
                guard let next else { return false }
                // \1…\9 back references, \g / \k references, \Q…\E quoting (its contents would be
                // misread here); anything else escaped is harmless.
                if ("1"..."9").contains(next) || next == "g" || next == "k" || next == "Q" { return false }
                index += 2
                continue
            }
            if scalar == "(" , let next {
                if next == "*" { return false }  // (*SKIP) (*ACCEPT) (*UTF) …
                if next == "?" {
                    let third = index + 2 < scalars.count ? scalars[index + 2] : nil
                    switch third {
                    case ":"?, "="?, "!"?, ">"?, "i"?, "m"?, "s"?, "-"?, "U"?, "n"?, ")"?:
                        break  // groups, lookaheads, atomic groups, inline flags
                    case "<"?:
                        let fourth = index + 3 < scalars.count ? scalars[index + 3] : nil
                        if fourth != "=" && fourth != "!" { return false }  // (?<name>…)
                    default:
                        return false  // (?P…) (?'name') (?R) (?1) (?&name) (?| (?C (?x …
                    }
                }
            }
            if scalar == "[" {
                // Skip a character class whole: parentheses inside it are literal.
                index += 1
                if index < scalars.count, scalars[index] == "^" { index += 1 }
                if index < scalars.count, scalars[index] == "]" { index += 1 }
                while index < scalars.count, scalars[index] != "]" {
                    index += scalars[index] == "\\" ? 2 : 1
                }
            }
            index += 1
        }
        return true
    }
}
