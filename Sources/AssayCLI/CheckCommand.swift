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

    @Option(name: .customLong("input-format"), help: "Input format: jsonl, json, csv, shopify, woocommerce, gmc (Google Merchant feed). Default: by extension, then by content.")
    var inputFormat: String?

    @Option(help: "A field mapping file for CSV or XML layouts Assay does not know (see README).")
    var mapping: String?

    @Option(name: .customLong("map"), help: "One mapping assignment, FIELD=SOURCE (repeatable), e.g. --map title=item_name --map market='\"US\"'.")
    var maps: [String] = []

    @Option(name: .customLong("default-market"), help: "Market for CSV/XML records that name none (ISO 3166, e.g. CN).")
    var defaultMarket: String?

    @Option(name: .customLong("default-currency"), help: "Currency for CSV/XML records that name none (ISO 4217, e.g. CNY).")
    var defaultCurrency: String?

    @Argument(help: "Input files or directories (.jsonl, .json, .csv, .xml, .xml.gz); - reads standard input.")
    var inputs: [String]

    func validate() throws {
        guard failOn == "none" || Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none")
        }
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, directory or -") }
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The input options the flags describe; a bad mapping is a usage error.
    func inputOptions() throws -> InputOptions {
        var fieldMapping: FieldMapping?
        do {
            if let mapping {
                guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
                    throw ValidationError("cannot read mapping file \(mapping)")
                }
                fieldMapping = try FieldMapping.parse(text, name: mapping)
            }
            for assignment in maps {
                var current = fieldMapping ?? FieldMapping()
                try current.add(assignment)
                fieldMapping = current
            }
        } catch let error as MappingError {
            throw ValidationError(error.message)
        }
        return InputOptions(
            format: inputFormat.flatMap(InputFormat.init(rawValue:)), mapping: fieldMapping,
            defaultMarket: defaultMarket, defaultCurrency: defaultCurrency)
    }

    func run() throws {
        let options = try inputOptions()
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
