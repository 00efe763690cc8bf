import AssayJSON
import Foundation
import Testing
@testable import Assay

@Suite("JSON report schema (docs/report-schema.json)")
struct JSONReportSchemaTests {
    static let schemaPath = RepositoryPaths.root + "/docs/report-schema.json"

    /// `--format json` for the fixture run, produced by `JSONReporter` as `assay check` drives it.
    func report(unreadableInput: Bool = true) throws -> String {
        let policy = try ReportFixture.policy()
        let sink = OutputSink.memory()
        var reporter = JSONReporter(out: sink)
        let run = try ReportFixture.run(unreadableInput: unreadableInput)
        for (json, origin, fieldOrigins) in ReportFixture.records {
            let record = try Record(json: JSONParser.parse(json), origin: origin, fieldOrigins: fieldOrigins)
            let result = policy.check(record)
            if !result.violations.isEmpty || !result.problems.isEmpty { reporter.record(record, result: result) }
        }
        for error in run.inputErrors { reporter.inputError(error) }
        reporter.finish(run.summary)
        return sink.collected
    }

    @Test("JSONReporter's document validates against the documented schema")
    func reportValidates() throws {
        try PythonCheck.requireModule("jsonschema")
        let text = try report()
        let document = try JSONParser.parse(text)
        #expect(document["violations"]?.arrayValue?.count == 7)  // the fixture is not trivially empty
        #expect(document["errors"]?.arrayValue?.count == 2)
        #expect(try PythonCheck.schemaErrors(document: text, schemaPath: Self.schemaPath) == [])
        #expect(try PythonCheck.schemaErrors(document: try report(unreadableInput: false), schemaPath: Self.schemaPath) == [])
    }

    @Test("the schema is a valid draft 2020-12 schema and rejects documents that break the contract")
    func schemaRejectsBrokenDocuments() throws {
        try PythonCheck.requireModule("jsonschema")
        let schema = try JSONParser.parse(String(contentsOfFile: Self.schemaPath, encoding: .utf8))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        let text = try report()
        let broken: [(String, String)] = [
            ("a missing summary", text.replacingOccurrences(of: #","summary":"#, with: #","summery":"#)),
            ("an unknown severity", text.replacingOccurrences(of: #""severity":"high""#, with: #""severity":"severe""#)),
            ("a string offset", text.replacingOccurrences(of: #""start":24"#, with: #""start":"24""#)),
            ("version 2", text.replacingOccurrences(of: #"{"version":1,"#, with: #"{"version":2,"#)),
            ("line 0 on a violation", text.replacingOccurrences(of: #""line":1,"column":null,"text_source""#, with: #""line":0,"column":null,"text_source""#)),
        ]
        for (what, document) in broken {
            #expect(document != text, "the mutation for \(what) did not apply")
            #expect(try !PythonCheck.schemaErrors(document: document, schemaPath: Self.schemaPath).isEmpty, "accepted \(what)")
        }
    }

    @Test("the schema names every key ViolationJSON writes, and the summary's counts")
    func schemaCoversEveryKey() throws {
        let schema = try JSONParser.parse(String(contentsOfFile: Self.schemaPath, encoding: .utf8))
        let violation = try #require(schema["$defs"]?["violation"]?["required"]?.arrayValue).compactMap(\.stringValue)
        let written = try #require(JSONParser.parse(try report())["violations"]?[0]?.objectValue).keys
        #expect(violation == written)
        let summaryKeys = try #require(schema["$defs"]?["summary"]?["required"]?.arrayValue).compactMap(\.stringValue)
        #expect(summaryKeys == ViolationJSON.value(CheckSummary()).objectValue?.keys)
    }
}
