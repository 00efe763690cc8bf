import Foundation
import Testing

@testable import AssayXML

@Suite("Feed reader: malformed, truncated, compressed and unreadable input")
struct FeedErrorTests {
    @Test("a malformed item between two good ones yields an error at its line; the good items still come out")
    func malformedItemBetweenGoodOnes() throws {
        let bytes = document([
            #"<rss xmlns:g="http://base.google.com/ns/1.0"><channel>"#,
            #"<item><g:id>1</g:id><title>good one</title></item>"#,
            #"<item><g:id>2</g:id>"#,
            #"<title>broken</item>"#,
            #"<item><g:id>3</g:id><title>good three</title></item>"#,
            #"</channel></rss>"#,
        ])
        let events = readAll(bytes: bytes)
        #expect(events.items.map { $0.first("g:id") } == ["1", "3"])
        #expect(events.items.map(\.line) == [2, 5])
        let first = try #require(events.errors.first)
        #expect(first.line == 4)
        #expect(first.column == 21)
        #expect(first.message.contains("mismatch"))
        #expect(events.errors.count == 1, "cascades of the one missing end tag are folded: \(events.errors)")
        // The error is reported in document order, between the two items.
        guard case .error = events[1] else {
            Issue.record("expected the error second, got \(events)")
            return
        }
    }

    @Test("an undefined entity and an invalid character each make their item an error, not an item")
    func badEntityAndInvalidCharacter() throws {
        let bytes = document([
            "<rss><channel>",
            "<item><title>ok</title></item>",
            "<item><title>Tom &nbsp; Jerry</title></item>",
            "<item><title>bell \u{07} here</title></item>",
            "<item><title>最后</title></item>",
            "</channel></rss>",
        ])
        let events = readAll(bytes: bytes)
        #expect(events.items.map { $0.first("title") } == ["ok", "最后"])
        let lines = events.errors.map(\.line)
        #expect(lines.contains(3))
        #expect(lines.contains(4))
        #expect(events.errors.allSatisfy { (3...4).contains($0.line) })
    }

    @Test("an invalid UTF-8 byte spoils only its own item; later Chinese text is not mojibake")
    func invalidUTF8() throws {
        var bytes = Array("<rss><channel>\n<item><title>bad ".utf8)
        bytes.append(0xFF)
        bytes += Array("</title></item>\n<item><title>降噪耳机</title></item>\n</channel></rss>".utf8)
        let events = readAll(bytes: bytes)
        #expect(events.errors.first?.line == 2)
        #expect(events.items.map { $0.first("title") } == ["降噪耳机"])
    }

    @Test("a truncated file ends with one error event after the complete items")
    func truncatedFile() throws {
        // Items are on lines 3…12; 400 bytes end inside the item on line 9.
        var bytes = Fixtures.manyItems(10)
        bytes.removeLast(bytes.count - 400)
        let events = readAll(bytes: bytes)
        #expect(events.items.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(events.errors.count == 1)
        guard case .error(let error) = events.last else {
            Issue.record("expected the last event to be an error, got \(String(describing: events.last))")
            return
        }
        #expect(error.line == 9)
        #expect(error.message.contains("truncated"))

        // Cut between two items: the document is still unclosed.
        let text = String(decoding: Fixtures.manyItems(3), as: UTF8.self)
        let cut = text[..<text.range(of: "</item>\n", options: .backwards)!.upperBound]
        let tail = readAll(bytes: Array(cut.utf8))
        #expect(tail.items.count == 3)
        #expect(tail.errors.count == 1)
        #expect(tail.errors.first?.message.contains("truncated") == true)
    }

    @Test("a non-XML input is an error, not a crash")
    func garbage() {
        #expect(!readAll(bytes: Array("just some text, no markup".utf8)).errors.isEmpty)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let noise = (0..<Int.random(in: 1...4000, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            _ = readAll(bytes: Array("<rss><channel><item><title>".utf8) + noise)
        }
    }

    @Test("a .gz feed is decompressed transparently")
    func gzipFeed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.writeGzip("feed.xml", Fixtures.merchant)
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(raw.starts(with: [0x1F, 0x8B]))
        let events = readAll(try FeedReader(path: path))
        #expect(events.errors.isEmpty)
        #expect(events.items.map { $0.first("g:id") } == ["SKU-001", "SKU-002"])
        #expect(events.items.first?.line == 7)
    }

    @Test("a plain file path reads like the same bytes in memory")
    func plainFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("feed.xml", Fixtures.merchant)
        #expect(readAll(try FeedReader(path: path)).items.count == 2)
    }

    @Test("a truncated .gz ends with an error event, never a crash or a silent stop")
    func truncatedGzip() throws {
        let directory = try TemporaryDirectory()
        let full = try directory.writeGzip("big.xml", Fixtures.manyItems(5_000))
        let compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        for keep in [compressed.count / 2, compressed.count - 20, 30] {
            let path = try directory.write("cut-\(keep).xml.gz", Array(compressed.prefix(keep)))
            let events = readAll(try FeedReader(path: path))
            guard case .error(let error) = events.last else {
                Issue.record("keeping \(keep) bytes: expected a final error")
                continue
            }
            #expect(error.line > 0)
            #expect(events.items.count < 5_000)
        }
    }

    @Test("an unreadable path is a clear FeedError at line 0")
    func unreadablePath() throws {
        do {
            _ = try FeedReader(path: "/nonexistent/assay/feed.xml")
            Issue.record("expected a FeedError")
        } catch {
            #expect(error.line == 0)
            #expect(error.message.contains("/nonexistent/assay/feed.xml"))
            #expect(error.message.contains("No such file"))
        }
        let directory = try TemporaryDirectory()
        #expect(throws: FeedError.self) { try FeedReader(path: directory.url.path) }
    }

    @Test("a relative name that looks like a URL is opened as a local file, never fetched")
    func urlLookingPath() {
        #expect(throws: FeedError.self) { try FeedReader(path: "http://127.0.0.1:1/feed.xml") }
        #expect(throws: FeedError.self) { try FeedReader(path: "file:///etc/hostname") }
    }
}
