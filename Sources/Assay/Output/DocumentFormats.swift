import AssayDSL

/// The output formats, by the names `--format` and `--output FORMAT=PATH` use.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, junit, github, csv, html

    /// The document renderer for this format (every format can be written to a file).
    public func documentReporter(toolVersion: String) -> any DocumentReporter {
        switch self {
        case .text: return TextDocument()
        case .json: return JSONDocument()
        case .jsonl: return JSONLinesDocument()
        case .sarif: return SARIFReporter(toolVersion: toolVersion)
        case .junit: return JUnitReporter()
        case .github: return GitHubAnnotationsReporter()
        case .csv: return CSVReporter()
        case .html: return HTMLReportReporter()
        }
    }

    /// Formats whose document needs every checked record, not only those with findings (JUnit lists
    /// passing records as passing test cases).
    public var needsCheckedRecords: Bool { self == .junit }
}

/// `text` as a file: the console report without colour.
struct TextDocument: DocumentReporter {
    func render(_ run: CollectedRun) -> String {
        let reporter = TextReporter(out: .memory(), err: .memory(), color: false)
        var text = ""
        for finding in run.findings { text += reporter.render(finding.violation, record: finding.record) }
        for error in run.inputErrors { text += error.rendered + "\n" }
        return text + TextReporter.summaryText(run.summary)
    }
}

/// `jsonl` as a file: one violation object per line.
struct JSONLinesDocument: DocumentReporter {
    func render(_ run: CollectedRun) -> String {
        run.findings.map { ViolationJSON.line($0.violation) }.joined()
    }
}

/// `json` as a file: the same document as `--format json`.
struct JSONDocument: DocumentReporter {
    func render(_ run: CollectedRun) -> String {
        JSONReporter.document(
            violations: run.findings.map { ViolationJSON.value($0.violation) },
            errors: run.inputErrors.map(ViolationJSON.value), problems: run.problems.map(ViolationJSON.value),
            summary: run.summary) + "\n"
    }
}

/// Any document format on standard output (e.g. `--format sarif`): rendered when the run ends.
public struct ConsoleDocumentReporter: CheckReporter {
    let out: OutputSink
    let err: OutputSink
    let renderer: any DocumentReporter
    private var run: CollectedRun

    /// Creates a console reporter for a document format.
    public init(out: OutputSink, err: OutputSink, renderer: any DocumentReporter, policy: PolicySet) {
        self.out = out
        self.err = err
        self.renderer = renderer
        self.run = CollectedRun(policy: policy)
    }

    public mutating func checked(_ record: Record) {
        run.checkedRecords.append((record.id, record.kind, record.origin))
    }

    public mutating func record(_ record: Record, result: CheckResult) {
        for violation in result.violations {
            run.findings.append(.init(violation: violation, record: record, fingerprint: Fingerprint.of(violation)))
        }
        run.problems.append(contentsOf: result.problems)
    }

    public mutating func inputError(_ error: RecordError) {
        run.inputErrors.append(error)
        err.write(TerminalSafeText.sanitize(error.rendered) + "\n")
    }

    public mutating func finish(_ summary: CheckSummary) {
        run.summary = summary
        out.write(renderer.render(run))
        out.flush()
        err.write(TextReporter.summaryText(summary))
        err.flush()
    }
}
