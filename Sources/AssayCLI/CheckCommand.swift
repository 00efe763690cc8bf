import Assay
import ArgumentParser
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `assay check`: checks records and reports violations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check records (JSON Lines, JSON, CSV exports, Merchant feeds; files, directories, or - for standard input)."
    )

    @OptionGroup var rules: RuleSource

    @Option(help: "Console format: text, json, jsonl, sarif, junit, github, csv, html.")
    var format: OutputFormat = .text

    @Option(name: .customLong("output"), help: "Also write a report file, FORMAT=PATH (repeatable), e.g. --output sarif=out.sarif --output html=report.html.")
    var outputs: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a violation at or above this severity is found: info, low, medium, high, critical, or none.")
    var failOn: String = "low"

    @Option(name: .customLong("max-violations"), help: "Exit 1 only when more than N violations are at or above --fail-on (default 0).")
    var maxViolations: Int = 0

    @Option(help: "Report only findings not in this baseline file; stale baseline entries are listed.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write every current finding to this baseline file (atomically).")
    var writeBaseline: String?

    @Option(help: "A suppressions file (JSON, see README). Default: .assay-suppressions.json when present.")
    var suppressions: String?

    @Flag(name: .customLong("no-inline-suppressions"), help: "Ignore assay_ignore fields and [assay-ignore …] markers in records.")
    var noInlineSuppressions = false

    @Flag(help: "Colour the text output even when standard output is not a terminal.")
    var color = false

    @Option(help: "Worker threads that parse and check records (default: one per CPU core, at most 64). Output is identical for any number.")
    var jobs: Int = min(ProcessInfo.processInfo.activeProcessorCount, 64)

    @OptionGroup var input: InputArguments

    @Argument(help: "Input files or directories (.jsonl, .json, .csv, .xml, .xml.gz); - reads standard input.")
    var inputs: [String]

    func validate() throws {
        guard failOn == "none" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none")
        }
        guard maxViolations >= 0 else { throw ValidationError("--max-violations must not be negative") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, directory or -") }
        try input.validate()
        _ = try documentOutputs()
    }

    /// `--output FORMAT=PATH` pairs.
    func documentOutputs() throws -> [(format: OutputFormat, path: String)] {
        try outputs.map { output in
            guard let equals = output.firstIndex(of: "="),
                let format = OutputFormat(rawValue: String(output[..<equals])), output.index(after: equals) < output.endIndex
            else {
                throw ValidationError("--output takes FORMAT=PATH with FORMAT one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(output)'")
            }
            return (format, String(output[output.index(after: equals)...]))
        }
    }

    func run() throws {
        let options = try input.options()
        let policy = try rules.load(showWarnings: false, threads: jobs)
        let (filters, recorder) = try makeFilters(policy: policy)
        let checker = InputChecker(policy: policy, options: options, filters: filters, jobs: jobs)
        let out = OutputSink.standardOutput()
        let err = OutputSink.standardError()
        let version = AssayVersion.current
        let files = try documentOutputs()
        let documents = files.map { (reporter: $0.format.documentReporter(toolVersion: version), path: $0.path) }
        let keepRecords = files.contains { $0.format.needsCheckedRecords }
        let outcome: (summary: CheckSummary, writeErrors: [OutputError])
        switch format {
        case .text:
            outcome = execute(checker, TextReporter(out: out, err: err, color: color || out.isTerminal), policy, documents, keepRecords)
        case .json:
            outcome = execute(checker, JSONReporter(out: out), policy, documents, keepRecords)
        case .jsonl:
            outcome = execute(checker, JSONLinesReporter(out: out, err: err), policy, documents, keepRecords)
        default:
            let console = ConsoleDocumentReporter(out: out, err: err, renderer: format.documentReporter(toolVersion: version), policy: policy)
            outcome = execute(checker, console, policy, documents, keepRecords)
        }
        for filter in filters {
            for warning in filter.finalWarnings() { err.write("warning: \(warning)\n") }
        }
        if let writeBaseline, let recorder {
            do {
                try AtomicFile.write(recorder.baseline().render(), to: writeBaseline)
                err.write("wrote baseline \(writeBaseline) (\(recorder.baseline().entries.count) entries)\n")
            } catch {
                err.write("error: \(error)\n")
                err.flush()
                throw ExitCode(2)
            }
        }
        for error in outcome.writeErrors { err.write("error: \(error)\n") }
        err.flush()
        if !outcome.writeErrors.isEmpty { throw ExitCode(2) }
        let status = ExitStatus.of(outcome.summary, failOn: Severity(rawValue: failOn), maxViolations: maxViolations)
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    private func execute<Live: CheckReporter>(
        _ checker: InputChecker, _ live: Live, _ policy: PolicySet,
        _ documents: [(reporter: any DocumentReporter, path: String)], _ keepRecords: Bool
    ) -> (CheckSummary, [OutputError]) {
        var reporter = FanOutReporter(live: live, policy: policy, documents: documents, keepCheckedRecords: keepRecords)
        let summary = checker.run(inputs: inputs, reporter: &reporter)
        return (summary, reporter.writeErrors)
    }

    /// Inline suppressions, the suppressions file, the baseline recorder, then the baseline — so a
    /// written baseline holds everything reported before the old baseline is applied.
    private func makeFilters(policy: PolicySet) throws -> ([any ViolationFilter], BaselineRecorder?) {
        var filters: [any ViolationFilter] = []
        if !noInlineSuppressions { filters.append(InlineSuppressionFilter()) }
        let suppressionsPath = suppressions ?? (FileManager.default.fileExists(atPath: ".assay-suppressions.json") ? ".assay-suppressions.json" : nil)
        if let suppressionsPath {
            guard let text = try? String(contentsOfFile: suppressionsPath, encoding: .utf8) else {
                throw ValidationError("cannot read suppressions file \(suppressionsPath)")
            }
            do {
                let file = try SuppressionFile.parse(text, path: suppressionsPath, today: SuppressionFile.today())
                let filter = SuppressionFilter(file)
                for unknown in filter.unknownRules(known: Set(policy.rules.map(\.id))) {
                    FileHandle.standardError.write(Data("warning: \(suppressionsPath): suppression names unknown rule '\(unknown)'\n".utf8))
                }
                filters.append(filter)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        var recorder: BaselineRecorder?
        if writeBaseline != nil {
            recorder = BaselineRecorder()
            filters.append(recorder!)
        }
        if let baseline {
            guard let text = try? String(contentsOfFile: baseline, encoding: .utf8) else {
                throw ValidationError("cannot read baseline file \(baseline)")
            }
            do {
                filters.append(BaselineFilter(try Baseline.parse(text, path: baseline)))
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return (filters, recorder)
    }
}
