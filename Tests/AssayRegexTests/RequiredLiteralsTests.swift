import Testing

@testable import AssayRegex

@Suite("Required literals")
struct RequiredLiteralsTests {
    /// Whether `matched` contains one of `atoms` somewhere.
    private func containsAtom(_ matched: [UInt8], _ atoms: [[UInt8]]) -> Bool {
        atoms.contains { atom in
            matched.count >= atom.count
                && (0...(matched.count - atom.count)).contains { Array(matched[$0..<($0 + atom.count)]) == atom }
        }
    }

    private func atoms(_ pattern: String) -> [String]? {
        RequiredLiterals.atoms(of: pattern)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a literal run around classes gives its longest required piece")
    func longestLiteralRun() {
        #expect(atoms(#"保证\d+天"#) == ["保证"])
        #expect(atoms(#"100%\s*natural"#) == ["natural"])
        #expect(atoms(#"(?<![0-9])1[3-9]\d{9}(?![0-9])"#) == nil)
    }

    @Test("an alternation group needs an atom in every branch")
    func alternationGroups() {
        #expect(atoms(#"(?:微信|vx|wx)[:：]?\s*[a-z0-9_-]{5,}"#) == ["微信", "vx", "wx"])
        #expect(atoms(#"(?:微信|v|wx)\d+"#) == nil)
        #expect(atoms(#"refund|退款"#) == ["refund", "退款"])
        #expect(atoms(#"refund|\d+"#) == nil)
    }

    @Test("an optional character or group is spelled both ways; longer optional repetitions end the run")
    func optionalPieces() {
        #expect(atoms(#"colou?r"#) == ["colour", "color"])
        #expect(atoms(#"(?:free )?shipping"#) == ["free shipping", "shipping"])
        #expect(atoms(#"(?:guarantee)?\d+"#) == nil)
        #expect(atoms(#"ab{0,3}cd"#) == ["cd"])
        #expect(atoms(#"(?:abc){2}x"#) == ["abc"])
    }

    @Test("literals are case-folded like the texts regexes run on")
    func caseFolding() {
        #expect(atoms(#"(?i)WeChat"#) == ["wechat"])
        #expect(atoms(#"FDA\s+approved"#) == ["approved"])
    }

    @Test("escaped punctuation is literal; classes, properties and back references are not")
    func escapes() {
        #expect(atoms(#"www\.taobao\.com"#) == ["www.taobao.com"])
        #expect(atoms(#"\p{Han}+店"#) == ["店"])
        #expect(atoms(#"\p{Han}+a"#) == nil)
        #expect(atoms(#"\p{Han}{2}旗舰店"#) == ["旗舰店"])
        #expect(atoms(#"(\w+)\1-copy"#) == ["-copy"])
        #expect(atoms(#"\x{4e00}abc"#) == ["abc"])
    }

    @Test("a rare single byte such as the @ of an e-mail address is an atom; a lone letter is not")
    func rareSingleBytes() {
        #expect(atoms(#"[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}"#) == ["@"])
        #expect(atoms(#"(?:加|\+)我?(?:v|微|薇)\s*[a-z0-9_-]{6,20}"#) == [
            "加我v", "加我微", "加我薇", "加v", "加微", "加薇", "+我v", "+我微", "+我薇", "+v", "+微", "+薇",
        ])
        #expect(atoms(#"x\d+"#) == nil)
    }

    @Test("every required piece of a concatenation is a set of its own, most selective first")
    func conjunctions() {
        func sets(_ pattern: String) -> [[String]]? {
            RequiredLiterals.requirements(of: pattern)?.map { $0.map { String(decoding: $0, as: UTF8.self) } }
        }
        #expect(sets(#"(?<![0-9])[0-9]{1,3}\s*(?:天|日|周|个月)\s*见效"#) == [["见效"], ["天", "日", "周", "个月"]])
        #expect(sets(#"(?:瘦|减|掉)\s*[0-9]{1,3}\s*(?:斤|公斤)"#) == [["斤", "公斤"], ["瘦", "减", "掉"]])
        #expect(sets(#"(?:was|originally)\s*\$\s*[0-9]+"#) == [["was", "originally"], ["$"]])
        // Inside an alternation only one branch is required: its best set joins the union.
        #expect(sets(#"abc\d+xyz|qq\d+"#) == [["abc", "qq"]])
        // A repeated exact group: its first repetition continues the run.
        #expect(sets(#"x(?:ab){2,}"#) == [["xab"], ["ab"]])
        #expect(sets(#"a{2}|"#) == nil)
    }

    @Test("lookarounds do not contribute atoms and do not split the literal run around them")
    func lookarounds() {
        #expect(atoms(#"(?=.*sale)\d+"#) == nil)
        #expect(atoms(#"(?<!不)保证"#) == ["保证"])
        #expect(atoms(#"ab(?=c)cd"#) == ["abcd"])
        #expect(atoms(#"\bsale\b"#) == ["sale"])
    }

    @Test("constructs the analysis does not read give no atoms, so the regex always runs")
    func unsupportedConstructs() {
        #expect(atoms(#"(?x) a b c "#) == nil)
        #expect(atoms(#"\Qa.b\E"#) == nil)
        #expect(atoms(#"a"#) == nil)
        #expect(atoms(#"abc)"#) == nil)
        #expect(atoms(#""#) == nil)
    }

    @Test("every match of a regex contains one of its atoms")
    func atomsAreSound() throws {
        let cases: [(String, [String])] = [
            (#"(?:微信|vx|wx)[:：]?\s*[a-z0-9_-]{5,}"#, ["加微信:abc_123", "vx  hello_world", "wx12345"]),
            (#"保证\d+天(?:见效|退款)"#, ["保证7天见效", "保证30天退款"]),
            (#"colou?r|hue"#, ["color", "colour", "hue"]),
        ]
        for (pattern, texts) in cases {
            let regex = try CompiledRegex(pattern: pattern)
            let atoms = try #require(RequiredLiterals.atoms(of: pattern))
            for text in texts {
                for range in regex.scan(text).ranges {
                    #expect(containsAtom(Array(Array(text.utf8)[range]), atoms), "\(pattern) on \(text)")
                }
            }
        }
    }

    @Test("the minimum digit count of a match comes from digit classes, digit literals and their repetitions")
    func minimumDigits() {
        #expect(RequiredLiterals.minimumDigits(of: #"(?<![0-9])1[3-9]\d{9}(?![0-9])"#) == 11)
        #expect(RequiredLiterals.minimumDigits(of: #"(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])"#) == 9)
        #expect(RequiredLiterals.minimumDigits(of: #"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}"#) == 10)
        #expect(RequiredLiterals.minimumDigits(of: #"(?:\+86)?1(?:[ -]?[0-9]){10}"#) == 11)
        #expect(RequiredLiterals.minimumDigits(of: #"1\d{10}|[a-z]{2}\d{2}"#) == 2)
        #expect(RequiredLiterals.minimumDigits(of: #"[0-9-]{8}"#) == 0)
        #expect(RequiredLiterals.minimumDigits(of: #"[^0-9]\d?"#) == 0)
        #expect(RequiredLiterals.minimumDigits(of: #"(?=\d{5})\w+"#) == 0)
        #expect(RequiredLiterals.minimumDigits(of: #"\d{3}\Q"#) == 0)
    }

    @Test("review regressions: empty alternatives, \\g references, octal escapes, cased non-ASCII letters, odd braces")
    func readingEdgeCases() throws {
        // (pattern, a text it matches): the analysis must never rule that text out.
        let cases: [(String, String)] = [
            (#"(|\+86)\d{11}"#, "13812345678"),
            (#"|abc"#, "xyz"),
            (#"(.)\g1{4,}"#, "soooooo"),
            (#"\b(\w+)\s+\g1\b"#, "the the"),
            (#"(\d{3})-\g<1>"#, "123-123"),
            (#"(\d{3})-\g{-1}"#, "123-123"),
            (#"foo\012bar"#, "foo\nbar"),
            (#"(?i)πως"#, "πωσ"),
            (#"9{5,,}"#, "9{5,,}"),
            (#"a{,3}b"#, "a{,3}b"),
            // Second review: PCRE2 skips \E and \Q\E at a class's start (so the "]" after is a member),
            // quotes "]" with \Q…\E, takes "]" as the argument of \c, and reads "[:" as POSIX only when
            // ":]" comes first; a "-" right after a range is a literal hyphen; (?<* is a lookbehind.
            (#"[\E]ab]"#, "a"), (#"[\Q\E]ab]"#, "a"), (#"[^\E]ab]"#, "中"), (#"[a\Q]bc[\E]d]"#, "ad]"),
            (#"[\c]ab]"#, "a"), (#"[\c]0]"#, "\u{1D}"), (#"[[:][]ab]"#, "[a"), (#">b(?<*>b)c"#, ">bc"),
            (#"[0-3-9]"#, "-"), (#"[0-9-0]"#, "-"),
        ]
        for (pattern, text) in cases {
            let regex = try CompiledRegex(pattern: pattern)
            let bytes = Array(text.utf8)
            for range in regex.scan(bytes).ranges {
                let matched = Array(bytes[range])
                let digits = matched.filter { $0 >= 0x30 && $0 <= 0x39 }.count
                #expect(digits >= RequiredLiterals.minimumDigits(of: pattern), "\(pattern) on \(text): digits")
                if let atoms = RequiredLiterals.atoms(of: pattern) {
                    #expect(containsAtom(matched, atoms), "\(pattern) on \(text): atoms \(atoms)")
                }
            }
            #expect(!regex.scan(bytes).ranges.isEmpty, "\(pattern) should match \(text)")
        }
    }

    @Test("on thousands of generated patterns, every match holds an atom of each required set and the minimum digits")
    func generatedPatternsAreSound() throws {
        var random = SplitMix(seed: 0xA55A)
        let pieces = [
            "a", "b", "ab", "7", "天", "见效", "\\d", "[0-9]", "[ab]", ".", "\\s*", "\\b", "(?=a)", "(?<!b)", "$", "^",
            "\\w", "[a-c7-9]", "[^a]", "-", "[ -]", "(?i)",
            "[0-3-9]", "[a-]", "[[:digit:]]", "[]a]", "[^]a]", "(?<*a)", "[\\E]a]", "[\\c]a]", "\\Qa\\E", "[[:]a]",
        ]
        let texts = [
            "ab7 天见效 ab", "aab77b 见效天", "7天见效", "b a 7 7", "天天 ab ba", "见效7ab", "", "ababab 777", "ab-77 a7b-c9",
            "7-7 aa-bb 77a",
        ]
        func piece(_ depth: Int) -> String {
            switch random.next(9) {
            case 0 where depth < 3:
                let branches = (0...random.next(2)).map { _ in sequence(depth + 1) }
                return "(?:" + branches.joined(separator: "|") + ")"
            case 1 where depth < 3:
                return "(" + sequence(depth + 1) + ")"
            default:
                return pieces[random.next(pieces.count)]
            }
        }
        func quantified(_ depth: Int) -> String {
            let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}"]
            let base = piece(depth)
            if base.hasPrefix("(?=") || base.hasPrefix("(?<") || base == "$" || base == "^" || base == "\\b" || base.hasSuffix("*") { return base }
            return base + quantifiers[random.next(quantifiers.count)]
        }
        func sequence(_ depth: Int) -> String { (0...random.next(4)).map { _ in quantified(depth) }.joined() }
        var checked = 0
        for _ in 0..<3_000 {
            let pattern = sequence(0)
            guard let regex = try? CompiledRegex(pattern: pattern) else { continue }
            let sets = RequiredLiterals.requirements(of: pattern)
            let digits = RequiredLiterals.minimumDigits(of: pattern)
            let sequences = RequiredLiterals.classSequences(of: pattern)
            for text in texts {
                let bytes = Array(text.utf8)
                for range in regex.scan(bytes).ranges {
                    let matched = Array(bytes[range])
                    checked += 1
                    #expect(matched.filter { $0 >= 0x30 && $0 <= 0x39 }.count >= digits, "\(pattern) on \(text): digits")
                    for atoms in sets ?? [] {
                        #expect(containsAtom(matched, atoms), "\(pattern) on \(text): \(atoms.map { String(decoding: $0, as: UTF8.self) })")
                    }
                    for sequence in sequences {
                        #expect(Self.contains(matched, sequence), "\(pattern) on \(text): a class sequence of \(sequence.count)")
                    }
                }
            }
        }
        #expect(checked > 1_000)
    }
}

extension RequiredLiteralsTests {
    /// Whether `bytes` has `sequence.count` consecutive bytes, each in its set.
    static func contains(_ bytes: [UInt8], _ sequence: [ByteSet]) -> Bool {
        guard bytes.count >= sequence.count else { return false }
        return (0...(bytes.count - sequence.count)).contains { start in
            sequence.indices.allSatisfy { sequence[$0].contains(bytes[start + $0]) }
        }
    }

    @Test("a regex without literals still yields the byte classes it consumes in a row")
    func classSequences() {
        func shapes(_ pattern: String) -> [String] {
            RequiredLiterals.classSequences(of: pattern).map { sequence in
                sequence.map { set in
                    set == ByteSet.digits ? "d" : set == ByteSet.eitherCase(0x61).union(ByteSet(0x62...0x7A)).union(ByteSet(0x41...0x5A)) ? "L" : "?"
                }.joined()
            }
        }
        // IBAN: two letters and two digits, then four letters or digits (too common alone to be used).
        #expect(shapes(#"(?<![0-9a-z])[a-z]{2}[0-9]{2} ?[0-9a-z]{4}(?: ?[0-9a-z]{4}){1,7}(?![0-9a-z])"#) == ["LLdd"])
        // A card number: a group repeated an exact number of times is unrolled into the run (cut to its
        // most selective 16 positions).
        #expect(shapes(#"(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){3}(?![0-9])"#) == ["dddd?dddd?dddd?d"])
        #expect(shapes(#"(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){2,}"#) == ["dddd?dddd?dddd"])
        #expect(shapes(#"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])"#) == ["ddd?dd?dddd"])
        // Alternatives of equal length merge position by position.
        #expect(shapes(#"\d{6}(?:0[1-9]|1[0-2])"#) == ["dddddd?d"])
        #expect(shapes(#"\d\d"#) == [])  // too likely to be worth a scan
        #expect(shapes(#"[^0-9]{4}\s\d{2}"#) == [])
        #expect(shapes(#"\d{3}|x"#) == [])
    }

    @Test("the Shift-And scanner finds exactly the sequences a naive search finds")
    func scannerAgreesWithNaiveSearch() {
        var random = SplitMix(seed: 7)
        let alphabet: [UInt8] = Array("ab7- 天".utf8)
        let sets = [ByteSet.digits, ByteSet(Array("ab".utf8)), ByteSet([0x2D]), ByteSet(Array("天".utf8)), ByteSet.word]
        for _ in 0..<300 {
            let sequences = (0...random.next(12)).map { _ in (0...random.next(9)).map { _ in sets[random.next(sets.count)] } }
            let scanner = ClassSequenceScanner(sequences)
            let text = (0..<random.next(40)).map { _ in alphabet[random.next(alphabet.count)] }
            let found = text.withUnsafeBufferPointer { scanner.scan($0) }
            #expect(sequences.indices.map { scanner.contains($0, in: found) } == sequences.map { Self.contains(text, $0) })
            #expect(text.withUnsafeBufferPointer { scanner.containsAll($0) } == sequences.allSatisfy { Self.contains(text, $0) })
        }
    }
}

/// A small deterministic generator (SplitMix64) for the generated-pattern and scanner tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
