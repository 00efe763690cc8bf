import AssayJSON
import Foundation
import Testing
@testable import Assay

@Suite("JUnit XML reporter")
struct JUnitReporterTests {
    /// `(suite name, tests, failures, errors, [(case name, classname, failure type or error or "pass")])`
    /// as Python's `xml.etree` reads the document — printed as JSON.
    static let etreeScript = """
        import json, sys
        import xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == "testsuites", root.tag
        out = {"tests": int(root.get("tests")), "failures": int(root.get("failures")),
               "errors": int(root.get("errors")), "suites": []}
        for suite in root.findall("testsuite"):
            cases = []
            for case in suite.findall("testcase"):
                failure, error = case.find("failure"), case.find("error")
                state = "failure:" + failure.get("type") if failure is not None else ("error" if error is not None else "pass")
                cases.append({"name": case.get("name"), "classname": case.get("classname"), "state": state,
                              "message": (failure if failure is not None else error).get("message") if state != "pass" else None,
                              "text": (failure if failure is not None else error).text if state != "pass" else None})
            out["suites"].append({"name": suite.get("name"), "tests": int(suite.get("tests")),
                                  "failures": int(suite.get("failures")), "errors": int(suite.get("errors")), "cases": cases})
        print(json.dumps(out, ensure_ascii=False))
        """

    func parsed(_ xml: String) throws -> JSONValue {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("junit.xml", xml)
        let output = try PythonCheck.run(Self.etreeScript, [path])
        try #require(output.status == 0, "xml.etree could not read the report: \(output.stderr)")
        return try JSONParser.parse(output.stdout)
    }

    func cases(_ document: JSONValue) -> [JSONValue] {
        (document["suites"]?.arrayValue ?? []).flatMap { $0["cases"]?.arrayValue ?? [] }
    }

    @Test("xml.etree reads one suite per file and the counts written match the test cases")
    func etreeCounts() throws {
        let document = try parsed(JUnitReporter().render(try ReportFixture.run()))
        let suites = try #require(document["suites"]?.arrayValue)
        #expect(suites.map { $0["name"]?.stringValue } == [
            ReportFixture.listings, ReportFixture.posts, ReportFixture.merchants, ReportFixture.missing,
        ])
        var totals = (0, 0, 0)
        for suite in suites {
            let cases = suite["cases"]?.arrayValue ?? []
            #expect(suite["tests"]?.numberValue?.intValue == cases.count)
            #expect(suite["failures"]?.numberValue?.intValue == cases.filter { $0["state"]?.stringValue?.hasPrefix("failure") == true }.count)
            #expect(suite["errors"]?.numberValue?.intValue == cases.filter { $0["state"] == .string("error") }.count)
            totals.0 += cases.count
            totals.1 += suite["failures"]?.numberValue?.intValue ?? -1
            totals.2 += suite["errors"]?.numberValue?.intValue ?? -1
        }
        #expect(document["tests"]?.numberValue?.intValue == totals.0)
        #expect(document["failures"]?.numberValue?.intValue == totals.1)
        #expect(document["errors"]?.numberValue?.intValue == totals.2)
        // listings: 3 records × {advertising, counterfeit} + 1 input error; posts: 1 × {advertising,
        // privacy}; merchants: 2 × {tax}; missing: 1 unreadable input. Failing: L-001 ×2, L-004, P-1 ×2, M-1.
        #expect(totals == (12, 6, 2))
    }

    @Test("test cases are records × rule families of their kind, classname the file, in line order")
    func casePerRecordPerFamily() throws {
        let document = try parsed(JUnitReporter().render(try ReportFixture.run()))
        let listing = try #require(document["suites"]?[0]?["cases"]?.arrayValue)
        #expect(listing.map { $0["name"]?.stringValue } == [
            "L-001 · advertising", "L-001 · counterfeit", "L-002 · advertising", "L-002 · counterfeit",
            "line 3 · input error", "L-004 · advertising", "L-004 · counterfeit",
        ])
        #expect(listing.map { $0["state"]?.stringValue } == ["failure:high", "failure:medium", "pass", "pass", "error", "failure:high", "pass"])
        #expect(listing.allSatisfy { $0["classname"] == .string(ReportFixture.listings) })
        let post = try #require(document["suites"]?[1]?["cases"]?.arrayValue)
        #expect(post.map { $0["name"]?.stringValue } == ["P-1 · advertising", "P-1 · privacy"])
        #expect(post.map { $0["state"]?.stringValue } == ["failure:high", "failure:critical"])
        let merchant = try #require(document["suites"]?[2]?["cases"]?.arrayValue)
        #expect(merchant.map { $0["name"]?.stringValue } == ["M-1 · tax", "M-2 · tax"])
        #expect(merchant.map { $0["state"]?.stringValue } == ["failure:low", "pass"])
    }

    @Test("a failure carries each violation's rule, severity, field, offsets, match, message and location")
    func failureCarriesEvidence() throws {
        let document = try parsed(JUnitReporter().render(try ReportFixture.run()))
        let post = try #require(cases(document).first { $0["name"] == .string("P-1 · advertising") })
        let message = try #require(post["message"]?.stringValue)
        #expect(message == "[ADV-ABSOLUTE] absolute term “最佳” is forbidden; [ADV-ABSOLUTE] absolute term “第一” is forbidden")
        let text = try #require(post["text"]?.stringValue)
        #expect(text.contains("[ADV-ABSOLUTE] high: absolute term “最佳” is forbidden"))
        #expect(text.contains("field: text, characters 11..<13"))
        #expect(text.contains("field: text, characters 15..<17"))
        #expect(text.contains("match: 第一"))
        #expect(text.contains("context: =HYPERLINK [最佳]  第一: call"))
        #expect(text.contains("location: \(ReportFixture.posts):3:4"))
        #expect(text.contains("reference: PRC Advertising Law (2021), Art. 9(3) [工商广字[1997]第207号] <https://flk.npc.gov.cn/> (checked 2026-11-20)"))
        #expect(text.contains("fingerprint: "))

        let tax = try #require(cases(document).first { $0["name"] == .string("M-1 · tax") })
        let taxText = try #require(tax["text"]?.stringValue)
        #expect(taxText.contains("field: sales_month\n"))  // no offsets for a threshold
        #expect(taxText.contains("match: 200000"))
    }

    @Test("input errors are error test cases; an unreadable input has a suite of its own")
    func inputErrorsAreErrors() throws {
        let document = try parsed(JUnitReporter().render(try ReportFixture.run()))
        let error = try #require(cases(document).first { $0["name"] == .string("line 3 · input error") })
        #expect(error["state"] == .string("error"))
        #expect(error["message"] == .string("expected ',' or '}' after a member"))
        #expect(error["text"] == .string("\(ReportFixture.listings):3:7: error: expected ',' or '}' after a member"))
        let missing = try #require(document["suites"]?[3])
        #expect(missing["errors"] == .number(JSONNumber(1)))
        #expect(missing["cases"]?[0]?["name"] == .string("input file · unreadable"))
    }

    @Test("a rule problem is attached to its record's test case for the rule's family")
    func ruleProblemsAreSystemErr() throws {
        var run = try ReportFixture.run()
        run.problems = [RuleProblem(rule: "PRV-PHONE", record: "P-1", field: "text", message: "match limit reached")]
        let xml = JUnitReporter().render(run)
        let privacy = try #require(xml.range(of: #"<testcase name="P-1 · privacy""#))
        let systemErr = try #require(xml.range(of: "<system-err>[PRV-PHONE] field text: match limit reached</system-err>"))
        #expect(privacy.upperBound < systemErr.lowerBound)
        #expect(xml[privacy.upperBound..<systemErr.lowerBound].contains("</testcase>") == false)
        _ = try parsed(xml)
    }

    @Test("without the checked records only failing records are listed")
    func failingOnlyWithoutCheckedRecords() throws {
        let document = try parsed(JUnitReporter().render(try ReportFixture.run(keepCheckedRecords: false)))
        let names = cases(document).compactMap { $0["name"]?.stringValue }
        #expect(!names.contains("L-002 · advertising"))
        #expect(!names.contains("M-2 · tax"))
        // A failing record still lists its passing families.
        #expect(names.contains("L-004 · counterfeit"))
        #expect(document["failures"] == .number(JSONNumber(6)))
        #expect(document["tests"] == .number(JSONNumber(9)))
    }

    @Test("markup is escaped, control characters are removed, Chinese is kept")
    func escaping() throws {
        let xml = JUnitReporter().render(try ReportFixture.run())
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(xml.contains("[No.1] &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(xml.contains("全网最佳面膜"))
        let document = try parsed(xml)
        let names = cases(document).compactMap { $0["name"]?.stringValue }
        #expect(names.contains("L-004 · advertising"))  // "L-\u{7}004" without the BEL
        let post = try #require(cases(document).first { $0["name"] == .string("L-001 · advertising") })
        #expect(post["text"]?.stringValue?.contains(#"100% "真""#) == true)

        #expect(JUnitXML.attribute("a\"b'c<d>&\n\u{1}\u{85}最") == "a&quot;b&apos;c&lt;d&gt;&amp;&#10;最")
        #expect(JUnitXML.text("]]>\u{0}\u{FFFE}\u{200B}") == "]]&gt;\u{200B}")
    }

    @Test("junitparser (the parser GitLab-style tooling uses) reads the same counts")
    func junitparserCounts() throws {
        guard let python = Self.junitparserPython() else {
            try Test.cancel("skipped: junitparser could not be installed in a throwaway venv (no network?); xml.etree checks still ran")
        }
        let scratch = try ScratchDirectory()
        let path = try scratch.write("junit.xml", JUnitReporter().render(try ReportFixture.run()))
        let script = """
            import sys
            from junitparser import JUnitXml, Failure, Error
            xml = JUnitXml.fromfile(sys.argv[1])
            tests = failures = errors = 0
            for suite in xml:
                cases = list(suite)
                assert suite.tests == len(cases), (suite.name, suite.tests, len(cases))
                f = sum(1 for c in cases for r in c.result if isinstance(r, Failure))
                e = sum(1 for c in cases for r in c.result if isinstance(r, Error))
                assert suite.failures == f and suite.errors == e, (suite.name, suite.failures, f, suite.errors, e)
                tests += len(cases); failures += f; errors += e
            print(tests, failures, errors)
            """
        let output = try PythonCheck.run(script, [path], python: python)
        #expect(output.status == 0, "junitparser: \(output.stderr)")
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "12 6 2")
    }

    /// A Python with `junitparser`: the system one if it has it, else a venv under the temporary directory
    /// (made once, reused). Nil when it cannot be installed.
    static func junitparserPython() -> String? {
        if PythonCheck.hasModule("junitparser") { return "python3" }
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("assay-test-junitparser-venv").path
        let python = venv + "/bin/python3"
        if PythonCheck.hasModule("junitparser", python: python) { return python }
        let building = venv + "-\(UUID().uuidString)"
        let script = """
            import subprocess, sys, venv, os
            venv.create(sys.argv[1], with_pip=True)
            subprocess.run([sys.argv[1] + "/bin/python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "--retries", "1", "--timeout", "20", "junitparser"], check=True, timeout=240)
            os.replace(sys.argv[1], sys.argv[2]) if not os.path.exists(sys.argv[2]) else None
            """
        guard let output = try? PythonCheck.run(script, [building, venv]), output.status == 0 else {
            try? FileManager.default.removeItem(atPath: building)
            return nil
        }
        try? FileManager.default.removeItem(atPath: building)
        return PythonCheck.hasModule("junitparser", python: python) ? python : nil
    }
}
