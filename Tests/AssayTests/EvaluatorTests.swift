import Testing
@testable import Assay

/// `(match, start, end)` of each violation, the shape most evaluator assertions compare.
private func spans(_ violations: [Violation]) -> [String] {
    violations.map { "\($0.match ?? "nil")@\($0.start.map(String.init) ?? "-")..<\($0.end.map(String.init) ?? "-")" }
}

private func listing(_ title: String, _ extra: String = "") -> String {
    #"{"kind": "listing", "title": "\#(title)"\#(extra)}"#
}

@Suite("Evaluator: vocabulary terms")
struct TermMatchingTests {
    static let absolute = """
        vocabulary absolute { "最佳" "第一" "最" "国家级" "no.1" }
        vocabulary absolute_allow { "最佳赏味期" "第一次" "最近" }

        """ + TestPolicy.rule(when: "title matches terms(absolute) except terms(absolute_allow)")

    @Test(
        "an allow phrase wins over a shorter denied term inside it",
        arguments: ["最佳赏味期 12 个月", "第一次购买", "最近上新"])
    func allowPhraseWins(title: String) throws {
        let policy = try TestPolicy.load(Self.absolute)
        #expect(try TestPolicy.violations(policy, listing(title)).isEmpty)
    }

    @Test("an allow phrase does not clear a denied term outside it in the same text")
    func allowPhraseIsLocal() throws {
        let policy = try TestPolicy.load(Self.absolute)
        #expect(spans(try TestPolicy.violations(policy, listing("最佳赏味期 最佳口感"))) == ["最佳@6..<8"])
    }

    @Test(
        "evasions are matched and reported as written",
        arguments: [
            ("全网最 佳面膜", "最 佳"),
            ("全网最*佳面膜", "最*佳"),
            ("全网最-佳面膜", "最-佳"),
            ("全网最\u{200B}佳面膜", "最\u{200B}佳"),
            ("國家級 护肤", "國家級"),
            ("ＮＯ．１ in sales", "ＮＯ．１"),
            ("No.1 in sales", "No.1"),
        ])
    func evasions(title: String, match: String) throws {
        let policy = try TestPolicy.load(Self.absolute)
        let violations = try TestPolicy.violations(policy, listing(title))
        #expect(violations.map(\.match) == [match])
    }

    @Test("English terms match whole words only", arguments: [
        ("fake rolex", ["fake"]), ("FAKE!", ["FAKE"]), ("so-called fake.", ["fake"]),
        ("fakeness cream", []), ("unfake", []), ("fake2", []),
    ])
    func wholeWords(title: String, matches: [String]) throws {
        let policy = try TestPolicy.load("vocabulary words { \"fake\" }\n" + TestPolicy.rule(when: "title matches terms(words)"))
        #expect(try TestPolicy.violations(policy, listing(title)).map(\.match) == matches.map(Optional.some))
    }

    @Test("each distinct span is one violation; spans inside longer spans are dropped")
    func distinctSpans() throws {
        let policy = try TestPolicy.load(
            "vocabulary v { \"最佳\" \"最佳产品\" \"佳\" }\nvocabulary w { \"最佳\" }\n"
                + TestPolicy.rule(when: "title matches terms(v) or title matches terms(w)"))
        #expect(spans(try TestPolicy.violations(policy, listing("最佳产品 最佳"))) == ["最佳产品@0..<4", "最佳@5..<7"])
    }

    @Test("a field set reads every field it names and reports each field")
    func fieldSets() throws {
        let policy = try TestPolicy.load(
            "vocabulary v { \"fake\" }\nfields ad_text = [title, description, text]\n"
                + TestPolicy.rule(when: "ad_text matches terms(v)"))
        let violations = try TestPolicy.violations(policy, listing("fake one", #", "description": "also fake""#))
        #expect(Set(violations.map(\.field)) == ["title", "description"])
    }

    @Test("an array field fans out and reports the element's path")
    func arrayFanOut() throws {
        let policy = try TestPolicy.load("vocabulary v { \"fake\" }\n" + TestPolicy.rule(when: "variants.title matches terms(v)"))
        let record = #"{"kind": "listing", "variants": [{"title": "real"}, {"title": "a fake one"}, {"title": "fine"}]}"#
        let violations = try TestPolicy.violations(policy, record)
        #expect(violations.map(\.field) == ["variants.1.title"])
        #expect(spans(violations) == ["fake@2..<6"])
    }

    @Test("an array of strings reports each element")
    func arrayOfStrings() throws {
        let policy = try TestPolicy.load("vocabulary v { \"fake\" }\n" + TestPolicy.rule(when: "tags matches terms(v)"))
        let violations = try TestPolicy.violations(policy, #"{"kind": "listing", "tags": ["ok", "fake", "x fake"]}"#)
        #expect(violations.map(\.field) == ["tags.1", "tags.2"])
    }
}

@Suite("Evaluator: near, bindings and tables")
struct BindingTests {
    @Test("A near B within N gives one violation spanning both, in either order", arguments: [
        ("Gucci dupe bag", ["Gucci dupe"]),
        ("dupe of Gucci", ["dupe of Gucci"]),
        ("Gucci bag, a great price, and not a dupe", []),
        ("Gucci bag", []),
    ])
    func near(title: String, matches: [String]) throws {
        let policy = try TestPolicy.load(
            "vocabulary brands { \"gucci\" }\nvocabulary copy { \"dupe\" }\n"
                + TestPolicy.rule(when: "title matches terms(brands) near terms(copy) within 5"))
        #expect(try TestPolicy.violations(policy, listing(title)).map(\.match) == matches.map(Optional.some))
    }

    static let floors = """
        vocabulary brands { "rolex" "劳力士" => "rolex" "omega" }
        table floors {
          columns brand: string, currency: string, floor: number
          key brand, currency
          row "rolex", "CNY", 10_000
          row "Rolex", "USD", 1_500
        }

        """ + TestPolicy.rule(
            message: "{b.canonical} ({b.text}) at {price} {currency} is under {canonical} floor",
            when: "title matches terms(brands) as b and price < floors[b.canonical, currency].floor")

    @Test(
        "as b + table lookup fires only for the right brand and currency, and never without a row",
        arguments: [
            ("劳力士 水鬼", 500, "CNY", true),
            ("劳力士 水鬼", 9_999, "cny", true),
            ("劳力士 水鬼", 10_000, "CNY", false),
            ("Rolex Submariner", 500, "USD", true),
            ("Rolex Submariner", 2_000, "USD", false),
            ("Rolex Submariner", 1, "JPY", false),
            ("Omega Seamaster", 1, "CNY", false),
            ("plain watch", 1, "CNY", false),
        ] as [(String, Int, String, Bool)])
    func brandFloor(title: String, price: Int, currency: String, fires: Bool) throws {
        let policy = try TestPolicy.load(Self.floors)
        let violations = try TestPolicy.violations(policy, listing(title, #", "price": \#(price), "currency": "\#(currency)""#))
        #expect(violations.count == (fires ? 1 : 0))
    }

    @Test("binding, canonical and field placeholders fill the message")
    func bindingMessage() throws {
        let policy = try TestPolicy.load(Self.floors)
        let violations = try TestPolicy.violations(policy, listing("正品 劳力士", #", "price": 500, "currency": "CNY""#))
        #expect(violations.map(\.message) == ["rolex (劳力士) at 500 CNY is under rolex floor"])
        #expect(spans(violations) == ["劳力士@3..<6"])
    }

    @Test("each bound match is tried in turn: a later brand can satisfy the rest of the chain")
    func eachMatchTried() throws {
        let policy = try TestPolicy.load(Self.floors)
        let violations = try TestPolicy.violations(policy, listing("omega strap for rolex", #", "price": 900, "currency": "USD""#))
        #expect(violations.map(\.match) == ["rolex"])
    }

    static let thresholds = """
        table thresholds {
          columns jurisdiction: string, op: comparator, amount: number
          row "CN", ">=", 5_000_000
          row "US-CA", >, 100_000
          row "DE", "<=", 22_000
        }

        """ + TestPolicy.rule(
            kinds: "merchant", message: "{sales_12m} {t.op} {t.amount} in {jurisdiction}",
            lets: ["t = thresholds[jurisdiction]"], when: "compare(sales_12m, t.op, t.amount) and tax_registered != true")

    @Test(
        "compare() takes its comparator from the table, boundaries exactly as the comparator says",
        arguments: [
            ("CN", "5000000", true), ("CN", "4999999", false), ("CN", #""5,000,000""#, true),
            ("US-CA", "100000", false), ("US-CA", "100001", true), ("us-ca", "100001", true),
            ("DE", "22000", true), ("DE", "22001", false),
            ("JP", "999999999", false),
        ])
    func dynamicComparator(jurisdiction: String, sales: String, fires: Bool) throws {
        let policy = try TestPolicy.load(Self.thresholds)
        let record = #"{"kind": "merchant", "jurisdiction": "\#(jurisdiction)", "sales_12m": \#(sales)}"#
        #expect(try TestPolicy.violations(policy, record).count == (fires ? 1 : 0))
    }

    @Test("a let rule does not apply when there is no row, or no key at all")
    func letWithoutRow() throws {
        let policy = try TestPolicy.load(Self.thresholds)
        #expect(try TestPolicy.violations(policy, #"{"kind": "merchant", "sales_12m": 1e12}"#).isEmpty)
        #expect(try TestPolicy.violations(policy, #"{"kind": "merchant", "jurisdiction": null, "sales_12m": 1e12}"#).isEmpty)
    }

    @Test("a threshold violation names the compared field and value, with no offsets")
    func thresholdViolation() throws {
        let policy = try TestPolicy.load(Self.thresholds)
        let violation = try #require(
            try TestPolicy.violations(policy, #"{"kind": "merchant", "jurisdiction": "CN", "sales_12m": 6000000}"#).first)
        #expect(violation.field == "sales_12m")
        #expect(violation.match == "6000000")
        #expect(violation.start == nil && violation.end == nil)
        #expect(violation.message == "6000000 >= 5000000 in CN")
    }

    @Test("a registered merchant is not flagged")
    func unlessByCondition() throws {
        let policy = try TestPolicy.load(Self.thresholds)
        let record = #"{"kind": "merchant", "jurisdiction": "CN", "sales_12m": 6000000, "tax_registered": true}"#
        #expect(try TestPolicy.violations(policy, record).isEmpty)
    }
}

@Suite("Evaluator: conditions")
struct ConditionTests {
    @Test("2 of (…) needs two of its conditions", arguments: [
        (listing("fake"), false),
        (listing("fake", #", "price": 500"#), true),
        (listing("fake replica"), true),
        (listing("nothing", #", "price": 500"#), false),
    ])
    func atLeast(record: String, fires: Bool) throws {
        let policy = try TestPolicy.load(
            "vocabulary a { \"fake\" }\nvocabulary b { \"replica\" }\n"
                + TestPolicy.rule(when: "2 of (title matches terms(a), title matches terms(b), price > 100)"))
        #expect(try TestPolicy.violations(policy, record).isEmpty != fires)
    }

    @Test("unless clears a record its condition holds for")
    func unless() throws {
        let policy = try TestPolicy.load(
            "vocabulary bad { \"replica\" }\nvocabulary licence { \"officially licensed\" }\n"
                + TestPolicy.rule(when: "title matches terms(bad)", unless: "description matches terms(licence)"))
        #expect(try TestPolicy.violations(policy, listing("replica jersey")).count == 1)
        #expect(try TestPolicy.violations(policy, listing("replica jersey", #", "description": "Officially licensed""#)).isEmpty)
    }

    static let markets = "vocabulary v { \"fake\" }\n"
        + TestPolicy.rule("M-CN", markets: "CN", when: "title matches terms(v)")
        + TestPolicy.rule("M-CN-UNKNOWN", markets: "CN, unknown", when: "title matches terms(v)")
        + TestPolicy.rule("M-US", markets: "US", when: "title matches terms(v)")
        + TestPolicy.rule("M-EU", markets: "EU", when: "title matches terms(v)")
        + TestPolicy.rule("M-CA", markets: "US-CA", when: "title matches terms(v)")
        + TestPolicy.rule("M-ALL", when: "title matches terms(v)")

    @Test(
        "markets decide which records a rule judges",
        arguments: [
            (#", "market": "CN""#, ["M-CN", "M-CN-UNKNOWN", "M-ALL"]),
            (#", "market": "cn""#, ["M-CN", "M-CN-UNKNOWN", "M-ALL"]),
            (#", "market": "US""#, ["M-US", "M-ALL"]),
            (#", "market": "US-CA""#, ["M-US", "M-CA", "M-ALL"]),
            (#", "market": "US-NY""#, ["M-US", "M-ALL"]),
            (#", "market": "DE""#, ["M-EU", "M-ALL"]),
            (#", "market": "JP""#, ["M-ALL"]),
            ("", ["M-CN-UNKNOWN", "M-ALL"]),
            (#", "market": """#, ["M-CN-UNKNOWN", "M-ALL"]),
            (#", "market": null"#, ["M-CN-UNKNOWN", "M-ALL"]),
        ])
    func markets(extra: String, rules: [String]) throws {
        let policy = try TestPolicy.load(Self.markets)
        #expect(try TestPolicy.violations(policy, listing("fake", extra)).map(\.rule) == rules)
    }

    @Test("a merchant's market is its jurisdiction")
    func merchantMarket() throws {
        let policy = try TestPolicy.load(
            "vocabulary v { \"fake\" }\n" + TestPolicy.rule(kinds: "merchant", markets: "CN", when: "name matches terms(v)"))
        #expect(try TestPolicy.violations(policy, #"{"kind": "merchant", "jurisdiction": "CN", "name": "fake co"}"#).count == 1)
        #expect(try TestPolicy.violations(policy, #"{"kind": "merchant", "market": "CN", "jurisdiction": "US", "name": "fake co"}"#).isEmpty)
    }

    @Test("kinds decide which records a rule judges", arguments: [("post", 1), ("listing", 0), ("merchant", 0)])
    func kinds(kind: String, count: Int) throws {
        let policy = try TestPolicy.load("vocabulary v { \"fake\" }\n" + TestPolicy.rule(kinds: "post", when: "text matches terms(v)"))
        #expect(try TestPolicy.violations(policy, #"{"kind": "\#(kind)", "text": "fake"}"#).count == count)
    }

    @Test("a missing field is null: x != true holds, x > 5 does not", arguments: [
        (#"{"kind": "merchant"}"#, ["NOT-TRUE"]),
        (#"{"kind": "merchant", "tax_registered": false, "sales_12m": 3}"#, ["NOT-TRUE"]),
        (#"{"kind": "merchant", "tax_registered": true, "sales_12m": 6}"#, ["ABOVE"]),
        (#"{"kind": "merchant", "tax_registered": null, "sales_12m": null}"#, ["NOT-TRUE"]),
    ])
    func missingFields(record: String, rules: [String]) throws {
        let policy = try TestPolicy.load(
            TestPolicy.rule("NOT-TRUE", kinds: "merchant", message: "m", when: "tax_registered != true")
                + TestPolicy.rule("ABOVE", kinds: "merchant", message: "m", when: "sales_12m > 5"))
        #expect(try TestPolicy.violations(policy, record).map(\.rule) == rules)
    }

    @Test("numeric strings compare as numbers", arguments: [
        (#""150""#, true), (#""1,500""#, true), (#""99""#, false), (#""abc""#, false), ("150", true), ("100", false),
    ])
    func numericStrings(price: String, fires: Bool) throws {
        let policy = try TestPolicy.load(TestPolicy.rule(message: "{price}", when: "price > 100"))
        let violations = try TestPolicy.violations(policy, #"{"kind": "listing", "price": \#(price)}"#)
        #expect(violations.count == (fires ? 1 : 0))
    }

    @Test("is present and is missing: empty text and null count as missing", arguments: [
        (#", "brand": "Acme""#, "PRESENT"), (#", "brand": """#, "MISSING"), (#", "brand": null"#, "MISSING"), ("", "MISSING"),
    ])
    func presence(extra: String, rule: String) throws {
        let policy = try TestPolicy.load(
            TestPolicy.rule("PRESENT", message: "m", when: "brand is present")
                + TestPolicy.rule("MISSING", message: "m", when: "brand is missing"))
        #expect(try TestPolicy.violations(policy, listing("x", extra)).map(\.rule) == [rule])
    }

    @Test("in [...] is case-insensitive; not in is its negation", arguments: [
        ("CNY", ["IN"]), ("cny", ["IN"]), ("HKD", ["IN"]), ("USD", ["NOT-IN"]),
    ])
    func membership(currency: String, rules: [String]) throws {
        let policy = try TestPolicy.load(
            TestPolicy.rule("IN", message: "m", when: "currency in [CNY, \"HKD\"]")
                + TestPolicy.rule("NOT-IN", message: "m", when: "currency not in [CNY, HKD]"))
        #expect(try TestPolicy.violations(policy, listing("x", #", "currency": "\#(currency)""#)).map(\.rule) == rules)
    }

    @Test("valid() and invalid() judge the whole field value with a validator", arguments: [
        (#""id_number": "11010519491231002X""#, ["VALID-ID"]),
        (#""id_number": "110105194912310021""#, ["INVALID-ID"]),
        (#""uscc": "91110000600037341L""#, []),
        (#""uscc": "91110000600037341X""#, ["INVALID-USCC"]),
        (#""uscc": """#, []),
    ])
    func validity(field: String, rules: [String]) throws {
        let policy = try TestPolicy.load(
            TestPolicy.rule("VALID-ID", kinds: "merchant", message: "m", when: "valid(id_number, prc_resident_id)")
                + TestPolicy.rule("INVALID-ID", kinds: "merchant", message: "m", when: "invalid(id_number, prc_resident_id)")
                + TestPolicy.rule("INVALID-USCC", kinds: "merchant", message: "m", when: "invalid(uscc, uscc)"))
        #expect(try TestPolicy.violations(policy, #"{"kind": "merchant", \#(field)}"#).map(\.rule) == rules)
    }

    @Test("regex + validate reports only matches passing the checksum")
    func regexValidate() throws {
        let policy = try TestPolicy.load(
            TestPolicy.rule(message: "card {match}", when: #"description matches regex(r"\d{16}") validate bank_card"#))
        let violations = try TestPolicy.violations(
            policy, listing("x", #", "description": "订单号 1234567812345678，卡号 4111111111111111""#))
        #expect(spans(violations) == ["4111111111111111@24..<40"])
        #expect(violations.map(\.message) == ["card 4111111111111111"])
    }

    @Test("a regex sees the normalised text but reports the original", arguments: [
        ("ＮＯ．１", "ＮＯ．１"), ("No.1", "No.1"), ("no1", "no1"),
    ])
    func regexOnNormalisedText(title: String, match: String) throws {
        let policy = try TestPolicy.load(TestPolicy.rule(when: #"title matches regex(r"no\.?1")"#))
        #expect(try TestPolicy.violations(policy, listing(title)).map(\.match) == [match])
    }

    @Test("message placeholders: {match}, {canonical}, {field}, {value}, a record field and a missing field")
    func messagePlaceholders() throws {
        let policy = try TestPolicy.load(
            "vocabulary nick { \"驴牌\" => \"louis vuitton\" }\n"
                + TestPolicy.rule(
                    message: "{match}|{canonical}|{field}|{value}|{price}|{brand}", when: "title matches terms(nick)"))
        let violations = try TestPolicy.violations(policy, listing("驴牌 包", #", "price": 300"#))
        #expect(violations.map(\.message) == ["驴牌|louis vuitton|title|驴牌|300|(none)"])
    }
}

@Suite("Embedded examples")
struct ExampleRunnerTests {
    static let pack = """
        vocabulary v { "fake" }
        rule R {
          title "R"
          category counterfeit
          severity high
          kinds listing
          markets US
          references ref
          message "{match}"
          when title matches terms(v)
          examples {
            fires "fake watch" expect "fake"
            fires "genuine watch"
            fires "fake watch" expect "replica"
            passes "real watch"
            passes "a fake"
            passes { kind: listing, market: CN, title: "fake" }
          }
        }

        """

    @Test("each example is run against its rule and reported with what happened")
    func outcomes() throws {
        let outcomes = try TestPolicy.load(Self.pack).runExamples()
        #expect(outcomes.map(\.passed) == [true, false, false, true, false, true])
        #expect(outcomes.map(\.detail) == [
            #"fired 1: "fake" at title[0..<4]"#,
            "did not fire",
            #"expected "replica", fired 1: "fake" at title[0..<4]"#,
            "did not fire",
            #"fired 1: "fake" at title[2..<6]"#,
            "did not fire",
        ])
        #expect(outcomes.map(\.example.location).first == "test/pack.assay:17:5")
    }

    @Test("a text example is placed on a record of the rule's first kind and market")
    func textExampleRecord() throws {
        let example = try #require(try TestPolicy.load(Self.pack).rule("R")?.examples.first)
        #expect(example.record.keys == ["kind", "market", "title"])
        #expect(example.record["market"] == .string("US"))
    }
}
