import AssayJSON
import Foundation
import Testing
@testable import Assay

@Suite("CSV reporter")
struct CSVReporterTests {
    /// Python's `csv` reading the file as Excel's dialect, with the BOM stripped (`utf-8-sig`): the rows
    /// as a JSON array of arrays, and whether the file started with a BOM.
    static let readScript = """
        import csv, json, sys
        raw = open(sys.argv[1], "rb").read()
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        print(json.dumps({"bom": raw.startswith(b"\\xef\\xbb\\xbf"), "rows": rows}, ensure_ascii=False))
        """

    func read(_ csv: String) throws -> (bom: Bool, rows: [[String]]) {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("report.csv", csv)
        let output = try PythonCheck.run(Self.readScript, [path])
        try #require(output.status == 0, "python csv could not read the report: \(output.stderr)")
        let document = try JSONParser.parse(output.stdout)
        let rows = (document["rows"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.stringValue ?? "<not a string>" } }
        return (document["bom"] == .bool(true), rows)
    }

    @Test("Python's csv reads back the header and every cell of every violation")
    func pythonReadsEveryCell() throws {
        let run = try ReportFixture.run()
        let (bom, rows) = try read(CSVReporter().render(run))
        #expect(bom)
        #expect(rows.first == CSVReporter.columns)
        #expect(CSVReporter.columns.joined(separator: ",")
            == "rule,severity,category,record,kind,field,start,end,match,message,file,line,column,fingerprint,pack,references")
        #expect(rows.count == run.findings.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReporter.columns.count })

        let phone = try #require(rows.first { $0.first == "PRV-PHONE" })
        #expect(phone == [
            "PRV-PHONE", "critical", "privacy", "P-1", "post", "text", "24", "35", "13800138000", "mobile number in public text",
            ReportFixture.posts, "3", "4", try #require(run.findings.first { $0.violation.rule == "PRV-PHONE" }).fingerprint,
            "outputs", "platform: Platform policy (no URL)",
        ])
        let title = try #require(rows.first { $0.first == "ADV-ABSOLUTE" && $0[3] == "L-001" })
        #expect(title[8] == "最佳")
        #expect(title[15] == "ad-law: PRC Advertising Law (2021), Art. 9(3) [工商广字[1997]第207号]")
        let tax = try #require(rows.first { $0.first == "TAX-MONTH" })
        #expect(tax[6] == "" && tax[7] == "" && tax[8] == "200000" && tax[12] == "")
    }

    @Test("rows end in CRLF and cells with commas, quotes or line breaks are quoted with quotes doubled")
    func rfc4180() throws {
        let csv = CSVReporter().render(try ReportFixture.run())
        #expect(csv.hasPrefix("\u{FEFF}rule,severity,"))
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        // Every LF outside a quoted cell is preceded by CR.
        var quoted = false
        var previous: Unicode.Scalar = " "
        for scalar in csv.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\n" && !quoted { #expect(previous == "\r") }
            previous = scalar
        }
        #expect(!quoted)
        #expect(CSVReporter.row(["a,b", #"say "hi""#, "line\r\nbreak", "plain", "最佳"]) == "\"a,b\",\"say \"\"hi\"\"\",\"line\r\nbreak\",plain,最佳\r\n")
        #expect(CSVReporter.row(["", ""]) == ",\r\n")
    }

    @Test("cells a spreadsheet would run as formulas get a leading quote, unless turned off")
    func formulaNeutralization() throws {
        let run = try ReportFixture.run()
        let (_, rows) = try read(CSVReporter().render(run))
        #expect(rows.dropFirst().allSatisfy { $0.allSatisfy { !"=+@".contains($0.first ?? " ") } })
        #expect(CSVReporter.neutralized("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(CSVReporter.neutralized("+1") == "'+1")
        #expect(CSVReporter.neutralized("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReporter.neutralized("-") == "-")
        #expect(CSVReporter.neutralized("最佳") == "最佳")
        #expect(CSVReporter.neutralized("") == "")
        let raw = CSVReporter(neutralizeFormulas: false)
        #expect(raw.neutralizeFormulas == false)
    }

    @Test("a formula-like match is written neutralized by default and as is when asked")
    func formulaMatch() throws {
        let policy = try TestPolicy.load(TestPolicy.rule(when: #"title matches regex(r"=cmd")"#))
        let record = try TestPolicy.record(#"{"id":"X","kind":"listing","title":"=cmd|' /C calc'!A0"}"#)
        var run = CollectedRun(policy: policy)
        for violation in policy.check(record).violations {
            run.findings.append(.init(violation: violation, record: record, fingerprint: Fingerprint.of(violation)))
        }
        try #require(run.findings.count == 1)
        let (_, safe) = try read(CSVReporter().render(run))
        #expect(safe[1][8] == "'=cmd")
        let (_, raw) = try read(CSVReporter(neutralizeFormulas: false).render(run))
        #expect(raw[1][8] == "=cmd")
    }

    @Test("an empty run is the BOM and the header")
    func emptyRun() throws {
        #expect(CSVReporter().render(CollectedRun(policy: try ReportFixture.policy())) == "\u{FEFF}" + CSVReporter.row(CSVReporter.columns))
    }
}
