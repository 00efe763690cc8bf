import Foundation
import Testing

@testable import AssayXML

@Suite("Feed reader: XML attacks are rejected")
struct FeedSafetyTests {
    private func expectRejected(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let events = readAll(bytes: document(lines))
        #expect(events.items.isEmpty, sourceLocation: sourceLocation)
        #expect(events.errors.count == 1, "\(events.errors)", sourceLocation: sourceLocation)
        #expect(events.errors.first?.message == FeedError.entityDeclarationsRejected, sourceLocation: sourceLocation)
    }

    @Test("a classic XXE feed is rejected and no file content ever appears")
    func classicXXE() throws {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("secret.txt", Array("TOP-SECRET-CONTENT".utf8))
        for target in ["file:///etc/passwd", "file://" + secret] {
            let lines = [
                #"<?xml version="1.0"?>"#,
                #"<!DOCTYPE rss [<!ENTITY xxe SYSTEM "\#(target)">]>"#,
                #"<rss xmlns:g="http://base.google.com/ns/1.0"><channel>"#,
                #"<item><g:id>1</g:id><title>&xxe;</title><description>x &xxe; y</description></item>"#,
                #"</channel></rss>"#,
            ]
            expectRejected(lines)
            let text = readAll(bytes: document(lines)).allText
            #expect(!text.contains("root:"))
            #expect(!text.contains("TOP-SECRET"))
        }
    }

    @Test("a billion-laughs bomb is rejected quickly")
    func billionLaughs() {
        var lines = [#"<?xml version="1.0"?>"#, "<!DOCTYPE lolz ["]
        lines.append(#"<!ENTITY lol "lol">"#)
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lines.append("<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">")
        }
        lines.append("]>")
        lines.append("<rss><channel><item><title>&lol9;</title></item></channel></rss>")
        let clock = ContinuousClock()
        let elapsed = clock.measure { expectRejected(lines) }
        #expect(elapsed < .seconds(1))
    }

    @Test("a quadratic-blowup internal entity is rejected")
    func quadraticBlowup() {
        let big = String(repeating: "A", count: 100_000)
        let refs = String(repeating: "&a;", count: 10_000)
        expectRejected([
            "<!DOCTYPE rss [<!ENTITY a \"\(big)\">]>",
            "<rss><channel><item><title>\(refs)</title></item></channel></rss>",
        ])
    }

    @Test("an external DTD, parameter entities and unparsed entities are rejected")
    func externalReferences() {
        expectRejected([
            #"<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">"#,
            "<rss><channel><item><title>t</title></item></channel></rss>",
        ])
        expectRejected([
            #"<!DOCTYPE rss PUBLIC "-//Evil//DTD//EN" "file:///etc/passwd">"#,
            "<rss><channel><item><title>t</title></item></channel></rss>",
        ])
        expectRejected([
            #"<!DOCTYPE rss [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>"#,
            "<rss><channel><item><title>t</title></item></channel></rss>",
        ])
        expectRejected([
            #"<!DOCTYPE rss [<!NOTATION gif SYSTEM "image/gif"><!ENTITY pic SYSTEM "file:///etc/passwd" NDATA gif>]>"#,
            "<rss><channel><item><title>t</title></item></channel></rss>",
        ])
    }

    @Test("a plain DOCTYPE without entities or external DTD is accepted")
    func harmlessDoctype() {
        let events = readAll(
            bytes: document([
                "<!DOCTYPE rss [<!ELEMENT rss ANY>]>",
                "<rss><channel><item><title>t</title></item></channel></rss>",
            ]))
        #expect(events.errors.isEmpty)
        #expect(events.items.count == 1)
    }

    @Test("an undeclared entity reference never expands to file content")
    func undeclaredEntity() {
        let events = readAll(bytes: Array("<rss><channel><item><title>&passwd;</title></item></channel></rss>".utf8))
        #expect(events.items.isEmpty)
        #expect(!events.errors.isEmpty)
    }
}
