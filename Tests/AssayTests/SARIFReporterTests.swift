import AssayDSL
import AssayJSON
import Foundation
import Testing
@testable import Assay

// MARK: - Shared by the output reporter tests (SARIF, JUnit, GitHub, CSV, JSON schema)

/// A small run for the document reporters: an inline pack with four rules (one per category, one per
/// severity band), records in three files — a JSONL feed, a CSV export whose path has a space and
/// Chinese, a merchant file — an input error and an unreadable input.
enum ReportFixture {
    static let pack = """
        pack outputs {
          title "Output test pack"
          version "2.1.0"
          reference ad-law {
            title "PRC Advertising Law (2021), Art. 9(3) [工商广字[1997]第207号]"
            url "https://flk.npc.gov.cn/"
            checked 2026-11-20
          }
          reference platform { title "Platform policy (no URL)" checked 2026-01-01 }
        }

        vocabulary absolute { "最佳" "第一" "no.1" }
        vocabulary replica { "高仿" "a货" }

        rule ADV-ABSOLUTE {
          title "Absolute terms in advertising"
          description "Absolute terms such as 最佳 are forbidden in PRC advertising."
          category advertising
          severity high
          kinds listing, post
          references ad-law
          message "absolute term “{match}” is forbidden"
          when any(title, text) matches terms(absolute)
          examples {
            fires "全网最佳面膜" expect "最佳"
            passes "普通面膜"
          }
        }

        rule CFT-REPLICA {
          title "Replica slang"
          category counterfeit
          severity medium
          kinds listing
          references platform
          message "replica slang “{match}”"
          when title matches terms(replica)
          examples {
            fires "高仿 包" expect "高仿"
            passes "正品 包"
          }
        }

        rule PRV-PHONE {
          title "Mobile number in public text"
          category privacy
          severity critical
          kinds post
          references platform
          message "mobile number in public text"
          when text matches regex(r"1[3-9][0-9]{9}")
          examples {
            fires { kind: post, text: "call 13800138000" } expect "13800138000"
            passes { kind: post, text: "call me" }
          }
        }

        rule TAX-MONTH {
          title "Monthly sales over the limit"
          category tax
          severity low
          kinds merchant
          references platform
          message "monthly sales {sales_month} exceed 100000"
          when sales_month > 100000
          examples {
            fires { kind: merchant, sales_month: 200000 }
            passes { kind: merchant, sales_month: 1 }
          }
        }

        """

    static let listings = "feeds/listings.jsonl"
    static let posts = "exports/帖子 2026.csv"
    static let merchants = "merchants.jsonl"
    static let missing = "missing/feed.xml"

    /// The compiled pack; records the diagnostics and throws when it does not compile.
    static func policy(sourceLocation: SourceLocation = #_sourceLocation) throws -> PolicySet {
        let result = PolicyLoader.load(sources: [PackSource(path: "outputs/pack.assay", text: pack)], readFile: { _ in nil })
        guard let policy = result.policy else {
            Issue.record("the pack has errors:\n\(DiagnosticRenderer.render(result.diagnostics))", sourceLocation: sourceLocation)
            throw TestPolicy.LoadFailed()
        }
        return policy
    }

    /// The records: (JSON, origin, field origins).
    static let records: [(String, RecordOrigin, [String: RecordOrigin])] = [
        (#"{"id":"L-001","kind":"listing","title":"高仿 全网最佳面膜, 100% \"真\""}"#, RecordOrigin(file: listings, line: 1), [:]),
        (#"{"id":"L-002","kind":"listing","title":"普通面膜"}"#, RecordOrigin(file: listings, line: 2), [:]),
        (#"{"id":"L-\u0007004","kind":"listing","title":"No.1 <b>&</b>"}"#, RecordOrigin(file: listings, line: 4), [:]),
        (
            #"{"id":"P-1","kind":"post","text":"=HYPERLINK 最佳\r\n第一: call 13800138000"}"#, RecordOrigin(file: posts, line: 2),
            ["text": RecordOrigin(file: posts, line: 3, column: 4)]
        ),
        (#"{"id":"M-1","kind":"merchant","sales_month":200000}"#, RecordOrigin(file: merchants, line: 1), [:]),
        (#"{"id":"M-2","kind":"merchant","sales_month":5}"#, RecordOrigin(file: merchants, line: 2), [:]),
    ]

    static let inputError = RecordError(origin: RecordOrigin(file: listings, line: 3), column: 7, message: "expected ',' or '}' after a member")
    static let unreadable = RecordError(origin: RecordOrigin(file: missing, line: 0), message: "cannot read input: No such file or directory")

    /// The run as `FanOutReporter` collects it: every record checked, findings with fingerprints, the
    /// input errors, and the summary.
    static func run(keepCheckedRecords: Bool = true, unreadableInput: Bool = true) throws -> CollectedRun {
        let policy = try policy()
        var run = CollectedRun(policy: policy)
        var summary = CheckSummary()
        summary.files = 4
        for (json, origin, fieldOrigins) in records {
            let record = try Record(json: JSONParser.parse(json), origin: origin, fieldOrigins: fieldOrigins)
            if keepCheckedRecords { run.checkedRecords.append((record.id, record.kind, record.origin)) }
            let result = policy.check(record)
            for violation in result.violations {
                run.findings.append(.init(violation: violation, record: record, fingerprint: Fingerprint.of(violation)))
            }
            run.problems += result.problems
            summary.recordsRead += 1
            summary.recordsChecked += 1
            summary.add(result.violations)
        }
        run.inputErrors.append(inputError)
        summary.recordsRead += 1
        summary.inputErrors += 1
        if unreadableInput {
            run.inputErrors.append(unreadable)
            summary.unreadableInputs += 1
        }
        run.summary = summary
        return run
    }
}

/// Runs Python helpers for the consumer checks (jsonschema, csv, xml.etree, junitparser).
enum PythonCheck {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The repository root (this file is `Tests/AssayTests/…`).
    static var repositoryRoot: String { RepositoryPaths.root }

    /// `python3 -c script args…`, with standard output and error captured.
    static func run(_ script: String, _ arguments: [String] = [], python: String = "python3") throws -> Output {
        let scratch = try ScratchDirectory()
        let outPath = scratch.path("stdout")
        let errPath = scratch.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        if python.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", script] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python, "-c", script] + arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Whether `python3` can import a module.
    static func hasModule(_ name: String, python: String = "python3") -> Bool {
        (try? run("import \(name)", python: python).status) == 0
    }

    /// Cancels the test (reported as skipped, with the reason) when `python3` or the module is missing.
    static func requireModule(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard hasModule(name) else {
            try Test.cancel(
                "skipped: python3 with the '\(name)' module is needed for this consumer check (pip install \(name))",
                sourceLocation: sourceLocation)
        }
    }

    /// Validates a JSON document (text) against a JSON Schema file with Python `jsonschema`, using the
    /// validator class the schema's `$schema` names. Returns the error messages (empty when valid).
    static func schemaErrors(document: String, schemaPath: String) throws -> [String] {
        let scratch = try ScratchDirectory()
        let documentPath = try scratch.write("document.json", document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            for e in errors:
                print("/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
            print("checked with " + cls.__name__)
            """
        let output = try run(script, [schemaPath, documentPath])
        guard output.status == 0 else {
            return ["python failed (\(output.status)): \(output.stderr)"]
        }
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("checked with ") == true, "jsonschema did not run: \(output.stdout)")
        return lines.filter { !$0.hasPrefix("checked with ") }
    }
}

/// A scratch directory removed when the value goes away.
final class ScratchDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let path = self.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

// MARK: - SARIF

@Suite("SARIF 2.1.0 reporter")
struct SARIFReporterTests {
    static let schemaPath = RepositoryPaths.root + "/../shared/schemas/sarif-schema-2.1.0.json"

    func log(_ run: CollectedRun, sourceRoot: String? = nil) throws -> JSONValue {
        let text = SARIFReporter(toolVersion: "9.9.9-test", informationURI: "https://example.com/assay", sourceRoot: sourceRoot)
            .render(run)
        return try JSONParser.parse(text)
    }

    func theRun(_ log: JSONValue) throws -> JSONValue {
        try #require(log["runs"]?[0])
    }

    @Test("the log validates against the official SARIF 2.1.0 schema, with and without a source root")
    func validatesAgainstSchema() throws {
        guard FileManager.default.fileExists(atPath: Self.schemaPath) else {
            try Test.cancel("skipped: the SARIF schema is not at \(Self.schemaPath) (shared/schemas beside the repository)")
        }
        try PythonCheck.requireModule("jsonschema")
        var run = try ReportFixture.run()
        run.problems = [RuleProblem(rule: "PRV-PHONE", record: "P-1", field: "text", message: "match limit reached")]
        for sourceRoot in [nil, "/work/repo"] {
            let text = SARIFReporter(toolVersion: "1.0.0", informationURI: "https://example.com/assay", sourceRoot: sourceRoot)
                .render(run)
            let errors = try PythonCheck.schemaErrors(document: text, schemaPath: Self.schemaPath)
            #expect(errors.isEmpty, "schema errors (sourceRoot \(sourceRoot ?? "nil")):\n\(errors.joined(separator: "\n"))")
        }
        // The validator is not vacuous: a result without a message is rejected.
        var broken = SARIFReporter(toolVersion: "1.0.0").render(try ReportFixture.run())
        broken = broken.replacingOccurrences(of: #""message":{"text":"absolute term"#, with: #""massage":{"text":"absolute term"#)
        #expect(try !PythonCheck.schemaErrors(document: broken, schemaPath: Self.schemaPath).isEmpty)
    }

    @Test("the driver lists every rule of the policy with its metadata, help and GitHub security-severity")
    func rulesCarryMetadata() throws {
        let run = try ReportFixture.run()
        let driver = try #require(try theRun(log(run))["tool"]?["driver"])
        #expect(driver["name"] == .string("assay"))
        #expect(driver["version"] == .string("9.9.9-test"))
        #expect(driver["informationUri"] == .string("https://example.com/assay"))
        let rules = try #require(driver["rules"]?.arrayValue)
        #expect(rules.map { $0["id"]?.stringValue } == run.policy.rules.map(\.id))
        #expect(rules.map { $0["id"]?.stringValue } == ["ADV-ABSOLUTE", "CFT-REPLICA", "PRV-PHONE", "TAX-MONTH"])
        #expect(rules.map { $0["name"]?.stringValue } == ["AdvAbsolute", "CftReplica", "PrvPhone", "TaxMonth"])
        #expect(rules.map { $0["defaultConfiguration"]?["level"]?.stringValue } == ["error", "warning", "error", "note"])
        #expect(rules.map { $0["properties"]?["security-severity"]?.stringValue } == ["8.0", "5.5", "9.5", "3.0"])

        let absolute = rules[0]
        #expect(absolute["shortDescription"]?["text"] == .string("Absolute terms in advertising"))
        #expect(absolute["fullDescription"]?["text"] == .string("Absolute terms such as 最佳 are forbidden in PRC advertising."))
        #expect(rules[1]["fullDescription"]?["text"] == .string("Replica slang"))  // no description: the title
        #expect(absolute["helpUri"] == .string("https://flk.npc.gov.cn/"))
        #expect(rules[1]["helpUri"] == nil)  // its only reference has no URL
        #expect(absolute["properties"]?["category"] == .string("advertising"))
        #expect(absolute["properties"]?["severity"] == .string("high"))
        #expect(absolute["properties"]?["pack"] == .string("outputs"))
        #expect(absolute["properties"]?["packVersion"] == .string("2.1.0"))
        #expect(absolute["properties"]?["tags"] == .array([.string("compliance"), .string("advertising")]))

        let markdown = try #require(absolute["help"]?["markdown"]?.stringValue)
        #expect(markdown.contains("Absolute terms such as 最佳 are forbidden"))
        #expect(markdown.contains(#"[PRC Advertising Law (2021), Art. 9(3) \[工商广字\[1997\]第207号\]](<https://flk.npc.gov.cn/>) — checked 2026-11-20"#))
        #expect(markdown.contains("**Fires on**"))
        #expect(markdown.contains(#"→ matches `最佳`"#))
        #expect(markdown.contains("**Passes**"))
        #expect(markdown.contains("普通面膜"))
        let text = try #require(absolute["help"]?["text"]?.stringValue)
        #expect(text.contains("<https://flk.npc.gov.cn/> (checked 2026-11-20)"))
        #expect(text.contains("- fires: "))
        #expect(text.contains("- passes: "))
    }

    @Test("each violation is a result with rule index, level by severity, location, logical location and fingerprint")
    func resultsCarryLocationsAndFingerprints() throws {
        let run = try ReportFixture.run()
        let sarif = try theRun(log(run))
        let results = try #require(sarif["results"]?.arrayValue)
        #expect(results.count == run.findings.count)
        let rules = try #require(sarif["tool"]?["driver"]?["rules"]?.arrayValue)

        for (result, finding) in zip(results, run.findings) {
            let violation = finding.violation
            #expect(result["ruleId"] == .string(violation.rule))
            let index = try #require(result["ruleIndex"]?.numberValue?.intValue)
            #expect(rules[index]["id"] == .string(violation.rule))
            #expect(result["partialFingerprints"]?[SARIFReporter.fingerprintKey] == .string(finding.fingerprint))
            #expect(result["properties"]?["record"] == .string(violation.record))
            #expect(result["message"]?["text"]?.stringValue?.hasPrefix(violation.message) == true)
        }

        let posts = results.filter { $0["properties"]?["record"] == .string("P-1") }
        #expect(posts.map { $0["level"]?.stringValue } == ["error", "error", "error"])
        let phone = try #require(posts.first { $0["ruleId"] == .string("PRV-PHONE") })
        let physical = try #require(phone["locations"]?[0]?["physicalLocation"])
        #expect(physical["artifactLocation"]?["uri"] == .string("exports/%E5%B8%96%E5%AD%90%202026.csv"))
        #expect(physical["artifactLocation"]?["uriBaseId"] == .string("%SRCROOT%"))
        #expect(physical["region"]?["startLine"] == .number(JSONNumber(3)))  // the field's line, not the record's
        #expect(physical["region"]?["startColumn"] == .number(JSONNumber(4)))
        #expect(physical["region"]?["snippet"]?["text"] == .string("13800138000"))
        let logical = try #require(phone["locations"]?[0]?["logicalLocations"]?[0])
        #expect(logical["fullyQualifiedName"] == .string("P-1/text"))
        #expect(logical["name"] == .string("text"))
        #expect(logical["kind"] == .string("member"))
        #expect(phone["properties"]?["start"] == .number(JSONNumber(24)))
        #expect(phone["properties"]?["end"] == .number(JSONNumber(35)))
        #expect(phone["properties"]?["match"] == .string("13800138000"))
        #expect(phone["properties"]?["textSource"] == .null)

        let replica = try #require(results.first { $0["ruleId"] == .string("CFT-REPLICA") })
        #expect(replica["level"] == .string("warning"))
        let listing = try #require(replica["locations"]?[0]?["physicalLocation"])
        #expect(listing["artifactLocation"]?["uri"] == .string("feeds/listings.jsonl"))
        #expect(listing["region"]?["startLine"] == .number(JSONNumber(1)))
        #expect(listing["region"]?["startColumn"] == nil)  // JSONL has no column

        let tax = try #require(results.first { $0["ruleId"] == .string("TAX-MONTH") })
        #expect(tax["level"] == .string("note"))
        #expect(tax["properties"]?["start"] == .null)
        #expect(tax["properties"]?["match"] == .string("200000"))
        #expect(tax["locations"]?[0]?["logicalLocations"]?[0]?["fullyQualifiedName"] == .string("M-1/sales_month"))
    }

    @Test("GitHub code scanning constraints hold: lines ≥ 1, known rule ids, fingerprints, relative URIs")
    func gitHubCodeScanningConstraints() throws {
        let sarif = try theRun(log(try ReportFixture.run()))
        let ruleIDs = Set(try #require(sarif["tool"]?["driver"]?["rules"]?.arrayValue).compactMap { $0["id"]?.stringValue })
        let results = try #require(sarif["results"]?.arrayValue)
        #expect(!results.isEmpty)
        for result in results {
            let ruleID = try #require(result["ruleId"]?.stringValue)
            #expect(ruleIDs.contains(ruleID))
            let fingerprints = try #require(result["partialFingerprints"]?.objectValue)
            #expect(fingerprints.entries.allSatisfy { !($0.value.stringValue ?? "").isEmpty })
            let locations = try #require(result["locations"]?.arrayValue)
            #expect(locations.count == 1)
            for location in locations {
                let physical = try #require(location["physicalLocation"])
                let line = try #require(physical["region"]?["startLine"]?.numberValue?.intValue)
                #expect(line >= 1)
                if let column = physical["region"]?["startColumn"]?.numberValue?.intValue { #expect(column >= 1) }
                let uri = try #require(physical["artifactLocation"]?["uri"]?.stringValue)
                #expect(!uri.hasPrefix("/") && !uri.contains("://") && !uri.hasPrefix("./"), "not a relative URI: \(uri)")
                #expect(!uri.contains(" "), "not percent-encoded: \(uri)")
            }
        }
        let rules = try #require(sarif["tool"]?["driver"]?["rules"]?.arrayValue)
        for rule in rules {
            // GitHub reads security-severity as a string holding a number in 0…10.
            let severity = try #require(Double(rule["properties"]?["security-severity"]?.stringValue ?? ""))
            #expect((0...10).contains(severity))
            #expect(rule["shortDescription"]?["text"]?.stringValue?.isEmpty == false)
            #expect(rule["help"]?["text"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("input errors are error notifications with their location; an unreadable input makes the execution unsuccessful")
    func inputErrorsAreNotifications() throws {
        let sarif = try theRun(log(try ReportFixture.run()))
        let invocation = try #require(sarif["invocations"]?[0])
        #expect(invocation["executionSuccessful"] == .bool(false))
        let notifications = try #require(invocation["toolExecutionNotifications"]?.arrayValue)
        #expect(notifications.count == 2)
        let first = notifications[0]
        #expect(first["level"] == .string("error"))
        #expect(first["message"]?["text"] == .string("expected ',' or '}' after a member"))
        let physical = try #require(first["locations"]?[0]?["physicalLocation"])
        #expect(physical["artifactLocation"]?["uri"] == .string("feeds/listings.jsonl"))
        #expect(physical["region"]?["startLine"] == .number(JSONNumber(3)))
        #expect(physical["region"]?["startColumn"] == .number(JSONNumber(7)))
        // The unreadable file has no line: a location without a region, never startLine 0.
        let unreadable = try #require(notifications[1]["locations"]?[0]?["physicalLocation"])
        #expect(unreadable["artifactLocation"]?["uri"] == .string("missing/feed.xml"))
        #expect(unreadable["region"] == nil)

        let readable = try theRun(log(try ReportFixture.run(unreadableInput: false)))
        #expect(readable["invocations"]?[0]?["executionSuccessful"] == .bool(true))
        #expect(readable["invocations"]?[0]?["toolExecutionNotifications"]?.arrayValue?.count == 1)
    }

    @Test("rule problems are warning notifications tied to their rule; they do not make the execution fail")
    func ruleProblemsAreWarnings() throws {
        var run = try ReportFixture.run(unreadableInput: false)
        run.problems = [RuleProblem(rule: "PRV-PHONE", record: "P-1", field: "text", message: "match limit reached")]
        let invocation = try #require(try theRun(log(run))["invocations"]?[0])
        #expect(invocation["executionSuccessful"] == .bool(true))
        let problem = try #require(invocation["toolExecutionNotifications"]?[1])
        #expect(problem["level"] == .string("warning"))
        #expect(problem["associatedRule"]?["id"] == .string("PRV-PHONE"))
        #expect(problem["associatedRule"]?["index"] == .number(JSONNumber(2)))
        #expect(problem["message"]?["text"] == .string("record P-1 field text: match limit reached"))
        #expect(problem["locations"]?[0]?["logicalLocations"]?[0]?["fullyQualifiedName"] == .string("P-1/text"))
    }

    @Test("a run with no findings and no errors is a valid, successful, empty log")
    func emptyRun() throws {
        let run = CollectedRun(policy: try ReportFixture.policy())
        let sarif = try theRun(log(run))
        #expect(sarif["results"] == .array([]))
        #expect(sarif["invocations"]?[0]?["executionSuccessful"] == .bool(true))
        #expect(sarif["invocations"]?[0]?["toolExecutionNotifications"] == nil)
        #expect(sarif["tool"]?["driver"]?["rules"]?.arrayValue?.count == 4)
    }

    @Test("absolute paths under the source root become relative; others become file URIs")
    func artifactLocations() throws {
        typealias S = SARIFDocument
        #expect(S.artifactLocation("./feeds/a.jsonl", sourceRoot: nil) == S.object([
            ("uri", .string("feeds/a.jsonl")), ("uriBaseId", .string("%SRCROOT%")),
        ]))
        #expect(S.artifactLocation("/work/repo/feeds/a b.jsonl", sourceRoot: "/work/repo/")["uri"] == .string("feeds/a%20b.jsonl"))
        #expect(S.artifactLocation("/work/repo/feeds/a.jsonl", sourceRoot: "/work/repo")["uriBaseId"] == .string("%SRCROOT%"))
        #expect(S.artifactLocation("/work/repository/a.jsonl", sourceRoot: "/work/repo") == S.object([
            ("uri", .string("file:///work/repository/a.jsonl")),
        ]))
        #expect(S.artifactLocation("/tmp/帖子#1.csv", sourceRoot: nil)["uri"] == .string("file:///tmp/%E5%B8%96%E5%AD%90%231.csv"))

        let sarif = try theRun(log(try ReportFixture.run(), sourceRoot: "/work/repo"))
        #expect(sarif["originalUriBaseIds"]?["%SRCROOT%"]?["uri"] == .string("file:///work/repo/"))
    }

    @Test("rule names are UpperCamelCase identifiers made from the id")
    func camelCaseNames() {
        #expect(SARIFDocument.camelCase("ADV-CN-ABSOLUTE") == "AdvCnAbsolute")
        #expect(SARIFDocument.camelCase("tax_uk_90k") == "TaxUk90k")
        #expect(SARIFDocument.camelCase("最佳") == "")
    }

    @Test("a finding whose rule is not in the policy still gets a rule entry it points at")
    func unknownRuleGetsDescriptor() throws {
        let full = try ReportFixture.run()
        let other = try PolicyLoader.load(
            sources: [PackSource(path: "t.assay", text: TestPolicy.header + TestPolicy.rule("ONLY", when: "title == \"x\""))],
            readFile: { _ in nil }
        ).policy.unwrapped()
        var run = CollectedRun(policy: other)
        run.findings = full.findings
        let sarif = try theRun(log(run))
        let rules = try #require(sarif["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.compactMap { $0["id"]?.stringValue } == ["ONLY", "ADV-ABSOLUTE", "CFT-REPLICA", "PRV-PHONE", "TAX-MONTH"])
        for result in try #require(sarif["results"]?.arrayValue) {
            let index = try #require(result["ruleIndex"]?.numberValue?.intValue)
            #expect(rules[index]["id"] == result["ruleId"])
        }
    }
}

extension Optional {
    /// The value, or a thrown error when nil.
    func unwrapped(sourceLocation: SourceLocation = #_sourceLocation) throws -> Wrapped {
        try #require(self, sourceLocation: sourceLocation)
    }
}
