import Assay
import ArgumentParser
import Foundation

/// `assay explain RULE --record FILE:ID`: why a rule did or did not fire on one record.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a rule did or did not fire on a record: conditions, normalisation, exceptions."
    )

    @OptionGroup var rules: RuleSource
    @OptionGroup var input: InputArguments

    @Argument(help: "The rule id.")
    var rule: String

    @Option(help: "The record, as FILE:ID (the input file and the record's id).")
    var record: String

    func run() throws {
        guard let colon = record.firstIndex(of: ":") else {
            throw ValidationError("--record takes FILE:ID, e.g. fixtures/listings.jsonl:L001")
        }
        let file = String(record[..<colon])
        let id = String(record[record.index(after: colon)...])
        let policy = try rules.load(showWarnings: false)
        guard policy.rule(rule) != nil else {
            throw ValidationError("unknown rule '\(rule)' (see `assay rules list`)")
        }
        var source: any RecordSource
        do {
            source = try InputOpener.open(file, options: try input.options())
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: cannot read \(file): \(error)\n".utf8))
            throw ExitCode(3)
        }
        while let event = source.next() {
            guard case .record(let found) = event, found.id == id else { continue }
            print(policy.explain(rule: rule, record: found) ?? "", terminator: "")
            return
        }
        FileHandle.standardError.write(Data("error: no record with id '\(id)' in \(file)\n".utf8))
        throw ExitCode(3)
    }
}
