import Foundation
import Testing

@testable import AssayXML

@Suite("Feed reader: NUL bytes and empty input")
struct FeedNULAndEmptyTests {
    /// Three items on lines 2, 3 and 4; `middle` is the second item's title.
    static func threeItems(middle: [UInt8]) -> [UInt8] {
        Array("<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n<item><g:id>1</g:id><title>one</title></item>\n<item><g:id>2</g:id><title>".utf8)
            + middle + Array("</title></item>\n<item><g:id>3</g:id><title>最佳三</title></item>\n</channel></rss>\n".utf8)
    }

    @Test("a NUL byte makes its item one error at the NUL's line and column; the items after it are read")
    func nulInItem() throws {
        let events = readAll(bytes: Self.threeItems(middle: Array("最 ".utf8) + [0] + Array(" x".utf8)))
        #expect(events.items.map { $0.first("g:id") } == ["1", "3"])
        #expect(events.items.last?.first("title") == "最佳三")
        #expect(events.errors == [FeedError(line: 3, column: 30, message: FeedError.nulByte)])
        guard events.count == 3, case .error = events[1] else {
            Issue.record("expected item, error, item: \(events)")
            return
        }
    }

    @Test("several problems in one item are one error that counts the others")
    func severalNULsInOneItem() {
        let events = readAll(bytes: Self.threeItems(middle: [0, 0x20, 0, 0x0A, 0]))
        #expect(events.items.map { $0.first("g:id") } == ["1", "3"])
        #expect(events.errors == [
            FeedError(line: 3, column: 28, message: FeedError.nulByte + " (and 2 more problems in this item)")
        ])
    }

    @Test("a NUL between items is one error at its position and no item is lost")
    func nulBetweenItems() {
        let bytes = Array("<rss><channel>\n<item><title>a</title></item>\n  ".utf8) + [0]
            + Array("\n<item><title>b</title></item>\n</channel></rss>\n".utf8)
        let events = readAll(bytes: bytes)
        #expect(events.items.map { $0.first("title") } == ["a", "b"])
        #expect(events.errors == [FeedError(line: 3, column: 3, message: FeedError.nulByte)])
    }

    @Test("NULs at the edges of the 64 KiB read chunks keep every other item and exact lines")
    func nulsAtChunkEdges() throws {
        var bytes = Fixtures.manyItems(3_000)
        // The first `商` (a title's first character, E5 95 86) at or after each chunk edge becomes 3 NULs.
        let lead: UInt8 = 0xE5
        var spoiled: [Int] = []
        for edge in [65_536 - 1, 65_536, 2 * 65_536 - 1, 2 * 65_536] {
            guard let index = bytes[edge...].firstIndex(of: lead) else { continue }
            bytes.replaceSubrange(index..<index + 3, with: [0, 0, 0])
            spoiled.append(bytes[..<index].filter { $0 == 0x0A }.count + 1)
        }
        let events = readAll(bytes: bytes)
        let errorLines = events.errors.map(\.line)
        #expect(Set(errorLines) == Set(spoiled))
        #expect(events.errors.allSatisfy { $0.message.hasPrefix(FeedError.nulByte) })
        #expect(events.items.count + Set(spoiled).count == 3_000)
        #expect(events.items.allSatisfy { !errorLines.contains($0.line) && $0.first("g:id") == "\($0.line - 2)" })
    }

    @Test("a UTF-16 feed, full of NUL bytes, is read untouched")
    func utf16Feed() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss><channel>\n<item><title>降噪耳机</title></item>\n</channel></rss>\n"
        for (bom, encoding) in [([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let bytes = bom + [UInt8](try #require(text.data(using: encoding)))
            let events = readAll(bytes: bytes)
            #expect(events.errors.isEmpty, "\(events.errors)")
            #expect(events.items.map { $0.first("title") } == ["降噪耳机"])
            #expect(events.items.first?.line == 3)
        }
    }

    @Test("an empty input, or one of white space only, has no items and no errors", arguments: [
        [], Array(" \n\n\t\r\n".utf8), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0A, 0x20],
    ] as [[UInt8]])
    func emptyInput(bytes: [UInt8]) {
        #expect(readAll(bytes: bytes).isEmpty)
    }

    @Test("an empty .xml.gz — a gzip of nothing, a gzip of blank lines, or 0 bytes — has no items and no errors")
    func emptyGzip() throws {
        let directory = try TemporaryDirectory()
        for path in [
            try directory.writeGzip("empty.xml", []),
            try directory.writeGzip("blank.xml", Array("\n\n  \n".utf8)),
            try directory.write("zero.xml.gz", []),
        ] {
            #expect(readAll(try FeedReader(path: path)).isEmpty, "\(path)")
        }
    }

    @Test("input with content but no XML document is still an error")
    func contentWithoutDocument() {
        for text in ["just some text, no markup", "  \n x", "<?xml version=\"1.0\"?>\n"] {
            let events = readAll(bytes: Array(text.utf8))
            #expect(events.items.isEmpty)
            #expect(events.errors.count == 1, "\(text.debugDescription): \(events.errors)")
        }
    }
}
