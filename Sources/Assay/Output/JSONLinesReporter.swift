import AssayDSL

/// `--format jsonl`: one JSON object per violation on standard output, as records are checked; input
/// errors and rule problems go to standard error as `file:line:col: error: …` lines, the summary too.
public struct JSONLinesReporter: CheckReporter {
    let out: OutputSink
    let err: OutputSink

    /// Creates a reporter.
    public init(out: OutputSink, err: OutputSink) {
        self.out = out
        self.err = err
    }

    public mutating func record(_ record: Record, result: CheckResult) {
        for violation in result.violations { out.write { ViolationJSON.appendLine(violation, to: &$0) } }
        for problem in result.problems { err.write(TextReporter.render(problem, origin: record.origin)) }
    }

    public mutating func inputError(_ error: RecordError) {
        err.write(TerminalSafeText.sanitize(error.rendered) + "\n")
    }

    public mutating func finish(_ summary: CheckSummary) {
        out.flush()
        err.write(TextReporter.summaryText(summary))
        err.flush()
    }
}
