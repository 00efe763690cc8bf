import Foundation
import Testing

@testable import AssayXML

/// Joins lines with `\n`, so line N of the document is `lines[N - 1]`.
func document(_ lines: [String]) -> [UInt8] {
    Array(lines.joined(separator: "\n").utf8)
}

func readAll(_ reader: FeedReader, limit: Int = 10_000_000) -> [FeedEvent] {
    var events: [FeedEvent] = []
    while let event = reader.next(), events.count < limit { events.append(event) }
    return events
}

func readAll(bytes: [UInt8], name: String = "test.xml") -> [FeedEvent] {
    readAll(FeedReader(bytes: bytes, name: name))
}

extension Array where Element == FeedEvent {
    var items: [FeedItem] {
        compactMap { if case .item(let item) = $0 { item } else { nil } }
    }
    var errors: [FeedError] {
        compactMap { if case .error(let error) = $0 { error } else { nil } }
    }
    /// Every string the events carry, for "this never appears" checks.
    var allText: String {
        map { event in
            switch event {
            case .item(let item): item.fields.map { "\($0.path)=\($0.value)" }.joined(separator: "\n")
            case .error(let error): error.message
            }
        }.joined(separator: "\n")
    }
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Compresses `bytes` with the system `gzip` and returns the `.gz` path.
    func writeGzip(_ name: String, _ bytes: [UInt8]) throws -> String {
        let plain = try write(name, bytes)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-f", plain]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return plain + ".gz"
    }
}

enum Fixtures {
    static let merchantLines: [String] = [
        #"<?xml version="1.0" encoding="UTF-8"?>"#,
        #"<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">"#,
        #"  <channel>"#,
        #"    <title>示例商店 Example Store</title>"#,
        #"    <link>https://shop.example.com</link>"#,
        #"    <description>Product feed</description>"#,
        #"    <item>"#,
        #"      <g:id>SKU-001</g:id>"#,
        #"      <title>无线蓝牙耳机 降噪</title>"#,
        #"      <description><![CDATA[<p>最好的<b>降噪</b>耳机 &amp; 充电盒</p><img src="a.jpg" alt="治愈癌症">]]></description>"#,
        #"      <link>https://shop.example.com/p/1?ref=feed&amp;utm=x</link>"#,
        #"      <g:price>15.00 USD</g:price>"#,
        #"      <g:brand>声浪</g:brand>"#,
        #"      <g:shipping>"#,
        #"        <g:country>US</g:country>"#,
        #"        <g:price>4.99 USD</g:price>"#,
        #"      </g:shipping>"#,
        #"      <g:shipping>"#,
        #"        <g:country>CA</g:country>"#,
        #"        <g:price>6.99 USD</g:price>"#,
        #"      </g:shipping>"#,
        #"    </item>"#,
        #"    <item>"#,
        #"      <g:id>SKU-002</g:id>"#,
        #"      <title>  Organic Cotton T-Shirt  </title>"#,
        #"      <description>Soft &lt;b&gt;organic&lt;/b&gt; cotton &#x6700; tee</description>"#,
        #"      <g:price>25.00 USD</g:price>"#,
        #"      <g:sale_price>19.99 USD</g:sale_price>"#,
        #"      <g:brand>GreenWear</g:brand>"#,
        #"      <g:google_product_category>Apparel &amp; Accessories &gt; Clothing</g:google_product_category>"#,
        #"      <g:product_type>Home &gt; Women &gt; Tops</g:product_type>"#,
        #"      <g:sale_price></g:sale_price>"#,
        #"    </item>"#,
        #"  </channel>"#,
        #"</rss>"#,
    ]

    static var merchant: [UInt8] { document(merchantLines) }

    /// `count` small items, one per line, inside an RSS envelope (item k on line k + 2).
    static func manyItems(_ count: Int) -> [UInt8] {
        var text = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
        for index in 1...count {
            text += "<item><g:id>\(index)</g:id><title>商品 \(index)</title></item>\n"
        }
        text += "</channel></rss>\n"
        return Array(text.utf8)
    }
}
