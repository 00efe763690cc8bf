import AssayJSON
import Testing
@testable import Assay

/// Two rules over the same fields, so rule scoping can be seen: ADV-TEST (absolute terms) and CF-TEST (replica words).
private let suppressionPack = """
    vocabulary absolute { "最佳" "第一" }
    vocabulary replica { "fake" "高仿" }

    """ + TestPolicy.rule("ADV-TEST", when: "any(title, description, variants.title) matches terms(absolute)")
    + TestPolicy.rule("CF-TEST", when: "any(title, description, variants.title) matches terms(replica)")

private let today = "2026-03-15"

private func suppressions(_ entries: String) throws -> SuppressionFile {
    try SuppressionFile.parse(#"{"version": 1, "suppressions": [\#(entries)]}"#, path: ".assay-suppressions.json", today: today)
}

/// `rule:record:field=match` of each violation left.
private func remaining(_ filter: some ViolationFilter, _ policy: PolicySet, _ json: String) throws -> [String] {
    let record = try TestPolicy.record(json)
    return filter.apply(policy.check(record).violations, in: record).map {
        "\($0.rule):\($0.record):\($0.field ?? "-")=\($0.match ?? "-")"
    }
}

/// A record as a feed with HTML descriptions yields it: `description` is visible text, and each entry of
/// `description_hidden` is text a shopper cannot see (the last one an HTML comment).
private func htmlRecord(visible: String, hidden: [String]) throws -> Record {
    let hiddenJSON = hidden.map(JSONWriter.quoted).joined(separator: ", ")
    let json = try JSONParser.parse(
        #"{"id": "L1", "kind": "listing", "description": \#(JSONWriter.quoted(visible)), "description_hidden": [\#(hiddenJSON)]}"#)
    var sources: [String: TextSource] = ["description": .htmlVisible]
    for index in hidden.indices { sources["description_hidden.\(index)"] = index == hidden.count - 1 ? .htmlComment : .htmlAlt }
    return try Record(json: json, origin: RecordOrigin(file: "feed.xml", line: 3), textSources: sources)
}

private let listing = #"{"id": "L1", "kind": "listing", "title": "全网最佳 fake", "description": "最佳 高仿"}"#

@Suite("Suppressions file")
struct SuppressionFileTests {
    @Test("a valid file keeps every key of every entry")
    func parsesEntries() throws {
        let file = try suppressions("""
            {"rule": "ADV-TEST", "record": "L*", "field": "variants.0.title", "match": "最 佳",
             "reason": "brand name", "expires": "2026-12-31"},
            {"rule": "*", "reason": "test data"}
            """)
        #expect(file.suppressions.count == 2)
        let first = try #require(file.suppressions.first)
        #expect(first.rule == "ADV-TEST" && first.record == "L*" && first.field == "variants.0.title")
        #expect(first.match == "最 佳" && first.reason == "brand name" && first.expires == "2026-12-31")
        #expect(!first.isExpired)
        #expect(first.description == "suppressions[0] (ADV-TEST, record L*, field variants.0.title, match “最 佳”)")
    }

    @Test("every problem in the file is reported at once, each with its entry's index")
    func allProblemsAtOnce() throws {
        let error = try #require(throws: SuppressionError.self) {
            try suppressions("""
                {"rule": "ADV-TEST"},
                {"rule": "ADV-TEST", "reason": "ok", "expire": "2026-01-01"},
                {"rule": "ADV-TEST", "reason": "ok", "expires": "2026-02-30"},
                {"rule": 7, "reason": "  "},
                "ADV-TEST"
                """)
        }
        #expect(error.problems.map(\.entry) == [0, 1, 2, 3, 3, 4])
        #expect(error.description.split(separator: "\n") == [
            #".assay-suppressions.json: error: suppressions[0]: "reason" is required"#,
            #".assay-suppressions.json: error: suppressions[1]: unknown key "expire" (allowed: rule, record, field, match, reason, expires)"#,
            #".assay-suppressions.json: error: suppressions[2]: "expires" must be a date YYYY-MM-DD, found "2026-02-30""#,
            #".assay-suppressions.json: error: suppressions[3]: "rule" must be a string, found a number"#,
            #".assay-suppressions.json: error: suppressions[3]: "reason" must not be empty"#,
            #".assay-suppressions.json: error: suppressions[4]: an entry must be an object, found a string"#,
        ])
    }

    @Test("file-level problems: broken JSON with line and column, wrong version, unknown keys")
    func fileLevelProblems() throws {
        let broken = try #require(throws: SuppressionError.self) {
            try SuppressionFile.parse("{\"suppressions\": [\n  {\"rule\": \"R\" \"reason\": \"x\"}]}", path: "s.json", today: today)
        }
        #expect(broken.problems.count == 1)
        #expect(broken.description.hasPrefix("s.json:2:"))
        let shape = try #require(throws: SuppressionError.self) {
            try SuppressionFile.parse(#"{"version": 2, "suppression": []}"#, path: "s.json", today: today)
        }
        #expect(shape.problems.map(\.message) == [
            #"unknown key "suppression" (the file has "version" and "suppressions")"#,
            #""version" must be 1, found 2"#,
            #"missing "suppressions" (an array of entries)"#,
        ])
    }

    @Test("dates are checked against the calendar", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2026-04-31", false), ("2026-12-31", true), ("2026-13-01", false), ("2026-1-01", false), ("26-01-01x", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect(SuppressionFile.isDate(text) == valid)
    }

    @Test("today's date is written YYYY-MM-DD and is a real date")
    func todayFormat() {
        #expect(SuppressionFile.isDate(SuppressionFile.today()))
    }

    @Test("rule ids and patterns naming no loaded rule are listed once, in file order")
    func unknownRules() throws {
        let file = try suppressions("""
            {"rule": "ADV-TSET", "reason": "typo"}, {"rule": "CF-*", "reason": "ok"}, {"rule": "PRIV-*", "reason": "no such pack"},
            {"rule": "*", "reason": "all"}, {"rule": "ADV-TSET", "reason": "again"}
            """)
        #expect(file.unknownRules(known: ["ADV-TEST", "CF-TEST"]) == ["ADV-TSET", "PRIV-*"])
        #expect(SuppressionFilter(file).unknownRules(known: ["ADV-TEST", "CF-TEST"]) == ["ADV-TSET", "PRIV-*"])
    }
}

@Suite("Suppression filter")
struct SuppressionFilterTests {
    static func policy() throws -> PolicySet { try TestPolicy.load(suppressionPack) }

    @Test("an empty file removes nothing and warns about nothing")
    func emptyFile() throws {
        let filter = SuppressionFilter(try suppressions(""))
        #expect(try remaining(filter, Self.policy(), listing).sorted() == [
            "ADV-TEST:L1:description=最佳", "ADV-TEST:L1:title=最佳", "CF-TEST:L1:description=高仿", "CF-TEST:L1:title=fake",
        ])
        #expect(filter.removed == 0 && filter.finalWarnings().isEmpty)
    }

    @Test(
        "each scope narrows what is suppressed",
        arguments: [
            (#"{"rule": "ADV-TEST", "reason": "r"}"#, ["CF-TEST:L1:title=fake", "CF-TEST:L1:description=高仿"]),
            (#"{"rule": "*", "reason": "r"}"#, []),
            (#"{"rule": "CF-*", "reason": "r"}"#, ["ADV-TEST:L1:title=最佳", "ADV-TEST:L1:description=最佳"]),
            (#"{"rule": "*", "record": "L2", "reason": "r"}"#,
             ["ADV-TEST:L1:title=最佳", "ADV-TEST:L1:description=最佳", "CF-TEST:L1:title=fake", "CF-TEST:L1:description=高仿"]),
            (#"{"rule": "*", "record": "L*", "field": "title", "reason": "r"}"#,
             ["ADV-TEST:L1:description=最佳", "CF-TEST:L1:description=高仿"]),
            (#"{"rule": "ADV-TEST", "match": "最 佳", "reason": "normalised like the rules"}"#,
             ["CF-TEST:L1:title=fake", "CF-TEST:L1:description=高仿"]),
            (#"{"rule": "CF-TEST", "match": "FAKE", "reason": "case folded"}"#,
             ["ADV-TEST:L1:title=最佳", "ADV-TEST:L1:description=最佳", "CF-TEST:L1:description=高仿"]),
            (#"{"rule": "ADV-TEST", "field": "description", "match": "最佳", "reason": "r"}"#,
             ["ADV-TEST:L1:title=最佳", "CF-TEST:L1:title=fake", "CF-TEST:L1:description=高仿"]),
        ])
    func scopes(entry: String, expected: [String]) throws {
        let left = try remaining(SuppressionFilter(suppressions(entry)), Self.policy(), listing)
        #expect(left.sorted() == expected.sorted())
    }

    @Test("a field scope ignores array indices, also when written with one")
    func fieldIgnoresIndices() throws {
        let record = #"{"id": "L1", "kind": "listing", "variants": [{"title": "蓝"}, {"title": "最佳"}, {"title": "第一"}]}"#
        for field in ["variants.title", "variants.0.title"] {
            let filter = SuppressionFilter(try suppressions(#"{"rule": "ADV-TEST", "field": "\#(field)", "reason": "r"}"#))
            #expect(try remaining(filter, Self.policy(), record).isEmpty)
            #expect(filter.removed == 2)
        }
    }

    @Test("a field scope covers the hidden HTML text extracted from that field")
    func fieldCoversHiddenText() throws {
        let record = try htmlRecord(visible: "温和", hidden: ["最佳 面膜"])
        let violations = try Self.policy().check(record).violations
        #expect(violations.map(\.field) == ["description_hidden.0"])
        let filter = SuppressionFilter(try suppressions(#"{"rule": "ADV-TEST", "field": "description", "reason": "alt text"}"#))
        #expect(filter.apply(violations, in: record).isEmpty)
    }

    @Test("an expired suppression no longer suppresses and is warned about; one expiring today still applies")
    func expiry() throws {
        let file = try suppressions("""
            {"rule": "ADV-TEST", "reason": "r", "expires": "2026-03-14"},
            {"rule": "CF-TEST", "reason": "r", "expires": "\(today)"}
            """)
        #expect(file.suppressions.map(\.isExpired) == [true, false])
        let filter = SuppressionFilter(file)
        #expect(try remaining(filter, Self.policy(), listing).sorted() == ["ADV-TEST:L1:description=最佳", "ADV-TEST:L1:title=最佳"])
        #expect(filter.removed == 2)
        #expect(filter.finalWarnings() == [
            ".assay-suppressions.json: suppressions[0] (ADV-TEST): suppression expired on 2026-03-14; the 2 findings it matched are reported again"
        ])
        #expect(filter.expiredSuppressions.map(\.index) == [0])
    }

    @Test("unused suppressions are warned about; used ones and any one covering a finding are not")
    func unused() throws {
        let file = try suppressions("""
            {"rule": "ADV-TEST", "reason": "r"},
            {"rule": "*", "match": "最佳", "reason": "overlaps the first"},
            {"rule": "CF-TEST", "record": "L9", "reason": "record gone"},
            {"rule": "CF-TEST", "reason": "old", "expires": "2020-01-01", "record": "L9"}
            """)
        let filter = SuppressionFilter(file)
        _ = try remaining(filter, Self.policy(), listing)
        #expect(filter.unusedSuppressions.map(\.index) == [2])
        #expect(filter.finalWarnings() == [
            ".assay-suppressions.json: suppressions[2] (CF-TEST, record L9): suppression unused: it matched no finding in this run",
            ".assay-suppressions.json: suppressions[3] (CF-TEST, record L9): suppression expired on 2020-01-01; it matched no finding either; remove it",
        ])
        #expect(filter.name == "suppressed")
    }
}

@Suite("Inline suppressions")
struct InlineSuppressionTests {
    static func policy() throws -> PolicySet { try TestPolicy.load(suppressionPack) }

    @Test(
        "assay_ignore suppresses the named rules anywhere in the record",
        arguments: [
            (#""ADV-TEST""#, ["CF-TEST:L1:description=高仿", "CF-TEST:L1:title=fake"]),
            (#"["ADV-TEST", "CF-TEST"]"#, []),
            (#""*""#, []),
            (#""CF-*""#, ["ADV-TEST:L1:description=最佳", "ADV-TEST:L1:title=最佳"]),
            (#""OTHER""#, ["ADV-TEST:L1:description=最佳", "ADV-TEST:L1:title=最佳", "CF-TEST:L1:description=高仿", "CF-TEST:L1:title=fake"]),
        ])
    func recordField(value: String, expected: [String]) throws {
        let json = #"{"id": "L1", "kind": "listing", "title": "全网最佳 fake", "description": "最佳 高仿", "assay_ignore": \#(value), "assay_ignore_reason": "r"}"#
        let filter = InlineSuppressionFilter()
        #expect(try remaining(filter, Self.policy(), json).sorted() == expected)
        #expect(filter.finalWarnings().isEmpty)
    }

    @Test("a marker suppresses its rule's findings in its own field only")
    func markerIsFieldLocal() throws {
        let json = #"{"id": "L1", "kind": "listing", "title": "全网最佳 fake [assay-ignore ADV-TEST: brand name]", "description": "最佳 高仿"}"#
        let filter = InlineSuppressionFilter()
        #expect(try remaining(filter, Self.policy(), json).sorted() == [
            "ADV-TEST:L1:description=最佳", "CF-TEST:L1:description=高仿", "CF-TEST:L1:title=fake",
        ])
        #expect(filter.removed == 1 && filter.name == "suppressed-inline")
        #expect(filter.finalWarnings().isEmpty)
    }

    @Test("a marker in one array element covers that element, not its siblings")
    func markerInArrayElement() throws {
        let json = #"{"id": "L1", "kind": "listing", "variants": [{"title": "最佳 [assay-ignore: ok]"}, {"title": "最佳"}]}"#
        #expect(try remaining(InlineSuppressionFilter(), Self.policy(), json) == ["ADV-TEST:L1:variants.1.title=最佳"])
    }

    @Test(
        "marker syntax",
        arguments: [
            ("[assay-ignore]", ["*"], nil),
            ("[assay-ignore *: quoting the law]", ["*"], "quoting the law"),
            ("x [assay-ignore ADV-TEST, CF-TEST：引用法条] y", ["ADV-TEST", "CF-TEST"], "引用法条"),
            ("[assay-ignore ADV-TEST CF-TEST]", ["ADV-TEST", "CF-TEST"], nil),
            ("[assay-ignore ADV-TEST:   ]", ["ADV-TEST"], nil),
            // Brackets before the marker, and a marker that ends the text (the byte search's edges).
            ("[[x] [assay [assay-ignore ADV-TEST]", ["ADV-TEST"], nil),
            ("最佳[assay-ignore]", ["*"], nil),
        ] as [(String, [String], String?)])
    func markerSyntax(text: String, rules: [String], reason: String?) {
        #expect(InlineSuppression.markers(in: text) == [InlineSuppression(rules: rules, reason: reason)])
    }

    @Test("text that only resembles a marker is not one", arguments: ["[assay-ignored ADV-TEST]", "[assay-ignore ADV-TEST", "assay-ignore ADV-TEST]", "[assay-ignor", "[[[[", "["])
    func notMarkers(text: String) {
        #expect(InlineSuppression.markers(in: text).isEmpty)
    }

    @Test("a marker for another rule suppresses nothing")
    func markerForOtherRule() throws {
        let json = #"{"id": "L1", "kind": "listing", "title": "最佳 [assay-ignore CF-TEST: ok]"}"#
        #expect(try remaining(InlineSuppressionFilter(), Self.policy(), json) == ["ADV-TEST:L1:title=最佳"])
    }

    @Test("a marker in an HTML comment covers the visible and hidden text of its field")
    func markerInHTMLComment() throws {
        let record = try htmlRecord(visible: "全网最佳", hidden: ["第一", " [assay-ignore ADV-TEST: legal quote] "])
        let violations = try Self.policy().check(record).violations
        #expect(violations.count == 2)
        #expect(InlineSuppressionFilter().apply(violations, in: record).isEmpty)
    }

    @Test("suppressing without a reason works but is warned about, once per record and field")
    func missingReasonWarned() throws {
        let filter = InlineSuppressionFilter()
        _ = try remaining(filter, Self.policy(), #"{"id": "L1", "kind": "listing", "title": "最佳 最佳 fake", "assay_ignore": "*"}"#)
        _ = try remaining(filter, Self.policy(), #"{"id": "L2", "kind": "listing", "title": "最佳 第一 [assay-ignore ADV-TEST]"}"#)
        #expect(filter.removed == 5)
        #expect(filter.finalWarnings() == [
            "inline suppression without a reason: record L1 (assay_ignore)",
            "inline suppression without a reason: record L2 field title ([assay-ignore…])",
        ])
    }

    @Test("many warnings are listed up to a cap, then counted")
    func warningsCapped() throws {
        let filter = InlineSuppressionFilter()
        let policy = try Self.policy()
        for index in 0..<25 {
            _ = try remaining(filter, policy, #"{"id": "L\#(index)", "kind": "listing", "title": "最佳", "assay_ignore": "*"}"#)
        }
        let warnings = filter.finalWarnings()
        #expect(warnings.count == InlineSuppressionFilter.maxListedWarnings + 1)
        #expect(warnings.last == "… and 5 more inline suppressions without a reason")
        #expect(filter.suppressionsWithoutReason.total == 25)
    }

    @Test("a malformed assay_ignore suppresses nothing and is warned about", arguments: ["3", "[\"ADV-TEST\", 4]", "[]", "\"  \"", "{}"])
    func malformedField(value: String) throws {
        let filter = InlineSuppressionFilter()
        let left = try remaining(filter, Self.policy(), #"{"id": "L1", "kind": "listing", "title": "最佳", "assay_ignore": \#(value)}"#)
        #expect(left == ["ADV-TEST:L1:title=最佳"])
        let warnings = filter.finalWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("record L1: assay_ignore must be a rule id, an array of rule ids, or \"*\"") == true)
    }

    @Test("rule ids used inline that name no loaded rule are listed")
    func inlineUnknownRules() throws {
        let filter = InlineSuppressionFilter()
        _ = try remaining(filter, Self.policy(), #"{"id": "L1", "kind": "listing", "title": "最佳 [assay-ignore ADV-TSET: typo]", "assay_ignore": ["CF-*", "GONE"], "assay_ignore_reason": "r"}"#)
        #expect(filter.unknownRules(known: ["ADV-TEST", "CF-TEST"]) == ["GONE", "ADV-TSET"])
    }
}
