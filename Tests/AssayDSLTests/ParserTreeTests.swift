import AssayJSON
import Testing
@testable import AssayDSL

@Suite("Parser: a full pack becomes the expected tree")
struct ParserTreeTests {
    static let source = #"""
        // Everything the language has, once.
        pack counterfeit {
          title "Counterfeit goods"
          version "1.2.0"
          description "Replica slang and price floors"
          jurisdictions CN, US-CA, EU
          reference prc-trademark-57 {
            title "PRC Trademark Law Art. 57"
            url "https://flk.npc.gov.cn/"
            checked 2026-11-20
            note "read in full"
          }
          reference ebay-policy {
            title "eBay counterfeit policy"
            checked 2025-01-31
          }
        }

        vocabulary brands from "luxury-brands.txt"
        vocabulary nicknames {
          "驴牌" => "louis vuitton"
          "劳力士" => "rolex", "fake"
        }
        fields listing_text = [title, description, seller.name]

        table brand_floors {
          columns brand: string, currency: string, floor: number, op: comparator, active: bool
          key brand, currency
          row "rolex", CNY, 10_000, <=, true
          row "omega", "USD", 300, ">", false
        }

        rule CFT-PRICE-FLOOR {
          title "Luxury brand below its price floor"
          description "Genuine goods never sell this cheap"
          category counterfeit
          severity high
          kinds listing, post
          markets CN, US, unknown
          references prc-trademark-57, ebay-policy
          message "{b.canonical} at {price} is below {t.amount}"
          let t = thresholds[market, currency]
          when listing_text matches terms(brands, nicknames) except terms(allow) as b
            and price < brand_floors[b.canonical, currency].floor
          unless compare(price, t.op, t.amount)
          examples {
            fires "劳力士 水鬼 500元" expect "劳力士"
            fires { kind: listing, market: CN, price: 500, tags: [a, "b"], used: true, note: null } expect "驴牌"
            passes "Rolex strap, compatible"
          }
        }
        """#

    static func parsed() throws -> PackFile {
        let (tree, diagnostics) = DSL.parse(source)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
        return tree
    }

    @Test("pack metadata and references")
    func packMetadata() throws {
        let pack = try #require(try Self.parsed().pack)
        #expect(pack.name.value == "counterfeit")
        #expect(pack.title?.value == "Counterfeit goods")
        #expect(pack.version?.value == "1.2.0")
        #expect(pack.description?.value == "Replica slang and price floors")
        #expect(pack.jurisdictions.map(\.value) == ["CN", "US-CA", "EU"])
        #expect(pack.references.map(\.id.value) == ["prc-trademark-57", "ebay-policy"])
        let first = pack.references[0]
        #expect(first.title?.value == "PRC Trademark Law Art. 57")
        #expect(first.url?.value == "https://flk.npc.gov.cn/")
        #expect(first.checked?.value == "2026-11-20")
        #expect(first.note?.value == "read in full")
        #expect(pack.references[1].url == nil)
        #expect(pack.references[1].checked?.value == "2025-01-31")
        #expect(first.id.span.description == "test.assay:7:13")
    }

    @Test("vocabularies from a file and inline, with alias => canonical")
    func vocabularies() throws {
        let vocabularies = try Self.parsed().vocabularies
        #expect(vocabularies.map(\.name.value) == ["brands", "nicknames"])
        guard case .file(let path) = vocabularies[0].source else {
            Issue.record("expected a file vocabulary")
            return
        }
        #expect(path.value == "luxury-brands.txt")
        #expect(path.span.description == "test.assay:19:24")
        guard case .inline(let terms) = vocabularies[1].source else {
            Issue.record("expected an inline vocabulary")
            return
        }
        #expect(terms.map(\.text.value) == ["驴牌", "劳力士", "fake"])
        #expect(terms.map(\.canonical?.value) == ["louis vuitton", "rolex", nil])
    }

    @Test("field sets list their dotted paths")
    func fieldSets() throws {
        let sets = try Self.parsed().fieldSets
        #expect(sets.map(\.name.value) == ["listing_text"])
        #expect(sets[0].fields.map(\.value) == ["title", "description", "seller.name"])
    }

    @Test("tables keep column types, key columns and typed rows with bare and quoted comparator cells")
    func tables() throws {
        let table = try #require(try Self.parsed().tables.first)
        #expect(table.name.value == "brand_floors")
        #expect(table.columns.map(\.name.value) == ["brand", "currency", "floor", "op", "active"])
        #expect(table.columns.map(\.type.value) == ["string", "string", "number", "comparator", "bool"])
        #expect(table.key.map(\.value) == ["brand", "currency"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].values.map(\.value) == [.string("rolex"), .identifier("CNY"), .number(10_000, text: "10000"), .string("<="), .bool(true)])
        #expect(table.rows[1].values.map(\.value) == [.string("omega"), .string("USD"), .number(300, text: "300"), .string(">"), .bool(false)])
        #expect(table.rows[1].span.description == "test.assay:30:3")
    }

    @Test("a rule keeps every field")
    func ruleFields() throws {
        let rule = try #require(try Self.parsed().rules.first)
        #expect(rule.id.value == "CFT-PRICE-FLOOR")
        #expect(rule.title?.value == "Luxury brand below its price floor")
        #expect(rule.description?.value == "Genuine goods never sell this cheap")
        #expect(rule.category?.value == "counterfeit")
        #expect(rule.severity?.value == "high")
        #expect(rule.kinds.map(\.value) == ["listing", "post"])
        #expect(rule.markets.map(\.value) == ["CN", "US", "unknown"])
        #expect(rule.references.map(\.value) == ["prc-trademark-57", "ebay-policy"])
        #expect(rule.message?.value == "{b.canonical} at {price} is below {t.amount}")
        #expect(rule.lets.map(\.name.value) == ["t"])
        #expect(rule.lets.map { ConditionText.describe($0.lookup) } == ["thresholds[market, currency]"])
        #expect(rule.when.map(ConditionText.describe)
            == "and(listing_text matches terms(brands, nicknames) except terms(allow) as b, price < brand_floors[b.canonical, currency].floor)")
        #expect(rule.unless.map(ConditionText.describe) == "compare(price, t.op, t.amount)")
        #expect(rule.span.description == "test.assay:33:1")
    }

    @Test("examples keep text, record and expect")
    func examples() throws {
        let examples = try #require(try Self.parsed().rules.first).examples
        #expect(examples.map(\.fires) == [true, true, false])
        #expect(examples.map(\.expect?.value) == ["劳力士", "驴牌", nil])
        guard case .text(let text) = examples[0].input else {
            Issue.record("expected a text example")
            return
        }
        #expect(text.value == "劳力士 水鬼 500元")
        guard case .record(let record, _) = examples[1].input else {
            Issue.record("expected a record example")
            return
        }
        #expect(record.keys == ["kind", "market", "price", "tags", "used", "note"])
        #expect(record["kind"] == .string("listing"))
        #expect(record["market"] == .string("CN"))
        #expect(record["price"]?.numberValue?.text == "500")
        #expect(record["tags"] == .array([.string("a"), .string("b")]))
        #expect(record["used"] == .bool(true))
        #expect(record["note"] == .null)
        #expect(examples[2].span.description == "test.assay:49:5")
    }
}
