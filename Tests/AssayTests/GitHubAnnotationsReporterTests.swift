import Testing
@testable import Assay

@Suite("GitHub Actions annotations reporter")
struct GitHubAnnotationsReporterTests {
    func lines(_ run: CollectedRun) -> [String] {
        GitHubAnnotationsReporter().render(run).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("one workflow command per violation: level by severity, file, line, column where known, rule as title")
    func onePerViolation() throws {
        let run = try ReportFixture.run()
        let output = lines(run)
        #expect(output.last == "")  // newline-terminated
        let annotations = output.dropLast().filter { $0.contains("title=") && !$0.contains("title=input error") }
        #expect(annotations.count == run.findings.count)
        #expect(annotations.first == "::error file=feeds/listings.jsonl,line=1,title=ADV-ABSOLUTE::absolute term “最佳” is forbidden (最佳) — record L-001, field title")
        #expect(output.contains("::warning file=feeds/listings.jsonl,line=1,title=CFT-REPLICA::replica slang “高仿” (高仿) — record L-001, field title"))
        #expect(output.contains("::error file=exports/帖子 2026.csv,line=3,col=4,title=PRV-PHONE::mobile number in public text (13800138000) — record P-1, field text"))
        #expect(output.contains("::notice file=merchants.jsonl,line=1,title=TAX-MONTH::monthly sales 200000 exceed 100000 (200000) — record M-1, field sales_month"))
    }

    @Test("severity maps to error, warning or notice")
    func levels() {
        #expect(Severity.allCases.map(GitHubAnnotationsReporter.command(for:)) == ["notice", "notice", "warning", "error", "error"])
    }

    @Test("messages escape %, CR and LF; properties also escape : and , — as @actions/core does")
    func escaping() {
        #expect(GitHubAnnotationsReporter.escapeData("100% off\r\nnext: a,b") == "100%25 off%0D%0Anext: a,b")
        #expect(GitHubAnnotationsReporter.escapeProperty("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A")
        #expect(GitHubAnnotationsReporter.escapeData("%0A") == "%250A")  // no double decoding on the runner
        #expect(
            GitHubAnnotationsReporter.command("error", properties: [("file", "a,b:c.csv"), ("line", "2")], message: "x\ny")
                == "::error file=a%2Cb%3Ac.csv,line=2::x%0Ay\n")
    }

    @Test("a match with CR LF stays on one line")
    func newlinesInEvidenceStayOnOneLine() throws {
        let run = try ReportFixture.run()
        let text = GitHubAnnotationsReporter().render(run)
        let commandLines = text.split(separator: "\n")
        #expect(commandLines.allSatisfy { $0.hasPrefix("::") })
        #expect(commandLines.count == run.findings.count + run.inputErrors.count + run.problems.count)
        #expect(!text.unicodeScalars.contains("\r"))
    }

    @Test("input errors are error commands with their location; an unreadable file has no line")
    func inputErrors() throws {
        let output = lines(try ReportFixture.run())
        #expect(output.contains("::error file=feeds/listings.jsonl,line=3,col=7,title=input error::expected ',' or '}' after a member"))
        #expect(output.contains("::error file=missing/feed.xml,title=input error::cannot read input: No such file or directory"))
    }

    @Test("rule problems are warning commands titled with the rule")
    func ruleProblems() throws {
        var run = try ReportFixture.run()
        run.problems = [RuleProblem(rule: "PRV-PHONE", record: "P-1", field: "text", message: "match limit reached")]
        #expect(lines(run).contains("::warning title=PRV-PHONE (rule problem)::record P-1 field text: match limit reached"))
    }
}
