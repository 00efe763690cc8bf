import Assay
import ArgumentParser
import Foundation

/// `assay check`: checks records and reports violations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check JSON Lines records (files, directories, or - for standard input)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @OptionGroup var rules: RuleSource

    @Option(help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a violation at or above this severity is found: info, low, medium, high, critical, or none.")
    var failOn: String = "low"

    @Flag(help: "Colour the text output even when standard output is not a terminal.")
    var color = false

    @OptionGroup var input: InputArguments

    @Argument(help: "Input files or directories (.jsonl, .json, .csv, .xml, .xml.gz); - reads standard input.")
    var inputs: [String]

    func validate() throws {
        guard failOn == "none" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none")
        }
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, directory or -") }
        try input.validate()
    }

    func run() throws {
        let options = try input.options()
        let policy = try rules.load(showWarnings: false)
        let checker = InputChecker(policy: policy, options: options)
        let out = OutputSink.standardOutput()
        let err = OutputSink.standardError()
        let summary: CheckSummary
        switch format {
        case .text:
            var reporter = TextReporter(out: out, err: err, color: color || out.isTerminal)
            summary = checker.run(inputs: inputs, reporter: &reporter)
        case .json:
            var reporter = JSONReporter(out: out)
            summary = checker.run(inputs: inputs, reporter: &reporter)
        case .jsonl:
            var reporter = JSONLinesReporter(out: out, err: err)
            summary = checker.run(inputs: inputs, reporter: &reporter)
        }
        let status = ExitStatus.of(summary, failOn: Severity(rawValue: failOn))
        if status != .clean { throw ExitCode(status.rawValue) }
    }
}
