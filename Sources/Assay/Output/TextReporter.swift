import AssayDSL

/// `--format text`: compiler-style lines a person reads in a terminal or CI log.
///
///     fixtures/listings.jsonl:3: high: [ADV-CN-ABSOLUTE] absolute term “最佳” is forbidden in advertising
///       record L-003 (listing) title 2..<4: 全网[最佳]面膜，限时特价
///
/// then a summary by severity and category. Input errors go to standard error.
public struct TextReporter: CheckReporter {
    let out: OutputSink
    let err: OutputSink
    let color: Bool

    /// Creates a reporter; colour is used when `color` is true (a terminal).
    public init(out: OutputSink, err: OutputSink, color: Bool = false) {
        self.out = out
        self.err = err
        self.color = color
    }

    public mutating func record(_ record: Record, result: CheckResult) {
        for violation in result.violations {
            out.write(render(violation, record: record))
        }
        for problem in result.problems { err.write(Self.render(problem, origin: record.origin)) }
    }

    public mutating func inputError(_ error: RecordError) {
        err.write(TerminalSafeText.sanitize(error.rendered) + "\n")
    }

    public mutating func finish(_ summary: CheckSummary) {
        out.write(Self.summaryText(summary))
        out.flush()
        err.flush()
    }

    func render(_ violation: Violation, record: Record) -> String {
        let severity = color ? paint(violation.severity) : violation.severity.rawValue
        let origin = violation.origin
        let location = "\(origin.file):\(origin.line)" + (origin.column.map { ":\($0)" } ?? "")
        // Record data is untrusted: control characters are made visible, never sent to the terminal.
        let safe = { (text: String) in TerminalSafeText.sanitize(text) }
        var text = "\(safe(location)): \(severity): [\(violation.rule)] \(safe(violation.message))\n"
        text += "  record \(safe(violation.record)) (\(violation.kind.rawValue))"
        if let field = violation.field {
            text += " \(safe(field))"
            if let source = violation.textSource {
                text += source.isHidden ? " [hidden from shoppers: \(source.rawValue)]" : " [\(source.rawValue) text]"
            }
            if let start = violation.start, let end = violation.end {
                text += " \(start)..<\(end): " + context(of: violation, in: record)
            } else if let match = violation.match {
                text += " = \(safe(match))"
            }
        }
        return text + "\n"
    }

    /// The field's text around the match, the match in brackets (or bold red in a terminal).
    func context(of violation: Violation, in record: Record) -> String {
        guard let field = violation.field, let start = violation.start, let end = violation.end else { return "" }
        let value = FieldPath(field).resolve(in: record.fields).first?.value
        guard case .string(let text)? = value else { return TerminalSafeText.sanitize(violation.match ?? "") }
        let scalars = Array(text.unicodeScalars)
        guard start <= end, end <= scalars.count else { return TerminalSafeText.sanitize(violation.match ?? "") }
        let radius = 24
        let from = max(0, start - radius)
        let to = min(scalars.count, end + radius)
        func slice(_ lower: Int, _ upper: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper].map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
            return TerminalSafeText.sanitize(String(view))
        }
        let open = color ? "\u{1B}[1;31m" : "["
        let close = color ? "\u{1B}[0m" : "]"
        return (from > 0 ? "…" : "") + slice(from, start) + open + slice(start, end) + close + slice(end, to)
            + (to < scalars.count ? "…" : "")
    }

    private func paint(_ severity: Severity) -> String {
        let code: String
        switch severity {
        case .critical, .high: code = "1;31"
        case .medium: code = "1;33"
        case .low: code = "1;36"
        case .info: code = "1;37"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    static func render(_ problem: RuleProblem, origin: RecordOrigin) -> String {
        TerminalSafeText.sanitize(
            "\(origin.file):\(origin.line): warning: [\(problem.rule)] record \(problem.record) field \(problem.field): \(problem.message)")
            + "\n"
    }

    /// The closing summary.
    public static func summaryText(_ summary: CheckSummary) -> String {
        var text = "\nchecked \(summary.recordsChecked) of \(summary.recordsRead) records in \(summary.files) file\(summary.files == 1 ? "" : "s"): "
        text += "\(summary.violations) violation\(summary.violations == 1 ? "" : "s") in \(summary.recordsWithViolations) record\(summary.recordsWithViolations == 1 ? "" : "s")\n"
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(summary.bySeverity[$0] ?? 0)" }
        text += "  by severity: " + severities.joined(separator: ", ") + "\n"
        let categories = Category.allCases.map { "\($0.rawValue) \(summary.byCategory[$0] ?? 0)" }
        text += "  by category: " + categories.joined(separator: ", ") + "\n"
        if summary.inputErrors > 0 || summary.unreadableInputs > 0 {
            text += "  input errors: \(summary.inputErrors) record\(summary.inputErrors == 1 ? "" : "s")"
            text += summary.unreadableInputs > 0 ? ", \(summary.unreadableInputs) unreadable input\(summary.unreadableInputs == 1 ? "" : "s")\n" : "\n"
        }
        for (name, count) in summary.filtered.sorted(by: { $0.key < $1.key }) where count > 0 {
            text += "  not reported: \(count) \(name)\n"
        }
        if summary.ruleProblems > 0 {
            text += "  rule problems: \(summary.ruleProblems) (a rule could not check a record completely)\n"
        }
        return text
    }
}
