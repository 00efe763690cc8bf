import Testing
@testable import AssayDSL

@Suite("Parser: conditions")
struct ConditionParsingTests {
    /// Parses `when CONDITION` inside a minimal rule and describes the tree.
    static func when(_ condition: String) -> (tree: String?, diagnostics: [Diagnostic]) {
        let (file, diagnostics) = DSL.parse(DSL.header + "rule R {\n  when \(condition)\n}\n")
        return (file.rules.first?.when.map(ConditionText.describe), diagnostics)
    }

    @Test(
        "precedence: not binds tightest, then and, then or",
        arguments: [
            ("not a == 1 and b == 2 or c == 3", "or(and(not(a == 1), b == 2), c == 3)"),
            ("a == 1 or b == 2 and c == 3", "or(a == 1, and(b == 2, c == 3))"),
            ("a == 1 and b == 2 and c == 3", "and(a == 1, b == 2, c == 3)"),
            ("not (a == 1 or b == 2)", "not(or(a == 1, b == 2))"),
            ("not not a is present", "not(not(a is present))"),
            ("(a == 1 or b == 2) and c == 3", "and(or(a == 1, b == 2), c == 3)"),
        ])
    func precedence(source: String, expected: String) {
        let (tree, diagnostics) = Self.when(source)
        #expect(diagnostics.isEmpty)
        #expect(tree == expected)
    }

    @Test(
        "every atom form",
        arguments: [
            ("2 of (title matches terms(a), price > 5, brand is missing)",
             "2 of(title matches terms(a), price > 5, brand is missing)"),
            ("text matches terms(brands) near terms(copy) within 8",
             "text matches terms(brands) near terms(copy) within 8"),
            ("title matches terms(bad, worse) except terms(ok, fine) as b",
             "title matches terms(bad, worse) except terms(ok, fine) as b"),
            (#"any(title, description) matches regex(r"\d{16}", "i") validate bank_card"#,
             #"any(title, description) matches regex(/\d{16}/i) validate bank_card"#),
            (#"ad_text matches regex(r"no\.?1") except terms(allow) near terms(ctx) as n within 3"#,
             #"ad_text matches regex(/no\.?1/) except terms(allow) near terms(ctx) as n within 3"#),
            ("valid(id_number, prc_resident_id)", "valid(id_number, prc_resident_id)"),
            ("invalid(uscc, uscc)", "invalid(uscc, uscc)"),
            ("seller.name is present", "seller.name is present"),
            ("market in [CN, HK, \"MO\"]", "market in [CN, HK, \"MO\"]"),
            ("market not in [US-CA]", "market not in [US-CA]"),
            ("price >= 5_000_000", "price >= 5000000"),
            ("tax_registered != true", "tax_registered != true"),
            ("note == null", "note == null"),
            ("price < -1.5", "price < -1.5"),
            ("compare(sales_12m, t.op, t.amount)", "compare(sales_12m, t.op, t.amount)"),
            ("compare(x, \"<=\", 10)", "compare(x, \"<=\", 10)"),
            ("price < brand_floors[b.canonical, currency].floor", "price < brand_floors[b.canonical, currency].floor"),
            ("t[\"CN\"].amount > sales", "t[\"CN\"].amount > sales"),
        ])
    func atoms(source: String, expected: String) {
        let (tree, diagnostics) = Self.when(source)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
        #expect(tree == expected)
    }

    @Test("let binds a table lookup with several keys")
    func letLookup() {
        let (file, diagnostics) = DSL.parse(DSL.header + "rule R {\n  let t = thresholds[jurisdiction, \"CNY\"]\n}\n")
        #expect(diagnostics.isEmpty)
        let lookup = file.rules.first?.lets.first?.lookup
        #expect(file.rules.first?.lets.first?.name.value == "t")
        #expect(lookup.map(ConditionText.describe) == "thresholds[jurisdiction, \"CNY\"]")
        #expect(lookup?.span.description == "test.assay:7:11")
    }

    @Test("'=' in a comparison is reported and read as '=='")
    func singleEquals() {
        let (tree, diagnostics) = Self.when("currency = \"CNY\"")
        #expect(tree == "currency == \"CNY\"")
        #expect(DSL.summary(diagnostics) == ["A003 7:17"])
        #expect(diagnostics.first?.message == "use '==' to compare, not '='")
    }

    @Test(
        "malformed conditions are A003 at the offending token",
        arguments: [
            ("title matches", "A003 8:1", "expected 'terms(…)' or 'regex(…)', found '}'"),
            ("title matches terms(a) near terms(b)", "A003 8:1", "expected 'within', found '}'"),
            ("price >", "A003 8:1", "expected a value, found '}'"),
            ("brand is here", "A003 7:17", "expected 'present' or 'missing', found 'here'"),
            ("0 of (a is present) within", "A003 7:28", "unknown rule field 'within' (expected category, description, examples, kinds, let, markets, message, references, severity, title, unless, when)"),
        ] as [(String, String, String?)])
    func malformed(source: String, location: String, message: String?) {
        let (_, diagnostics) = Self.when(source)
        #expect(DSL.summary(diagnostics) == [location])
        if let message { #expect(diagnostics.first?.message == message) }
    }
}
