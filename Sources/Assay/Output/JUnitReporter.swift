import AssayJSON

/// `--output junit=FILE`: the run as JUnit XML, for Jenkins, GitLab and any CI that shows test reports.
///
/// One `<testsuite>` per input file (in the order files were first seen); in it one `<testcase>` per
/// record per rule family (category) that applies to the record's kind, named `RECORD · category`,
/// with the file as `classname`. A record that broke rules of that family carries a `<failure>`
/// (`type` = the highest severity, `message` = the rule ids and messages) whose text gives, for each
/// violation, the rule, severity, message, field and Unicode scalar offsets, the match in its context,
/// the location and the references. Records without violations appear as passing test cases when the
/// run kept its checked records (`FanOutReporter(keepCheckedRecords: true)`); otherwise only failing
/// records are listed. Each input error is a test case with an `<error>`; rule problems are attached to
/// their record's test case as `<system-err>`. `tests`, `failures` and `errors` are counted on every
/// suite and on `<testsuites>`.
///
/// All text is XML-escaped; characters XML cannot carry (control characters) are removed, Chinese and
/// other text is kept as UTF-8.
public struct JUnitReporter: DocumentReporter, Sendable {
    /// The separator between record id and category in test case names.
    public static let nameSeparator = " · "

    /// Creates a JUnit reporter.
    public init() {}

    private struct RecordKey: Hashable {
        let id: String
        let line: Int
        let kind: RecordKind
    }

    private struct Case {
        var name: String
        var line: Int
        var findings: [CollectedRun.Finding] = []
        var error: RecordError?
        var problems: [RuleProblem] = []
    }

    private struct Suite {
        let file: String
        var cases: [Case] = []
        var caseIndex: [RecordKey: [Category: Int]] = [:]
    }

    /// The JUnit XML document.
    public func render(_ run: CollectedRun) -> String {
        var suites: [Suite] = []
        var suiteIndex: [String: Int] = [:]
        func suite(_ file: String) -> Int {
            if let index = suiteIndex[file] { return index }
            suiteIndex[file] = suites.count
            suites.append(Suite(file: file))
            return suites.count - 1
        }
        var categoriesByKind: [RecordKind: Set<Category>] = [:]
        for rule in run.policy.rules {
            for kind in rule.kinds { categoriesByKind[kind, default: []].insert(rule.category) }
        }
        var recordKeys: [String: [RecordKey]] = [:]  // record id → keys, for rule problems
        func addRecord(id: String, kind: RecordKind, origin: RecordOrigin, extra: Category? = nil) -> (Int, RecordKey) {
            let s = suite(origin.file)
            let key = RecordKey(id: id, line: origin.line, kind: kind)
            if suites[s].caseIndex[key] == nil {
                suites[s].caseIndex[key] = [:]
                recordKeys[id, default: []].append(key)
            }
            var categories = categoriesByKind[kind] ?? []
            if let extra { categories.insert(extra) }
            var indices = suites[s].caseIndex[key] ?? [:]
            for category in Category.allCases where categories.contains(category) && indices[category] == nil {
                indices[category] = suites[s].cases.count
                suites[s].cases.append(Case(name: id + Self.nameSeparator + category.rawValue, line: origin.line))
            }
            suites[s].caseIndex[key] = indices
            return (s, key)
        }
        for checked in run.checkedRecords {
            _ = addRecord(id: checked.id, kind: checked.kind, origin: checked.origin)
        }
        for finding in run.findings {
            let record = finding.record
            let category = finding.violation.category
            let (s, key) = addRecord(id: record.id, kind: record.kind, origin: record.origin, extra: category)
            if let index = suites[s].caseIndex[key]?[category] { suites[s].cases[index].findings.append(finding) }
        }
        for error in run.inputErrors {
            let s = suite(error.origin.file)
            let name = error.origin.line >= 1
                ? "line \(error.origin.line)\(Self.nameSeparator)input error"
                : "input file\(Self.nameSeparator)unreadable"
            suites[s].cases.append(Case(name: name, line: error.origin.line, error: error))
        }
        let categoryOfRule = Dictionary(run.policy.rules.map { ($0.id, $0.category) }, uniquingKeysWith: { first, _ in first })
        for problem in run.problems {
            guard let category = categoryOfRule[problem.rule] else { continue }
            for key in recordKeys[problem.record] ?? [] {
                for s in suites.indices {
                    if let index = suites[s].caseIndex[key]?[category] {
                        suites[s].cases[index].problems.append(problem)
                        break
                    }
                }
                break
            }
        }

        var body = ""
        var totals = (tests: 0, failures: 0, errors: 0)
        for suite in suites {
            // Records and input errors in line order (stable, so a record's families stay together).
            let cases = suite.cases.enumerated()
                .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
                .map(\.element)
            let failures = cases.filter { !$0.findings.isEmpty }.count
            let errors = cases.filter { $0.error != nil }.count
            totals.tests += cases.count
            totals.failures += failures
            totals.errors += errors
            body += "  <testsuite" + JUnitXML.attributes([
                ("name", suite.file), ("tests", "\(cases.count)"), ("failures", "\(failures)"),
                ("errors", "\(errors)"), ("skipped", "0"),
            ]) + ">\n"
            for testCase in cases { body += render(testCase, file: suite.file) }
            body += "  </testsuite>\n"
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites" + JUnitXML.attributes([
            ("name", "assay"), ("tests", "\(totals.tests)"), ("failures", "\(totals.failures)"), ("errors", "\(totals.errors)"),
        ]) + ">\n"
        return xml + body + "</testsuites>\n"
    }

    private func render(_ testCase: Case, file: String) -> String {
        var xml = "    <testcase" + JUnitXML.attributes([("name", testCase.name), ("classname", file)])
        var children = ""
        if !testCase.findings.isEmpty {
            let worst = testCase.findings.map(\.violation.severity).max() ?? .info
            let message = testCase.findings.map { "[\($0.violation.rule)] \($0.violation.message)" }.joined(separator: "; ")
            let text = testCase.findings.map { Self.evidence($0) }.joined(separator: "\n")
            children += "      <failure" + JUnitXML.attributes([("message", message), ("type", worst.rawValue)]) + ">"
            children += JUnitXML.text(text) + "</failure>\n"
        }
        if let error = testCase.error {
            children += "      <error" + JUnitXML.attributes([("message", error.message), ("type", "input-error")]) + ">"
            children += JUnitXML.text(error.rendered) + "</error>\n"
        }
        if !testCase.problems.isEmpty {
            let text = testCase.problems.map { "[\($0.rule)] field \($0.field): \($0.message)" }.joined(separator: "\n")
            children += "      <system-err>" + JUnitXML.text(text) + "</system-err>\n"
        }
        if children.isEmpty { return xml + "/>\n" }
        xml += ">\n" + children + "    </testcase>\n"
        return xml
    }

    /// The evidence of one finding, as lines of text.
    static func evidence(_ finding: CollectedRun.Finding) -> String {
        let violation = finding.violation
        var lines = ["[\(violation.rule)] \(violation.severity.rawValue): \(violation.message)"]
        lines.append("  rule: \(violation.rule) — \(violation.title) (\(violation.category.rawValue), pack \(violation.pack))")
        if let field = violation.field {
            var line = "  field: \(field)"
            if let start = violation.start, let end = violation.end { line += ", characters \(start)..<\(end)" }
            if let source = violation.textSource { line += " (\(source.rawValue) text)" }
            lines.append(line)
        }
        if let match = violation.match { lines.append("  match: \(match)") }
        if let context = context(of: violation, in: finding.record) { lines.append("  context: \(context)") }
        let origin = violation.origin
        lines.append("  location: \(origin.file):\(origin.line)" + (origin.column.map { ":\($0)" } ?? ""))
        for reference in violation.references {
            var line = "  reference: \(reference.title)"
            if let url = reference.url { line += " <\(url)>" }
            if let checked = reference.checked { line += " (checked \(checked))" }
            lines.append(line)
        }
        lines.append("  fingerprint: \(finding.fingerprint)")
        return lines.joined(separator: "\n")
    }

    /// The field's text around the match, the match in brackets; nil for non-text evidence.
    static func context(of violation: Violation, in record: Record, radius: Int = 24) -> String? {
        guard let field = violation.field, let start = violation.start, let end = violation.end else { return nil }
        let text: String
        if let source = violation.sourceText {
            text = source
        } else if case .string(let value)? = FieldPath(field).resolve(in: record.fields).first?.value {
            text = value
        } else {
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, start <= end, end <= scalars.count else { return nil }
        let from = max(0, start - radius)
        let to = min(scalars.count, end + radius)
        func slice(_ lower: Int, _ upper: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper].map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
            return String(view)
        }
        return (from > 0 ? "…" : "") + slice(from, start) + "[" + slice(start, end) + "]" + slice(end, to)
            + (to < scalars.count ? "…" : "")
    }
}
