@testable import Assay
import AssayJSON
import Testing

@Suite("Input formats")
struct InputFormatTests {
    @Test(
        "the extension names the format",
        arguments: [
            ("feed.jsonl", InputFormat.jsonl), ("a.ndjson", .jsonl), ("export.json", .json), ("feed.xml", .gmc),
            ("feed.xml.gz", .gmc), ("products.csv", .csv), ("FEED.XML", .gmc),
        ])
    func byExtension(path: String, format: InputFormat) {
        #expect(InputFormat.byExtension(path) == format)
    }

    @Test(
        "content is sniffed when the extension says nothing",
        arguments: [
            (#"{"id":1,"kind":"post","text":"hi"}"# + "\n{}", InputFormat.jsonl), ("{\n  \"products\": []\n}", .json),
            ("[{\"id\":1}]", .json), ("\u{FEFF}<?xml version=\"1.0\"?><rss/>", .gmc), ("Handle,Title\nx,y", .csv),
            ("  \n  [ ]", .json),
        ])
    func sniff(text: String, format: InputFormat) {
        #expect(InputFormat.sniff(Array(text.utf8)) == format)
    }

    @Test("a JSON Lines record longer than the sniffing sample is still JSON Lines")
    func longFirstLine() {
        let record = #"{"id":"m","kind":"post","text":""# + String(repeating: "13800138000 ", count: 600)
        #expect(InputFormat.sniff(Array(record.utf8.prefix(4096))) == .jsonl)
    }

    @Test("a CSV header tells Shopify, WooCommerce and other layouts apart")
    func csvFlavour() {
        #expect(InputFormat.csvFlavour(header: ["Handle", "Title", "Body (HTML)", "Variant Price"]) == .shopify)
        #expect(InputFormat.csvFlavour(header: ["ID", "Type", "Name", "Short description", "Regular price"]) == .woocommerce)
        #expect(InputFormat.csvFlavour(header: ["item_sku", "item_name"]) == .csv)
    }

    @Test(
        "prices are read as merchants write them",
        arguments: [
            ("15.00 USD", 15.0, "USD"), ("USD 15.00", 15.0, "USD"), ("¥1,299.00", 1299.0, "CNY"), ("1299", 1299.0, nil),
            ("€9.50", 9.5, "EUR"), ("2,800.00 CNY", 2800.0, "CNY"),
        ] as [(String, Double, String?)])
    func prices(text: String, amount: Double, currency: String?) {
        let parsed = PriceText.parse(text)
        #expect(parsed.amount == amount)
        #expect(parsed.currency == currency)
    }
}

@Suite("Field mapping")
struct FieldMappingTests {
    @Test("a mapping file assigns columns, constants and column lists, with comments")
    func parseFile() throws {
        let mapping = try FieldMapping.parse(
            """
            # Amazon
            kind = "listing"
            title = item_name   # the product name
            bullets = bullet_point1, bullet_point2
            """, name: "amazon.mapping")
        #expect(mapping.assignments.map(\.field) == ["kind", "title", "bullets"])
        #expect(mapping.assignments[0].source == .constant("listing"))
        #expect(mapping.assignments[1].source == .column("item_name"))
        #expect(mapping.assignments[2].source == .columns(["bullet_point1", "bullet_point2"]))
    }

    @Test("a line without '=' is an error naming the file and line")
    func badLine() {
        #expect(throws: MappingError.self) { try FieldMapping.parse("title item_name", name: "m") }
        do {
            _ = try FieldMapping.parse("kind = \"listing\"\ntitle item_name", name: "m.mapping")
        } catch {
            #expect(error.message.hasPrefix("m.mapping:2:"))
        }
    }
}

@Suite("JSON documents")
struct JSONArraySourceTests {
    static func events(_ text: String) -> [RecordEvent] {
        var source = JSONArrayRecordSource(bytes: Array(text.utf8), name: "t.json")
        var events: [RecordEvent] = []
        while let event = source.next() { events.append(event) }
        return events
    }

    @Test("a top-level array streams one record per element with the element's line")
    func arrayElements() {
        let events = Self.events("[\n  {\"id\":\"a\",\"kind\":\"post\",\"text\":\"x, ] y\"},\n  {\"id\":\"b\",\"kind\":\"post\",\"text\":\"[{\"}\n]")
        let records = events.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
        #expect(records.map(\.id) == ["a", "b"])
        #expect(records.map(\.origin.line) == [2, 3])
    }

    @Test("a broken element is an error at its line and the next element is still read")
    func brokenElement() {
        let events = Self.events("[\n{\"id\":\"a\",\"kind\":\"post\"},\n{\"id\": nope},\n{\"id\":\"c\",\"kind\":\"post\"}\n]")
        #expect(events.count == 3)
        if case .error(let error) = events[1] { #expect(error.origin.line == 3) } else { Issue.record("expected an error") }
        if case .record(let record) = events[2] { #expect(record.id == "c") } else { Issue.record("expected record c") }
    }

    @Test("an object holding arrays gives the records of each array")
    func objectHoldingArrays() {
        let events = Self.events(#"{"shop":"x","products":[{"id":"p1","kind":"listing"},{"id":"p2","kind":"listing"}],"posts":[{"id":"s1","kind":"post"}]}"#)
        let ids = events.compactMap { if case .record(let record) = $0 { return record.id } else { return nil } }
        #expect(ids == ["p1", "p2", "s1"])
    }

    @Test("a missing closing bracket is reported, not silently dropped")
    func missingBracket() {
        let events = Self.events("[{\"id\":\"a\",\"kind\":\"post\"}")
        #expect(events.contains { if case .error = $0 { return true } else { return false } })
    }
}
