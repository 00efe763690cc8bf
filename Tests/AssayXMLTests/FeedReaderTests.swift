import Testing

@testable import AssayXML

@Suite("Feed reader: Google Merchant RSS and Atom")
struct FeedReaderTests {
    @Test("a Merchant RSS feed yields one item per <item> with g: fields, CDATA and entities decoded")
    func merchantFeed() throws {
        let events = readAll(bytes: Fixtures.merchant)
        #expect(events.errors.isEmpty)
        let items = events.items
        try #require(items.count == 2)

        let first = items[0]
        #expect(first.line == 7)
        #expect(first.first("g:id") == "SKU-001")
        #expect(first.first("title") == "无线蓝牙耳机 降噪")
        #expect(
            first.first("description")
                == #"<p>最好的<b>降噪</b>耳机 &amp; 充电盒</p><img src="a.jpg" alt="治愈癌症">"#)
        #expect(first.first("link") == "https://shop.example.com/p/1?ref=feed&utm=x")
        #expect(first.first("g:price") == "15.00 USD")
        #expect(first.first("g:brand") == "声浪")
        #expect(first.all("g:shipping.g:price") == ["4.99 USD", "6.99 USD"])
        #expect(first.all("g:shipping.g:country") == ["US", "CA"])
        #expect(first.first("g:shipping") == nil, "an element with only child elements is not a field")
        #expect(
            first.fields.map(\.path) == [
                "g:id", "title", "description", "link", "g:price", "g:brand",
                "g:shipping.g:country", "g:shipping.g:price", "g:shipping.g:country", "g:shipping.g:price",
            ])

        let second = items[1]
        #expect(second.line == 23)
        #expect(second.first("title") == "Organic Cotton T-Shirt")
        #expect(second.first("description") == "Soft <b>organic</b> cotton 最 tee")
        #expect(second.first("g:google_product_category") == "Apparel & Accessories > Clothing")
        #expect(second.all("g:sale_price") == ["19.99 USD"], "an empty element is not a field")
    }

    @Test("each field carries the line of its own start tag")
    func fieldLines() throws {
        let items = readAll(bytes: Fixtures.merchant).items
        try #require(items.count == 2)
        let lines = Dictionary(items[0].fields.map { ($0.path + "@" + $0.value, $0.line) }) { a, _ in a }
        #expect(lines["g:id@SKU-001"] == 8)
        #expect(lines["description@" + (items[0].first("description") ?? "")] == 10)
        #expect(lines["g:shipping.g:price@4.99 USD"] == 16)
        #expect(lines["g:shipping.g:price@6.99 USD"] == 20)
        #expect(items[1].fields.first { $0.path == "g:product_type" }?.line == 31)
    }

    @Test("the Google namespace is written g: whatever prefix the file binds it to; other prefixes stay")
    func namespacePrefixes() throws {
        let bytes = document([
            #"<rss xmlns:google="http://base.google.com/ns/1.0" xmlns:c="http://example.com/custom">"#,
            #"<channel><item>"#,
            #"<google:id>X1</google:id><c:badge>new</c:badge>"#,
            #"<google:shipping><google:price>1.00 USD</google:price></google:shipping>"#,
            #"</item></channel></rss>"#,
        ])
        let items = readAll(bytes: bytes).items
        try #require(items.count == 1)
        #expect(items[0].fields.map(\.path) == ["g:id", "c:badge", "g:shipping.g:price"])
    }

    @Test("an Atom feed yields one item per <entry>; <link href> becomes the link field")
    func atomFeed() throws {
        let bytes = document([
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">"#,
            #"  <title>Store</title>"#,
            #"  <link rel="self" href="https://shop.example.com/atom"/>"#,
            #"  <entry>"#,
            #"    <id>tag:shop.example.com,2024:1</id>"#,
            #"    <g:id>A-1</g:id>"#,
            #"    <title>Atom 产品</title>"#,
            #"    <link rel="alternate" href="https://shop.example.com/a?x=1&amp;y=2"/>"#,
            #"    <summary type="html">&lt;p&gt;Nice&lt;/p&gt;</summary>"#,
            #"    <g:price>9.99 EUR</g:price>"#,
            #"    <author><name>Store</name></author>"#,
            #"  </entry>"#,
            #"  <entry><g:id>A-2</g:id><title>Second</title></entry>"#,
            #"</feed>"#,
        ])
        let events = readAll(bytes: bytes)
        #expect(events.errors.isEmpty)
        let items = events.items
        try #require(items.count == 2)
        #expect(items[0].line == 5)
        #expect(items[0].first("link") == "https://shop.example.com/a?x=1&y=2")
        #expect(items[0].fields.first { $0.path == "link" }?.line == 9)
        #expect(items[0].first("title") == "Atom 产品")
        #expect(items[0].first("summary") == "<p>Nice</p>")
        #expect(items[0].first("author.name") == "Store")
        #expect(items[0].first("g:price") == "9.99 EUR")
        #expect(items[1].line == 14)
        #expect(items[1].first("g:id") == "A-2")
    }

    @Test("a well-formed element named item inside an item is a field, not a new item")
    func nestedItemElement() throws {
        let bytes = document([
            "<rss><channel><item><title>Bundle</title>",
            "<bundle><item>part A</item><item>part B</item></bundle>",
            "</item></channel></rss>",
        ])
        let events = readAll(bytes: bytes)
        #expect(events.errors.isEmpty)
        try #require(events.items.count == 1)
        #expect(events.items[0].all("bundle.item") == ["part A", "part B"])
    }

    @Test("a feed without the xmlns:g declaration reports it once per element name and still yields its items")
    func undeclaredGooglePrefix() throws {
        let bytes = document([
            "<rss><channel>",
            "<item><g:id>1</g:id><g:price>1.00 USD</g:price></item>",
            "<item><g:id>2</g:id><g:price>2.00 USD</g:price></item>",
            "</channel></rss>",
        ])
        let events = readAll(bytes: bytes)
        #expect(events.items.map { $0.first("g:id") } == ["1", "2"])
        #expect(events.items.map { $0.first("g:price") } == ["1.00 USD", "2.00 USD"])
        #expect(events.errors.count == 2)
        #expect(events.errors.allSatisfy { $0.message.contains("Namespace prefix g") && $0.line == 2 })
    }

    @Test("item line numbers stay exact past line 65,535")
    func bigLineNumbers() throws {
        let count = 70_000
        let items = readAll(bytes: Fixtures.manyItems(count)).items
        try #require(items.count == count)
        #expect(items[count - 1].line == count + 2)
        #expect(items[count - 1].fields.first?.line == count + 2)
        #expect(items[count - 1].first("g:id") == "\(count)")
        #expect(items[65_600].line == 65_603)
    }

    @Test("a multi-line start tag is reported at the line of its '<'")
    func multiLineStartTag() throws {
        let bytes = document([
            "<rss><channel>",
            "<item",
            "  data-x=\"1\">",
            "<title",
            "   lang=\"en\">T</title>",
            "</item></channel></rss>",
        ])
        let items = readAll(bytes: bytes).items
        try #require(items.count == 1)
        #expect(items[0].line == 2)
        #expect(items[0].fields.first?.line == 4)
    }

    @Test("a feed in another declared encoding is decoded to UTF-8")
    func latin1Feed() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf"#.utf8)
        bytes.append(0xE9)
        bytes += Array("</title></item></channel></rss>".utf8)
        let items = readAll(bytes: bytes).items
        try #require(items.count == 1)
        #expect(items[0].first("title") == "Café")
    }

    @Test("items are streamed: the first item arrives before the rest of a large feed is parsed")
    func streaming() throws {
        let reader = FeedReader(bytes: Fixtures.manyItems(200_000), name: "big.xml")
        guard case .item(let first) = reader.next() else {
            Issue.record("expected an item first")
            return
        }
        #expect(first.first("g:id") == "1")
    }
}
