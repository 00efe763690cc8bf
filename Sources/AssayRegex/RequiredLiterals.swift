/// The literal strings one of which every match of a regex must contain — its *atoms*, as YARA and
/// Hyperscan call them. A scanner that finds none of a regex's atoms in a text can skip running the regex
/// on it.
///
/// The analysis reads the PCRE2 pattern syntax conservatively: anything it does not fully understand
/// (classes, escapes other than escaped punctuation, backreferences, `\Q…\E`, extended mode, conditionals,
/// callouts) contributes no literal, and a pattern with no required literal gets `nil` (the regex must
/// always run). Atoms are lowercased ASCII, because the texts regexes run on are case-folded; a pattern with
/// an uppercase non-ASCII literal yields no atom from it.
public enum RequiredLiterals {
    /// Shortest atom worth filtering on, in bytes (a lone ASCII letter occurs in nearly every text)…
    public static let minimumAtomBytes = 2
    /// …except these single bytes, rare enough in listing text to filter on (`@` of an e-mail address).
    public static let rareSingleBytes: Set<UInt8> = Set("@#$+&=~^|<>".utf8)

    static func isUseful(_ atom: [UInt8]) -> Bool {
        atom.count >= minimumAtomBytes || (atom.count == 1 && rareSingleBytes.contains(atom[0]))
    }

    /// The atoms of `pattern`: every match contains at least one of them. `nil` when no useful set exists.
    public static func atoms(of pattern: String) -> [[UInt8]]? {
        var parser = Parser(Array(pattern.unicodeScalars))
        let factor = parser.alternation()
        guard parser.atEnd, !parser.unsupported, let atoms = factor.atoms, atoms.allSatisfy(isUseful) else { return nil }
        var unique: [[UInt8]] = []
        for atom in atoms where !unique.contains(atom) { unique.append(atom) }
        return unique
    }

    /// The fewest ASCII digits any match of `pattern` contains (`\d`, `[0-9]`-style classes and digit
    /// literals, times their minimum repetition): a text with fewer digits cannot match. 0 when unknown.
    public static func minimumDigits(of pattern: String) -> Int {
        var parser = Parser(Array(pattern.unicodeScalars))
        let factor = parser.alternation()
        guard parser.atEnd, !parser.unsupported else { return 0 }
        return factor.digits
    }

    /// What every match of a construct must contain.
    private struct Factor {
        /// Strings one of which it contains (`nil` = no such set known).
        var atoms: [[UInt8]]?
        /// ASCII digits it contains at least.
        var digits: Int
    }

    /// Digit counts are capped here (quantifiers multiply them).
    private static let digitCap = 1 << 16

    /// Recursive descent over the pattern; each construct yields its ``Factor``.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        /// Set when the pattern uses something the analysis refuses to reason about.
        var unsupported = false

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position >= scalars.count }
        private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        /// `branch ( '|' branch )*` — each branch must have atoms for the alternation to have them.
        mutating func alternation() -> Factor {
            var union: [[UInt8]]? = []
            var digits = Int.max
            while true {
                // Every branch, the empty ones included (`(|x)`, a leading `|`): an empty branch has no
                // atoms and no digits, so the alternation has none either.
                let branch = self.branch()
                if unsupported { return Factor(atoms: nil, digits: 0) }
                if let atoms = branch.atoms, let sofar = union { union = sofar + atoms } else { union = nil }
                digits = min(digits, branch.digits)
                guard current == "|" else { break }
                position += 1
            }
            return Factor(atoms: union, digits: digits)
        }

        /// A concatenation: collects literal runs and required groups, returns the best one.
        private mutating func branch() -> Factor {
            var pieces = Concatenation()
            var digits = 0
            func addDigits(_ count: Int, times repeats: Int) {
                digits = min(RequiredLiterals.digitCap, digits + min(RequiredLiterals.digitCap, count * min(repeats, RequiredLiterals.digitCap)))
            }
            while let scalar = current, scalar != "|", scalar != ")" {
                switch scalar {
                case "(":
                    pieces.endRun()
                    let group = self.group()
                    if unsupported { return Factor(atoms: nil, digits: 0) }
                    let minimum = quantifierMinimum()
                    if minimum > 0, let atoms = group.atoms { pieces.offer(atoms) }
                    addDigits(group.digits, times: minimum)
                case "[":
                    pieces.endRun()
                    let onlyDigits = skipClass()
                    let minimum = quantifierMinimum()
                    if onlyDigits { addDigits(1, times: minimum) }
                case "\\":
                    position += 1
                    guard let escaped = current else { unsupported = true; return Factor(atoms: nil, digits: 0) }
                    position += 1
                    if escaped.isASCII, !Self.isASCIIAlphanumeric(escaped) {
                        literal(escaped, into: &pieces)
                    } else if escaped == "Q" || escaped == "E" {
                        unsupported = true  // \Q…\E quoting is not analysed
                    } else {
                        // \d \w \s \b \p{…} \x{…} \1 \k<…> …: a class, an assertion, a code point or a
                        // back reference — none contributes a known literal.
                        skipEscapeArgument(after: escaped)
                        pieces.endRun()
                        let minimum = quantifierMinimum()
                        if escaped == "d" { addDigits(1, times: minimum) }
                    }
                case ".", "^", "$":
                    position += 1
                    pieces.endRun()
                    _ = quantifierMinimum()
                case "*", "+", "?", "{":
                    unsupported = true  // a quantifier with nothing before it
                default:
                    position += 1
                    let isDigit = scalar >= "0" && scalar <= "9"
                    let minimum = literal(scalar, into: &pieces)
                    if isDigit { addDigits(1, times: minimum) }
                }
                if unsupported { return Factor(atoms: nil, digits: 0) }
            }
            pieces.endRun()
            return Factor(atoms: pieces.best, digits: digits)
        }

        /// A literal scalar, case-folded, then any quantifier on it: an optional one drops it from the
        /// run; a required one ends the run after it (the repetition count is unknown). Returns the
        /// quantifier's minimum (1 without one).
        @discardableResult
        private mutating func literal(_ scalar: Unicode.Scalar, into pieces: inout Concatenation) -> Int {
            var folded = scalar
            if scalar.isASCII, scalar.value >= 0x41, scalar.value <= 0x5A {
                folded = Unicode.Scalar(scalar.value + 0x20)!
            } else if !scalar.isASCII, scalar.properties.changesWhenCaseMapped {
                // A cased non-ASCII letter: under (?i) PCRE2 matches case variants the normaliser keeps
                // apart (Greek σ/ς/Σ), so no literal from it is safe to require.
                unsupported = true
                return 0
            }
            let bytes = Array(String(folded).utf8)
            guard let next = current, next == "*" || next == "+" || next == "?" || next == "{" else {
                pieces.run.append(contentsOf: bytes)
                return 1
            }
            let minimum = quantifierMinimum()
            if minimum > 0 { pieces.run.append(contentsOf: bytes) }
            pieces.endRun()
            return minimum
        }

        /// Consumes a quantifier if one follows (with its lazy/possessive suffix); returns its minimum
        /// count, 1 when there is none.
        private mutating func quantifierMinimum() -> Int {
            guard let scalar = current else { return 1 }
            var minimum = 1
            switch scalar {
            case "*", "?":
                position += 1
                minimum = 0
            case "+":
                position += 1
            case "{":
                // {n}, {n,}, {n,m}; anything else is a literal brace in PCRE2 — refuse it.
                // Exactly {n}, {n,} or {n,m} with ASCII digits; anything else is refused.
                func isDigit(_ q: Int) -> Bool { q < scalars.count && scalars[q] >= "0" && scalars[q] <= "9" }
                var q = position + 1
                var digits = ""
                while isDigit(q) {
                    digits.unicodeScalars.append(scalars[q])
                    q += 1
                }
                if q < scalars.count, scalars[q] == "," {
                    q += 1
                    while isDigit(q) { q += 1 }
                }
                guard q < scalars.count, scalars[q] == "}", digits.count <= 6, let n = Int(digits) else {
                    unsupported = true
                    return 0
                }
                position = q + 1
                minimum = n
            default:
                return 1
            }
            if let suffix = current, suffix == "?" || suffix == "+" { position += 1 }
            return minimum
        }

        /// `( … )` in its plain, non-capturing, named and lookaround forms.
        private mutating func group() -> Factor {
            let none = Factor(atoms: nil, digits: 0)
            position += 1  // (
            var lookaround = false
            if current == "?" {
                position += 1
                guard let kind = current else { unsupported = true; return none }
                switch kind {
                case ":", ">", "|":
                    position += 1
                    if kind == "|" { unsupported = true; return none }
                case "=", "!":
                    position += 1
                    lookaround = true
                case "<":
                    position += 1
                    if current == "=" || current == "!" {
                        position += 1
                        lookaround = true
                    } else {
                        skipName(until: ">")
                    }
                case "P":
                    position += 1
                    guard current == "<" else { unsupported = true; return none }
                    position += 1
                    skipName(until: ">")
                case "'":
                    position += 1
                    skipName(until: "'")
                default:
                    // Inline options such as (?i) or (?i:…): case-insensitivity is harmless on folded text,
                    // but extended mode and anything stranger changes how the pattern reads.
                    var q = position
                    while q < scalars.count, scalars[q] != ")", scalars[q] != ":" {
                        guard "imsnU-".unicodeScalars.contains(scalars[q]) else { unsupported = true; return none }
                        q += 1
                    }
                    guard q < scalars.count else { unsupported = true; return none }
                    position = q + 1
                    if scalars[q] == ")" { return none }  // (?i) alone: a flag change, no content
                }
            }
            let inner = alternation()
            guard !unsupported, current == ")" else { unsupported = true; return none }
            position += 1
            return lookaround ? none : inner
        }

        /// Skips what follows an escape letter: `{…}`, `<…>`, `'…'`, hex digits or a control letter.
        private mutating func skipEscapeArgument(after escaped: Unicode.Scalar) {
            switch escaped {
            case "0"..."9":
                // A back reference (\1, \12) or an octal escape (\012): all of its digits.
                while let c = current, c >= "0", c <= "9" { position += 1 }
            case "p", "P", "x", "o", "g", "k", "N":
                if current == "{" { skipName(until: "}") }
                else if escaped == "k" || escaped == "g", current == "<" { skipName(until: ">") }
                else if escaped == "k" || escaped == "g", current == "'" { skipName(until: "'") }
                else if escaped == "g" {
                    // \g1, \g-1, \g+2
                    if let c = current, c == "-" || c == "+" { position += 1 }
                    while let c = current, c >= "0", c <= "9" { position += 1 }
                } else if escaped == "x" {
                    var count = 0
                    while count < 2, let c = current, c.isASCII, c.properties.isASCIIHexDigit { position += 1; count += 1 }
                } else if escaped == "p" || escaped == "P" { position += 1 }  // \pL
            case "c":
                position += 1
            default:
                break
            }
        }

        private mutating func skipName(until terminator: Unicode.Scalar) {
            while let scalar = current, scalar != terminator { position += 1 }
            if current == terminator { position += 1 } else { unsupported = true }
        }

        /// Skips a character class; returns whether it matches ASCII digits only (`[0-9]`, `[1-9]`, `[\d]`).
        private mutating func skipClass() -> Bool {
            position += 1  // [
            var onlyDigits = true
            if current == "^" {
                position += 1
                onlyDigits = false
            }
            if current == "]" {  // a leading ] is a literal
                position += 1
                onlyDigits = false
            }
            var members = 0
            while let scalar = current, scalar != "]" {
                members += 1
                if scalar == "\\" {
                    position += 1
                    if current != "d" { onlyDigits = false }
                } else if scalar == "[", position + 1 < scalars.count, scalars[position + 1] == ":" {
                    // POSIX class [:alpha:]
                    onlyDigits = false
                    while let inner = current, inner != "]" { position += 1 }
                } else if scalar == "-" {
                    // Only a range between two digits keeps the class digit-only; a literal hyphen does not.
                    let before = position > 0 ? scalars[position - 1] : "["
                    let after = position + 1 < scalars.count ? scalars[position + 1] : "]"
                    if !(before >= "0" && before <= "9" && after >= "0" && after <= "9") { onlyDigits = false }
                } else if !(scalar >= "0" && scalar <= "9") {
                    onlyDigits = false
                }
                position += 1
            }
            if current == "]" { position += 1 } else { unsupported = true }
            return onlyDigits && members > 0
        }

        private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
        }
    }

    /// The required pieces of one concatenation seen so far, and the best of them.
    private struct Concatenation {
        var best: [[UInt8]]?
        var run: [UInt8] = []

        mutating func offer(_ candidate: [[UInt8]]) {
            guard !candidate.isEmpty else { return }
            if let current = best, Self.score(current) >= Self.score(candidate) { return }
            best = candidate
        }

        mutating func endRun() {
            if !run.isEmpty { offer([run]) }
            run = []
        }

        /// How selective a set of atoms is: its weakest member's length (doubled, so that a rare single
        /// byte ranks between an ordinary single byte and two bytes).
        private static func score(_ atoms: [[UInt8]]) -> Int {
            atoms.map { atom in
                atom.count == 1 && RequiredLiterals.rareSingleBytes.contains(atom[0]) ? 3 : atom.count * 2
            }.min() ?? 0
        }
    }
}
