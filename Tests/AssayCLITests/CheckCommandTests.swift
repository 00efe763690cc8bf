import AssayJSON
import Foundation
import Testing

@Suite("assay check")
struct CheckCommandTests {
    @Test("checking the bundled fixtures finds violations and exits 1")
    func fixturesExitOne() throws {
        let result = try AssayProcess.run(["check", "fixtures/"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("[ADV-CN-ABSOLUTE]"))
        #expect(result.stdout.contains("by severity:"))
        #expect(result.stdout.contains("by category:"))
    }

    @Test("text output is compiler-like: file:line: severity: [rule] message, then the evidence")
    func textFormat() throws {
        let record = #"{"id":"L1","kind":"listing","market":"CN","title":"全网最 佳面膜"}"#
        let result = try AssayProcess.run(["check", "-"], stdin: record + "\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("-:1: high: [ADV-CN-ABSOLUTE] ") == true, "\(result.stdout)")
        #expect(lines.count > 1 && lines[1].contains("record L1 (listing) title 2..<5: 全网[最 佳]面膜"), "\(result.stdout)")
    }

    @Test("ordinary text passes quietly with exit 0")
    func cleanInputExitsZero() throws {
        let records = [
            #"{"id":"a","kind":"listing","market":"CN","title":"最佳赏味期 12 个月的挂耳咖啡","price":39,"currency":"CNY"}"#,
            #"{"id":"b","kind":"listing","market":"US","title":"Best coffee in town","price":12,"currency":"USD"}"#,
            #"{"id":"c","kind":"post","text":"第一次买这家，最近物流很快"}"#,
        ].joined(separator: "\n")
        let result = try AssayProcess.run(["check", "--format", "jsonl", "-"], stdin: records)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--fail-on raises the bar: medium findings do not fail a high gate")
    func failOnThreshold() throws {
        let record = #"{"id":"p","kind":"post","text":"品牌合作请发邮件 xiaomei.beauty@163.com"}"#
        let low = try AssayProcess.run(["check", "--format", "jsonl", "-"], stdin: record)
        #expect(low.status == 1)
        let high = try AssayProcess.run(["check", "--format", "jsonl", "--fail-on", "high", "-"], stdin: record)
        #expect(high.status == 0)
        #expect(!high.stdout.isEmpty, "the violation is still reported")
    }

    @Test("jsonl gives the stable keys, and start/end slice the original value to the match")
    func jsonlContract() throws {
        let result = try AssayProcess.run(["check", "--format", "jsonl", "fixtures/"])
        let keys = ["rule", "category", "severity", "record", "kind", "field", "start", "end", "match", "message", "pack", "references"]
        var records: [String: JSONObject] = [:]
        for file in ["listings.jsonl", "posts.jsonl", "merchants.jsonl"] {
            let path = AssayProcess.repositoryRoot + "/fixtures/" + file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            var reader = try JSONLinesReader(path: path)
            while let line = reader.next() {
                if case .object(let object) = try line.result.get(), case .string(let id)? = object["id"] {
                    records[id] = object
                }
            }
        }
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 20)
        for line in lines {
            guard case .object(let violation) = try JSONParser.parse(String(line)) else {
                Issue.record("not an object: \(line)")
                continue
            }
            for key in keys { #expect(violation[key] != nil, "missing \(key) in \(line)") }
            guard case .string(let id)? = violation["record"], let record = records[id],
                case .string(let field)? = violation["field"], case .string(let match)? = violation["match"]
            else { continue }
            guard case .number(let start)? = violation["start"], case .number(let end)? = violation["end"] else {
                continue  // non-text evidence: start and end are null
            }
            guard case .string(let value)? = record[field] else {
                Issue.record("field \(field) of \(id) is not text")
                continue
            }
            let scalars = Array(value.unicodeScalars)
            let slice = String(String.UnicodeScalarView(scalars[start.intValue!..<end.intValue!]))
            #expect(slice == match, "\(id).\(field)[\(start)..<\(end)] is \"\(slice)\", match says \"\(match)\"")
        }
    }

    @Test("threshold violations name the field compared and its value, with null offsets")
    func thresholdEvidence() throws {
        let record = #"{"id":"m","kind":"merchant","jurisdiction":"AU","currency":"AUD","sales_12m":75000,"tax_registered":false}"#
        let result = try AssayProcess.run(["check", "--format", "jsonl", "-"], stdin: record)
        let violation = try #require(result.stdout.split(separator: "\n").first)
        guard case .object(let object) = try JSONParser.parse(String(violation)) else { throw CancellationError() }
        #expect(object["rule"] == .string("TAX-AU-GST"))
        #expect(object["field"] == .string("sales_12m"))
        #expect(object["match"] == .string("75000"))
        #expect(object["start"] == .null)
    }

    @Test("a broken record is reported with its location, the rest are checked, and the exit code is 3")
    func brokenRecordExitsThree() throws {
        let input = [
            #"{"id":"ok1","kind":"listing","market":"CN","title":"国家级护肤"}"#,
            #"{"id":"bad","kind":"listing","title":"unterminated}"#,
            #"{"id":"nokind","title":"x"}"#,
            #"{"id":"ok2","kind":"post","text":"加我微信 vx: lily2024"}"#,
        ].joined(separator: "\n")
        let result = try AssayProcess.run(["check", "--format", "jsonl", "-"], stdin: input)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("\"record\":\"ok1\""))
        #expect(result.stdout.contains("\"record\":\"ok2\""))
        #expect(result.stderr.contains("-:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("-:3: error: record nokind has no 'kind'"), "\(result.stderr)")
        #expect(result.stderr.contains("input errors: 2"), "\(result.stderr)")
    }

    @Test("a missing input file is reported, the other inputs are still checked, exit 3")
    func missingFileExitsThree() throws {
        let result = try AssayProcess.run(["check", "--format", "json", "no-such-file.jsonl", "fixtures/posts.jsonl"])
        #expect(result.status == 3)
        guard case .object(let document) = try JSONParser.parse(result.stdout),
            case .object(let summary)? = document["summary"], case .array(let errors)? = document["errors"]
        else {
            Issue.record("not a JSON document: \(result.stdout)")
            return
        }
        #expect(errors.count == 1)
        #expect(summary["unreadable_inputs"] == .number(JSONNumber(1)))
        #expect(summary["records_checked"] != .number(JSONNumber(0)))
    }

    @Test("the json document's summary adds up: records read = checked + input errors")
    func jsonSummaryAddsUp() throws {
        let input = #"{"id":1,"kind":"post","text":"hi"}"# + "\nnot json\n" + #"{"id":2,"kind":"post","text":"ok"}"#
        let result = try AssayProcess.run(["check", "--format", "json", "-"], stdin: input)
        guard case .object(let document) = try JSONParser.parse(result.stdout),
            case .object(let summary)? = document["summary"]
        else {
            Issue.record("not a JSON document: \(result.stdout)")
            return
        }
        #expect(summary["records_read"] == .number(JSONNumber(3)))
        #expect(summary["records_checked"] == .number(JSONNumber(2)))
        #expect(summary["input_errors"] == .number(JSONNumber(1)))
    }

    @Test("the bundled packs are found from any working directory")
    func bundledPacksFromAnywhere() throws {
        let directory = try AssayProcess.temporaryDirectory()
        let result = try AssayProcess.run(["check", "-"], stdin: #"{"kind":"listing","market":"CN","title":"銷量第一"}"#, in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("ADV-CN-ABSOLUTE"))
    }

    @Test("a usage error exits 2 with a message")
    func usageErrorExitsTwo() throws {
        let badFormat = try AssayProcess.run(["check", "--format", "xml", "-"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
        let badSeverity = try AssayProcess.run(["check", "--fail-on", "severe", "-"])
        #expect(badSeverity.status == 2)
    }

    @Test("a broken rule file exits 2 and reports every error with file:line:col, source line and caret")
    func brokenRulesExitTwo() throws {
        let pack = try AssayProcess.writeDemoPack("""
            rule R1 {
              title "One"
              category advertizing
              severity high
              kinds listing
              references law
              message "m"
              when title matches terms(nowhere)
              examples { fires "x" passes "y" }
            }
            """)
        let result = try AssayProcess.run(["check", "--rules", pack, "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("demo.assay:8:12: error[A106]: unknown category 'advertizing'"), "\(result.stderr)")
        #expect(result.stderr.contains("demo.assay:13:28: error[A102]: unknown vocabulary 'nowhere'"), "\(result.stderr)")
        #expect(result.stderr.contains("  category advertizing\n"))
        #expect(result.stderr.contains("^~~~~~~~~~~"))
    }
}
