import AssayJSON
import Testing
@testable import Assay

@Suite("JSON Lines violations written straight to bytes")
struct ViolationJSONLineTests {
    /// The reference rendering: the `JSONValue` tree `--format json` uses, written by `JSONWriter`.
    static func viaTree(_ violation: Violation) -> String { JSONWriter.string(ViolationJSON.value(violation)) + "\n" }

    @Test("every finding of the report fixture renders byte for byte as its JSON value does")
    func fixtureFindings() throws {
        let run = try ReportFixture.run()
        #expect(run.findings.count > 5)  // the fixture is not trivially empty
        for finding in run.findings {
            #expect(ViolationJSON.line(finding.violation) == Self.viaTree(finding.violation))
        }
    }

    @Test("escapes, null fields, no references and several references render as the JSON value does")
    func edgeCases() throws {
        let references = [
            Reference(id: "law", title: "Art. 9 \"quoted\" \\ 第九条", url: "https://example.org/?a=1&b=2", checked: "2026-11-20", note: nil),
            Reference(id: "policy", title: "Policy\twith tab", url: nil, checked: nil, note: "not written"),
        ]
        let violations = [
            Violation(
                rule: "R-1", title: "T \u{1}\u{1F}", pack: "p", category: .advertising, severity: .high, record: "L\n1",
                kind: .listing, field: "title", start: 0, end: 12, match: "最佳\"\\", message: "m\r\n",
                references: references, origin: RecordOrigin(file: "a \"b\".jsonl", line: 7, column: 3),
                textSource: .htmlAlt, sourceText: "<b>最佳</b>"),
            Violation(
                rule: "R-2", title: "", pack: "", category: .tax, severity: .low, record: "", kind: .merchant,
                field: nil, start: nil, end: nil, match: nil, message: "", references: [],
                origin: RecordOrigin(file: "", line: 0), textSource: nil, sourceText: nil),
        ]
        for violation in violations {
            let line = ViolationJSON.line(violation)
            #expect(line == Self.viaTree(violation))
            #expect(try JSONParser.parse(String(line.dropLast())) == ViolationJSON.value(violation))
        }
    }

    @Test("the JSON Lines reporter writes one line per violation, as the tree would")
    func reporterOutput() throws {
        let run = try ReportFixture.run()
        let sink = OutputSink.memory()
        var reporter = JSONLinesReporter(out: sink, err: OutputSink.memory())
        for finding in run.findings {
            reporter.record(finding.record, result: CheckResult(violations: [finding.violation], problems: []))
        }
        #expect(sink.collected == run.findings.map { Self.viaTree($0.violation) }.joined())
    }
}
