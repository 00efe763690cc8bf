import AssayJSON
import Foundation
import Testing

@Suite("assay check: input formats")
struct InputFormatCommandTests {
    static func violations(_ stdout: String) throws -> [JSONObject] {
        try stdout.split(separator: "\n").map { line in
            guard case .object(let object) = try JSONParser.parse(String(line)) else { throw CancellationError() }
            return object
        }
    }

    @Test("a Google Merchant feed is read by extension; HTML hidden text is reported as such with its line")
    func merchantFeed() throws {
        let result = try AssayProcess.run(["check", "--format", "jsonl", "fixtures/google-merchant-feed.xml"])
        #expect(result.status == 1, "\(result.stderr)")
        let hidden = try Self.violations(result.stdout).filter { $0["record"] == .string("GMC-003") }
        #expect(!hidden.isEmpty)
        for violation in hidden {
            #expect(violation["text_source"] == .string("html-hidden:alt") || violation["text_source"] == .string("html-hidden:element"))
            #expect(violation["line"] == .number(JSONNumber(35)))
        }
    }

    @Test("offsets of extracted HTML text index source_text, which the violation carries")
    func extractedTextOffsets() throws {
        let result = try AssayProcess.run(["check", "--format", "jsonl", "fixtures/google-merchant-feed.xml", "fixtures/shopify-products.csv"])
        var checked = 0
        for violation in try Self.violations(result.stdout) {
            guard case .string(let text)? = violation["source_text"], case .string(let match)? = violation["match"],
                case .number(let start)? = violation["start"], case .number(let end)? = violation["end"]
            else { continue }
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[start.intValue!..<end.intValue!])) == match)
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("a Shopify export read from standard input with --input-format points at the variant row's line and column")
    func shopifyFromStandardInput() throws {
        let csv = try String(contentsOfFile: AssayProcess.repositoryRoot + "/fixtures/shopify-products.csv", encoding: .utf8)
        let result = try AssayProcess.run(["check", "--input-format", "shopify", "-"], stdin: csv)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("-:5:10: high: [CFT-BRAND-COPY]"), "\(result.stdout)")
        #expect(result.stdout.contains("record silk-scarf (listing) variants.2.title"))
    }

    @Test("standard input is sniffed when no format is given (a JSON array here)")
    func sniffedStandardInput() throws {
        let json = try String(contentsOfFile: AssayProcess.repositoryRoot + "/fixtures/products.json", encoding: .utf8)
        let result = try AssayProcess.run(["check", "--format", "jsonl", "-"], stdin: json)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\"record\":\"J-002\""))
    }

    @Test("an unknown CSV layout needs a mapping; --map flags provide one")
    func mappingFlags() throws {
        let path = "fixtures/mapped/amazon-flat-file.csv"
        let unmapped = try AssayProcess.run(["check", path])
        #expect(unmapped.status == 3)
        #expect(unmapped.stderr.contains("CSV layout not recognised"))
        let mapped = try AssayProcess.run([
            "check", "--format", "jsonl", "--map", "id=item_sku", "--map", "title=item_name",
            "--map", "description=product_description", "--map", "market=\"US\"", path,
        ])
        #expect(mapped.status == 1, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("\"record\":\"AMZ-101\""))
        #expect(mapped.stdout.contains("\"column\":4"))
    }

    @Test("a mapping file is read with --mapping, and a broken one is a usage error")
    func mappingFile() throws {
        let good = try AssayProcess.run([
            "check", "--format", "jsonl", "--mapping", "fixtures/mapped/amazon-flat-file.mapping", "fixtures/mapped/amazon-flat-file.csv",
        ])
        #expect(good.status == 1)
        let directory = try AssayProcess.temporaryDirectory()
        try "title item_name\n".write(toFile: directory + "/bad.mapping", atomically: true, encoding: .utf8)
        let bad = try AssayProcess.run(["check", "--mapping", directory + "/bad.mapping", "fixtures/mapped/amazon-flat-file.csv"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.mapping:1:"))
    }

    @Test("malformed inputs exit 3 after checking the good records, and XXE never leaks file content")
    func malformedInputs() throws {
        let result = try AssayProcess.run([
            "check", "--format", "jsonl", "fixtures/malformed/broken-lines.jsonl", "fixtures/malformed/xxe.xml",
            "fixtures/malformed/ill-formed-item.xml",
        ])
        #expect(result.status == 3)
        #expect(result.stdout.contains("\"record\":\"B-5\""))
        #expect(result.stdout.contains("\"record\":\"X-3\""))
        #expect(result.stderr.contains("xxe.xml:3: error: XML entity declarations are not accepted"))
        #expect(!result.stdout.contains("root:") && !result.stderr.contains("root:"))
    }

    @Test("the demo directory run reads every top-level fixture format and no input error occurs")
    func fixturesDirectory() throws {
        let result = try AssayProcess.run(["check", "--format", "json", "fixtures/"])
        #expect(result.status == 1)
        guard case .object(let document) = try JSONParser.parse(result.stdout), case .object(let summary)? = document["summary"] else {
            Issue.record("not a document")
            return
        }
        #expect(summary["input_errors"] == .number(JSONNumber(0)))
        #expect(summary["files"] == .number(JSONNumber(7)))
    }
}
