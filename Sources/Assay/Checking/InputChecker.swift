import AssayJSON
import Foundation

/// Receives what a check run finds, as it finds it (so output starts before input ends).
public protocol CheckReporter {
    /// Called once per record that had violations or rule problems, in input order.
    mutating func record(_ record: Record, result: CheckResult)
    /// Called for each record or file that could not be read.
    mutating func inputError(_ error: RecordError)
    /// Called once at the end.
    mutating func finish(_ summary: CheckSummary)
}

/// Streams input files record by record through a policy and a reporter.
public struct InputChecker {
    /// The compiled packs.
    public let policy: PolicySet

    /// Creates a checker.
    public init(policy: PolicySet) {
        self.policy = policy
    }

    /// Input files for the given arguments: `-` is standard input, a directory contributes its
    /// `.jsonl`/`.ndjson` files (sorted), anything else is taken as a file.
    public static func expand(_ inputs: [String]) -> [String] {
        inputs.flatMap { input -> [String] in
            var isDirectory: ObjCBool = false
            guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return [input] }
            let base = input.hasSuffix("/") ? String(input.dropLast()) : input
            let entries = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            return entries.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }.sorted().map { base + "/" + $0 }
        }
    }

    /// Checks every record of every input, reporting as it goes; returns the summary.
    @discardableResult
    public func run<R: CheckReporter>(inputs: [String], reporter: inout R) -> CheckSummary {
        var summary = CheckSummary()
        for input in Self.expand(inputs) {
            summary.files += 1
            let reader: JSONLinesReader
            do {
                reader = try JSONLinesReader(path: input)
            } catch {
                summary.unreadableInputs += 1
                reporter.inputError(RecordError(origin: RecordOrigin(file: input, line: 0), message: "cannot read input: \(error)"))
                continue
            }
            check(reader, file: input, summary: &summary, reporter: &reporter)
        }
        reporter.finish(summary)
        return summary
    }

    /// Checks the records of one JSON Lines stream.
    public func check<R: CheckReporter>(
        _ reader: JSONLinesReader, file: String, summary: inout CheckSummary, reporter: inout R
    ) {
        var reader = reader
        while let line = reader.next() {
            summary.recordsRead += 1
            let origin = RecordOrigin(file: file, line: line.lineNumber)
            let record: Record
            do {
                let value = try line.result.get()
                record = try Record(json: value, origin: origin)
            } catch let error as JSONParseError {
                summary.inputErrors += 1
                reporter.inputError(RecordError(origin: origin, column: error.column, message: error.message))
                continue
            } catch let error as RecordError {
                summary.inputErrors += 1
                reporter.inputError(error)
                continue
            } catch {
                summary.inputErrors += 1
                reporter.inputError(RecordError(origin: origin, message: "\(error)"))
                continue
            }
            summary.recordsChecked += 1
            let result = policy.check(record)
            summary.add(result.violations)
            summary.ruleProblems += result.problems.count
            if !result.violations.isEmpty || !result.problems.isEmpty {
                reporter.record(record, result: result)
            }
        }
    }
}
