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

    /// The best single set of atoms of `pattern` (see ``requirements(of:)``): every match contains at least
    /// one of them. `nil` when no useful set exists.
    public static func atoms(of pattern: String) -> [[UInt8]]? {
        requirements(of: pattern)?.first
    }

    /// Sets of atoms that every match of `pattern` contains one of *each* — a conjunction of disjunctions,
    /// most selective first, at most ``maximumRequirements``: `[0-9]+\s*(?:天|周)\s*见效` gives
    /// `[["见效"], ["天", "周"]]`. Literal pieces joined by small alternations and optional characters are
    /// expanded into every string they can spell (`(?:加|\+)我?(?:v|微)` → `加v`, `加我v`, `+v` …), so an
    /// atom is longer and rarer than any of its parts. `nil` when no useful set exists.
    public static func requirements(of pattern: String) -> [[[UInt8]]]? {
        analyze(pattern).requirements
    }

    /// Everything a prefilter can know about `pattern`, from one reading of it.
    public struct Analysis: Sendable {
        /// See ``requirements(of:)``.
        public var requirements: [[[UInt8]]]?
        /// See ``classSequences(of:)``.
        public var classSequences: [[ByteSet]]
        /// See ``minimumDigits(of:)``.
        public var minimumDigits: Int

        /// Nothing known: the regex must run everywhere.
        public static let unknown = Analysis(requirements: nil, classSequences: [], minimumDigits: 0)
    }

    /// ``requirements(of:)``, ``classSequences(of:)`` and ``minimumDigits(of:)`` at once.
    public static func analyze(_ pattern: String) -> Analysis {
        let scalars = Array(pattern.unicodeScalars)
        guard !ClassSyntax.hasUncertainSyntax(scalars) else { return .unknown }
        var parser = Parser(scalars)
        let factor = parser.alternation()
        guard parser.atEnd, !parser.unsupported else { return .unknown }
        let sets = Concatenation.ranked(factor.required.map(Self.unique))
        var sequences = factor.classSequences
        if let fixed = factor.fixedClasses, fixed.count >= 2 { sequences.append(fixed) }
        let useful = sequences.map(mostSelectiveWindow).map { ($0, chance($0)) }.filter { $0.1 <= maximumChance }
        return Analysis(
            requirements: sets.isEmpty ? nil : Array(sets.prefix(maximumRequirements)),
            classSequences: Array(useful.sorted { $0.1 < $1.1 }.map(\.0).prefix(maximumClassSequences)),
            minimumDigits: factor.digits)
    }

    /// How many atom sets a regex is filtered on at most (each one is a bit in the scanner's mask).
    public static let maximumRequirements = 4
    /// Largest set of strings a run of literals is expanded into before the analysis gives up on it.
    static let maximumExpansion = 64
    /// Longest atom the expansion builds.
    static let maximumAtomBytes = 128

    /// Class sequences every match of `pattern` contains (runs of consecutive bytes, each from its own set:
    /// `(?<![0-9a-z])[a-z]{2}[0-9]{2} ?…` gives `[a-zA-Z][a-zA-Z][0-9][0-9]`), most selective first, at most
    /// ``maximumClassSequences``, each selective enough to be worth a scan. Empty when there are none or the
    /// pattern is not understood. Letters are in both cases; classes with non-ASCII members, negated
    /// classes, `\s` and `.` end a sequence (they may consume a multi-byte character).
    public static func classSequences(of pattern: String) -> [[ByteSet]] {
        analyze(pattern).classSequences
    }

    /// Longest class sequence used (a longer one is cut to its most selective window, which every match
    /// contains as well): four fit in one word of the scanner.
    public static let maximumClassSequenceLength = 16

    private static func mostSelectiveWindow(_ sequence: [ByteSet]) -> [ByteSet] {
        guard sequence.count > maximumClassSequenceLength else { return sequence }
        let windows = (0...(sequence.count - maximumClassSequenceLength)).map {
            Array(sequence[$0..<($0 + maximumClassSequenceLength)])
        }
        return windows.min { chance($0) < chance($1) }!
    }

    /// How many class sequences a regex is filtered on at most.
    public static let maximumClassSequences = 3
    /// Highest `chance` a class sequence may have to be used: about that of three digits in a row, or of
    /// two letters and two digits.
    static let maximumChance = 1.0 / 4096

    /// How likely random bytes are to match the sequence at one position: the product of set size / 256.
    static func chance(_ sequence: [ByteSet]) -> Double {
        sequence.reduce(1) { $0 * Double($1.count) / 256 }
    }

    private static func unique(_ atoms: [[UInt8]]) -> [[UInt8]] {
        var unique: [[UInt8]] = []
        for atom in atoms where !unique.contains(atom) { unique.append(atom) }
        return unique
    }

    /// The fewest ASCII digits any match of `pattern` contains (`\d`, `[0-9]`-style classes and digit
    /// literals, times their minimum repetition): a text with fewer digits cannot match. 0 when unknown.
    public static func minimumDigits(of pattern: String) -> Int {
        analyze(pattern).minimumDigits
    }

    /// What every match of a construct must contain.
    private struct Factor {
        /// Every string the construct can match, when that set is small and known (`nil` otherwise).
        var exact: [[UInt8]]?
        /// Useful atom sets every match contains one of each (a conjunction of disjunctions).
        var required: [[[UInt8]]]
        /// ASCII digits it contains at least.
        var digits: Int
        /// The byte sets of every byte it consumes, when that is a fixed number of bytes (`nil` otherwise).
        var fixedClasses: [ByteSet]? = nil
        /// Class sequences every match contains.
        var classSequences: [[ByteSet]] = []

        static let none = Factor(exact: nil, required: [], digits: 0)
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

        /// `branch ( '|' branch )*`: a match contains one branch's atoms, so the alternation requires the
        /// union of each branch's best set (none if some branch has none); its exact strings are the union.
        mutating func alternation() -> Factor {
            var union: [[UInt8]]? = []
            var exact: [[UInt8]]? = []
            var digits = Int.max
            var branches: [Factor] = []
            var fixedClasses: [ByteSet]?
            while true {
                // Every branch, the empty ones included (`(|x)`, a leading `|`): an empty branch has no
                // atoms and no digits, so the alternation has none either.
                let branch = self.branch()
                if unsupported { return .none }
                if branches.isEmpty {
                    fixedClasses = branch.fixedClasses
                } else if let sofar = fixedClasses, let these = branch.fixedClasses, sofar.count == these.count {
                    fixedClasses = zip(sofar, these).map { $0.union($1) }
                } else {
                    fixedClasses = nil
                }
                branches.append(branch)
                if let best = Concatenation.ranked(branch.required).first, let sofar = union { union = sofar + best } else { union = nil }
                if let strings = branch.exact, let sofar = exact, sofar.count + strings.count <= RequiredLiterals.maximumExpansion {
                    exact = sofar + strings.filter { !sofar.contains($0) }
                } else {
                    exact = nil
                }
                digits = min(digits, branch.digits)
                guard current == "|" else { break }
                position += 1
            }
            // A single branch keeps all its sets.
            if branches.count == 1 { return branches[0] }
            return Factor(exact: exact, required: union.map { [$0] } ?? [], digits: digits, fixedClasses: fixedClasses)
        }

        /// A concatenation: expands runs of literals into their strings and collects every required set.
        private mutating func branch() -> Factor {
            var pieces = Concatenation()
            var digits = 0
            func addDigits(_ count: Int, times repeats: Int) {
                digits = min(RequiredLiterals.digitCap, digits + min(RequiredLiterals.digitCap, count * min(repeats, RequiredLiterals.digitCap)))
            }
            while let scalar = current, scalar != "|", scalar != ")" {
                switch scalar {
                case "(":
                    let group = self.group()
                    if unsupported { return .none }
                    let (minimum, maximum) = quantifier()
                    if group.isAssertion { break }  // zero-width: consumes nothing, leaves the run intact
                    pieces.appendGroup(group.factor, minimum: minimum, maximum: maximum)
                    addDigits(group.factor.digits, times: minimum)
                case "[":
                    let start = position
                    skipClass()
                    let set = unsupported ? nil : classSet(scalars[(start + 1)..<(position - 1)])
                    let onlyDigits = set.map { $0.union(.digits) == .digits } ?? false
                    let (minimum, maximum) = quantifier()
                    pieces.breakRun()
                    pieces.appendClasses(set.map { [$0] }, minimum: minimum, maximum: maximum)
                    if onlyDigits { addDigits(1, times: minimum) }
                case "\\":
                    position += 1
                    guard let escaped = current else { unsupported = true; return .none }
                    position += 1
                    if escaped.isASCII, !Self.isASCIIAlphanumeric(escaped) {
                        literal(escaped, into: &pieces)
                    } else if escaped == "Q" || escaped == "E" {
                        unsupported = true  // \Q…\E quoting is not analysed
                    } else if "bBAzZG".unicodeScalars.contains(escaped) {
                        _ = quantifier()  // an assertion: consumes nothing
                    } else {
                        // \d \w \s \p{…} \x{…} \1 \k<…> …: a class, a code point or a back reference —
                        // none contributes a known literal.
                        skipEscapeArgument(after: escaped)
                        let (minimum, maximum) = quantifier()
                        pieces.breakRun()
                        let set: ByteSet? = escaped == "d" ? .digits : escaped == "w" ? .word : nil
                        pieces.appendClasses(set.map { [$0] }, minimum: minimum, maximum: maximum)
                        if escaped == "d" { addDigits(1, times: minimum) }
                    }
                case "^", "$":
                    position += 1
                    _ = quantifier()  // an assertion: consumes nothing
                case ".":
                    position += 1
                    _ = quantifier()
                    pieces.breakRun()
                    pieces.appendClasses(nil, minimum: 0, maximum: nil)
                case "*", "+", "?", "{":
                    unsupported = true  // a quantifier with nothing before it
                default:
                    position += 1
                    let isDigit = scalar >= "0" && scalar <= "9"
                    let minimum = literal(scalar, into: &pieces)
                    if isDigit { addDigits(1, times: minimum) }
                }
                if unsupported { return .none }
            }
            return pieces.finish(digits: digits)
        }

        /// A literal scalar, case-folded, then any quantifier on it. Returns the quantifier's minimum (1
        /// without one).
        @discardableResult
        private mutating func literal(_ scalar: Unicode.Scalar, into pieces: inout Concatenation) -> Int {
            var folded = scalar
            if scalar.isASCII, scalar.value >= 0x41, scalar.value <= 0x5A {
                folded = Unicode.Scalar(scalar.value + 0x20)!
            } else if !scalar.isASCII, !(0x3400...0x9FFF).contains(scalar.value), scalar.properties.changesWhenCaseMapped {
                // A cased non-ASCII letter: under (?i) PCRE2 matches case variants the normaliser keeps
                // apart (Greek σ/ς/Σ), so no literal from it is safe to require. (Ideographs, the common
                // case, have no case, and the property lookup is slow.)
                unsupported = true
                return 0
            }
            let (minimum, maximum) = quantifier()
            var bytes: [UInt8] = []
            UTF8.encode(folded) { bytes.append($0) }
            let literal = Factor(exact: [bytes], required: [], digits: 0, fixedClasses: bytes.map(ByteSet.eitherCase))
            pieces.appendGroup(literal, minimum: minimum, maximum: maximum)
            return minimum
        }

        /// Consumes a quantifier if one follows (with its lazy/possessive suffix); returns its minimum and
        /// maximum count (`nil` = unbounded), `(1, 1)` when there is none.
        private mutating func quantifier() -> (minimum: Int, maximum: Int?) {
            guard let scalar = current else { return (1, 1) }
            var bounds: (minimum: Int, maximum: Int?)
            switch scalar {
            case "*":
                position += 1
                bounds = (0, nil)
            case "?":
                position += 1
                bounds = (0, 1)
            case "+":
                position += 1
                bounds = (1, nil)
            case "{":
                // Exactly {n}, {n,} or {n,m} with ASCII digits; anything else is a literal brace in PCRE2
                // and is refused.
                func isDigit(_ q: Int) -> Bool { q < scalars.count && scalars[q] >= "0" && scalars[q] <= "9" }
                func number(from start: Int, to end: Int) -> Int? {
                    guard end > start, end - start <= 6 else { return nil }
                    return Int(String(String.UnicodeScalarView(scalars[start..<end])))
                }
                var q = position + 1
                let lowerStart = q
                while isDigit(q) { q += 1 }
                guard let lower = number(from: lowerStart, to: q) else { unsupported = true; return (0, nil) }
                var upper: Int? = lower
                if q < scalars.count, scalars[q] == "," {
                    q += 1
                    let upperStart = q
                    while isDigit(q) { q += 1 }
                    upper = q > upperStart ? number(from: upperStart, to: q) : nil
                    if q > upperStart, upper == nil { unsupported = true; return (0, nil) }
                }
                guard q < scalars.count, scalars[q] == "}" else { unsupported = true; return (0, nil) }
                position = q + 1
                bounds = (lower, upper)
            default:
                return (1, 1)
            }
            if let suffix = current, suffix == "?" || suffix == "+" { position += 1 }
            return bounds
        }

        /// `( … )` in its plain, non-capturing, named and lookaround forms. Lookarounds and bare option
        /// settings such as `(?i)` are assertions: they consume nothing.
        private mutating func group() -> (factor: Factor, isAssertion: Bool) {
            position += 1  // (
            var lookaround = false
            if current == "?" {
                position += 1
                guard let kind = current else { unsupported = true; return (.none, false) }
                switch kind {
                case ":", ">", "|":
                    position += 1
                    if kind == "|" { unsupported = true; return (.none, false) }
                case "=", "!":
                    position += 1
                    lookaround = true
                case "<":
                    position += 1
                    if current == "=" || current == "!" || current == "*" {  // (?<* non-atomic lookbehind
                        position += 1
                        lookaround = true
                    } else {
                        skipName(until: ">")
                    }
                case "P":
                    position += 1
                    guard current == "<" else { unsupported = true; return (.none, false) }
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
                        guard "imsnU-".unicodeScalars.contains(scalars[q]) else { unsupported = true; return (.none, false) }
                        q += 1
                    }
                    guard q < scalars.count else { unsupported = true; return (.none, false) }
                    position = q + 1
                    if scalars[q] == ")" { return (.none, true) }  // (?i) alone: a flag change, no content
                }
            }
            let inner = alternation()
            guard !unsupported, current == ")" else { unsupported = true; return (.none, false) }
            position += 1
            return lookaround ? (.none, true) : (inner, false)
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

        /// The bytes a character class (its contents, between the brackets) can consume, when it only holds
        /// ASCII literals, ASCII ranges, `\d`, `\w` and escaped punctuation; `nil` otherwise.
        private func classSet(_ contents: ArraySlice<Unicode.Scalar>) -> ByteSet? {
            var set = ByteSet()
            let items = Array(contents)
            guard let first = items.first, first != "^" else { return nil }
            var index = 0
            /// The literal at `index` (an ASCII scalar or escaped punctuation), advancing past it.
            func literal() -> UInt8? {
                var scalar = items[index]
                if scalar == "\\" {
                    guard index + 1 < items.count else { return nil }
                    index += 1
                    scalar = items[index]
                    guard scalar.isASCII, !Self.isASCIIAlphanumeric(scalar) else { return nil }
                }
                index += 1
                return scalar.isASCII ? UInt8(scalar.value) : nil
            }
            while index < items.count {
                if items[index] == "\\", index + 1 < items.count, items[index + 1] == "d" || items[index + 1] == "w" {
                    set = set.union(items[index + 1] == "d" ? .digits : .word)
                    index += 2
                    continue
                }
                if items[index] == "[" { return nil }  // POSIX classes
                guard let low = literal() else { return nil }
                if index + 1 < items.count, items[index] == "-" {
                    index += 1
                    guard let high = literal(), high >= low else { return nil }
                    for byte in low...high { set = set.union(.eitherCase(byte)) }
                } else {
                    set = set.union(.eitherCase(low))
                }
            }
            return set.count > 0 ? set : nil
        }

        /// Skips a character class. Its extent is certain: patterns with syntax that could hide or fake a
        /// closing bracket never get here (see `ClassSyntax.hasUncertainSyntax`).
        private mutating func skipClass() {
            position += 1  // [
            if current == "^" { position += 1 }
            if current == "]" { position += 1 }  // a leading ] is a member
            while let scalar = current, scalar != "]" {
                if scalar == "\\" {
                    position += 2
                } else if scalar == "[", let end = ClassSyntax.posixClassEnd(scalars, at: position) {
                    position = end
                } else {
                    position += 1
                }
            }
            if current == "]" { position += 1 } else { unsupported = true }
        }

        private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
        }
    }

    /// One concatenation being read: the strings the current run of literal pieces can spell, and every
    /// required atom set found so far.
    private struct Concatenation {
        private var required: [[[UInt8]]] = []
        /// Every string the pieces since the last inexact one can spell (`[[]]`: just the empty string).
        private var run: [[UInt8]] = [[]]
        /// Whether every piece so far was exact (so `run` is all the concatenation can match).
        private var isExact = true
        /// Byte sets of the consecutive bytes consumed since the last piece of unknown length.
        private var classRun: [ByteSet] = []
        /// Whether every piece so far consumed a fixed number of bytes (so `classRun` is all of them).
        private var classesFixed = true
        private var classSequences: [[ByteSet]] = []

        /// A piece matched `minimum`…`maximum` times (`nil` = unbounded).
        mutating func appendGroup(_ factor: Factor, minimum: Int, maximum: Int?) {
            appendClasses(factor.fixedClasses, minimum: minimum, maximum: maximum, inner: factor.classSequences)
            if let strings = factor.exact, maximum == 1 {
                extend(with: minimum == 0 && !strings.contains([]) ? strings + [[]] : strings)
                return
            }
            if minimum >= 1 {
                // Its first repetition follows the run directly; what comes after it is not known.
                if let strings = factor.exact { extend(with: strings) }
                required += factor.required
            }
            breakRun()
        }

        /// Ends the run at a piece whose strings are unknown (a class, `.`, a repetition).
        mutating func breakRun() {
            endRun()
            isExact = false
        }

        /// A piece consuming `sequence` (`nil`: bytes unknown) `minimum`…`maximum` times; `inner` are the
        /// class sequences inside it, required when it occurs at least once.
        mutating func appendClasses(_ sequence: [ByteSet]?, minimum: Int, maximum: Int?, inner: [[ByteSet]] = []) {
            guard let sequence else {
                endClassRun()
                if minimum >= 1 { classSequences += inner }
                return
            }
            for _ in 0..<min(minimum, ClassSequenceScanner.maximumLength) {
                for set in sequence { pushClass(set) }
            }
            if maximum != minimum || minimum > ClassSequenceScanner.maximumLength { endClassRun() }
        }

        private mutating func pushClass(_ set: ByteSet) {
            if classRun.count == ClassSequenceScanner.maximumLength { endClassRun() }
            classRun.append(set)
        }

        private mutating func endClassRun() {
            if classRun.count >= 2 { classSequences.append(classRun) }
            classRun = []
            classesFixed = false
        }

        /// The branch's factor, once every piece is read.
        mutating func finish(digits: Int) -> Factor {
            let exact = isExact ? run : nil
            endRun()
            let fixed = classesFixed ? classRun : nil
            if fixed == nil, classRun.count >= 2 { classSequences.append(classRun) }
            return Factor(exact: exact, required: required, digits: digits, fixedClasses: fixed, classSequences: classSequences)
        }

        /// Appends one of `strings` to every string of the run; a run that would grow too large ends, and a
        /// new one starts with `strings`.
        private mutating func extend(with strings: [[UInt8]]) {
            let longest = run.reduce(0) { max($0, $1.count) } + strings.reduce(0) { max($0, $1.count) }
            guard run.count * strings.count <= RequiredLiterals.maximumExpansion, longest <= RequiredLiterals.maximumAtomBytes else {
                endRun()
                isExact = false
                run = strings
                return
            }
            var product: [[UInt8]] = []
            for prefix in run {
                for suffix in strings where !product.contains(prefix + suffix) { product.append(prefix + suffix) }
            }
            run = product
        }

        private mutating func endRun() {
            if run.allSatisfy(RequiredLiterals.isUseful) { required.append(run) }
            run = [[]]
        }

        /// Useful sets, most selective first: the weakest member's length (doubled, so that a rare single
        /// byte ranks between an ordinary single byte and two bytes), then fewer members.
        static func ranked(_ sets: [[[UInt8]]]) -> [[[UInt8]]] {
            func score(_ atoms: [[UInt8]]) -> Int {
                atoms.map { atom in
                    atom.count == 1 && RequiredLiterals.rareSingleBytes.contains(atom[0]) ? 3 : atom.count * 2
                }.min() ?? 0
            }
            let useful = sets.filter { !$0.isEmpty && $0.allSatisfy(RequiredLiterals.isUseful) }
            return useful.enumerated().sorted { a, b in
                let (sa, sb) = (score(a.element), score(b.element))
                if sa != sb { return sa > sb }
                if a.element.count != b.element.count { return a.element.count < b.element.count }
                return a.offset < b.offset
            }.map(\.element)
        }
    }
}
