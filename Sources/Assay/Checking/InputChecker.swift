import AssayJSON
import Foundation

/// Receives what a check run finds, as it finds it (so output starts before input ends).
public protocol CheckReporter {
    /// Called for every record checked, before `record(_:result:)` (default: nothing). A record without
    /// findings may arrive as its identity only (id, kind, origin; no fields): always in a parallel check
    /// (`jobs` > 1), so that its contents are freed by the worker that parsed it, and whenever the record
    /// screen cleared a JSON Lines record without parsing it.
    mutating func checked(_ record: Record)
    /// Called once per record that had violations or rule problems, in input order.
    mutating func record(_ record: Record, result: CheckResult)
    /// Called for each record or file that could not be read.
    mutating func inputError(_ error: RecordError)
    /// Called once at the end.
    mutating func finish(_ summary: CheckSummary)
}

extension CheckReporter {
    public mutating func checked(_ record: Record) {}
}

/// Streams inputs record by record through a policy and a reporter.
public struct InputChecker {
    /// The compiled packs.
    public let policy: PolicySet
    /// How inputs are read.
    public let options: InputOptions
    /// Baselines and suppressions, applied in order before anything is reported or counted.
    public let filters: [any ViolationFilter]
    /// Worker threads that decode and check records (1: everything on the calling thread). Reports,
    /// summaries and filters see records in input order whatever the number, so output is identical.
    public let jobs: Int

    /// Creates a checker.
    public init(policy: PolicySet, options: InputOptions = InputOptions(), filters: [any ViolationFilter] = [], jobs: Int = 1) {
        self.policy = policy
        self.options = options
        self.filters = filters
        self.jobs = max(1, jobs)
    }

    /// Records per work batch in a parallel check, and the input bytes that end a batch early.
    static let batchRecords = 512
    static let batchBytes = 512 << 10

    /// Extensions a directory argument contributes (files directly inside it, sorted).
    public static let directoryExtensions = [".jsonl", ".ndjson", ".json", ".csv", ".xml", ".xml.gz", ".rss", ".atom"]

    /// Input files for the given arguments: `-` is standard input, a directory contributes the input
    /// files directly inside it, anything else is taken as a file.
    public static func expand(_ inputs: [String]) -> [String] {
        inputs.flatMap { input -> [String] in
            var isDirectory: ObjCBool = false
            guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return [input] }
            let base = input.hasSuffix("/") ? String(input.dropLast()) : input
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            return entries.filter { name in directoryExtensions.contains { name.lowercased().hasSuffix($0) } }
                .sorted().map { base + "/" + $0 }
        }
    }

    /// Checks every record of every input, reporting as it goes; returns the summary.
    @discardableResult
    public func run<R: CheckReporter>(inputs: [String], reporter: inout R) -> CheckSummary {
        var summary = CheckSummary()
        for input in Self.expand(inputs) {
            summary.files += 1
            var path = input
            var spooled: String?
            do {
                if input == "-", options.format == nil {
                    spooled = try InputOpener.spoolStandardInput()
                    path = spooled!
                }
                var source = try InputOpener.open(path, label: input, options: options)
                check(&source, summary: &summary, reporter: &reporter)
            } catch {
                summary.unreadableInputs += 1
                reporter.inputError(RecordError(origin: RecordOrigin(file: input, line: 0), message: "cannot read input: \(error)"))
            }
            if let spooled { try? FileManager.default.removeItem(atPath: spooled) }
        }
        for filter in filters { summary.filtered[filter.name, default: 0] += filter.removed }
        reporter.finish(summary)
        return summary
    }

    /// Checks the records of one source.
    public func check<S: RecordSource, R: CheckReporter>(_ source: inout S, summary: inout CheckSummary, reporter: inout R) {
        guard jobs > 1 else {
            let scratch = RecordScreen.Scratch()
            while let pending = source.nextPending() {
                let (event, result) = Self.outcome(of: pending, policy: policy, scratch: scratch)
                consume(event, result, summary: &summary, reporter: &reporter)
            }
            return
        }
        // Batches of pending records go to the workers, which decode and check them; results come back
        // in input order and are filtered, counted and reported here.
        let queue = OrderedWorkQueue<[(RecordEvent, CheckResult?)]>(workers: jobs, capacity: jobs * 4)
        defer { queue.close() }
        let policy = self.policy
        var exhausted = false
        while true {
            while !exhausted, queue.hasRoom {
                var batch: [PendingRecord] = []
                var bytes = 0
                while batch.count < Self.batchRecords, bytes < Self.batchBytes, let pending = source.nextPending() {
                    batch.append(pending)
                    bytes += pending.approximateBytes
                }
                if batch.isEmpty {
                    exhausted = true
                    break
                }
                queue.submit { [batch] in
                    let scratch = RecordScreen.Scratch()
                    return batch.map { pending in
                        let (event, result) = Self.outcome(of: pending, policy: policy, scratch: scratch)
                        // A record without findings is freed here, on the thread that built it: the
                        // reporting thread only needs its identity (see `CheckReporter.checked`).
                        if case .record(let record) = event, let result, result.violations.isEmpty, result.problems.isEmpty {
                            return (.record(record.identityOnly), result)
                        }
                        return (event, result)
                    }
                }
            }
            guard let results = queue.next() else { break }
            for (event, result) in results { consume(event, result, summary: &summary, reporter: &reporter) }
        }
    }

    /// Decodes and checks one pending record: a JSON Lines line the policy's screen clears is neither
    /// parsed nor evaluated (it has no findings); anything else is decoded and checked in full, from the
    /// screen's scans when it made them.
    private static func outcome(
        of pending: PendingRecord, policy: PolicySet, scratch: RecordScreen.Scratch
    ) -> (RecordEvent, CheckResult?) {
        var prescan: RecordScreen.Prescan?
        if case .jsonLine(let line) = pending {
            switch line.screen(policy, scratch: scratch) {
            case .quiet(let identity): return (.record(identity), CheckResult(violations: [], problems: []))
            case .scanned(let scans): prescan = scans
            case .declined: break
            }
        }
        let event = pending.resolve()
        guard case .record(let record) = event else { return (event, nil) }
        return (event, policy.check(record, prescan: prescan))
    }

    /// Counts, filters and reports one record's outcome (always on the calling thread, in input order).
    private func consume<R: CheckReporter>(
        _ event: RecordEvent, _ result: CheckResult?, summary: inout CheckSummary, reporter: inout R
    ) {
        summary.recordsRead += 1
        switch event {
        case .error(let error):
            summary.inputErrors += 1
            reporter.inputError(error)
        case .record(let record):
            summary.recordsChecked += 1
            reporter.checked(record)
            guard var result else { return }
            if !filters.isEmpty, !result.violations.isEmpty {
                var violations = result.violations
                for filter in filters { violations = filter.apply(violations, in: record) }
                result = CheckResult(violations: violations, problems: result.problems)
            }
            summary.add(result.violations)
            summary.ruleProblems += result.problems.count
            if !result.violations.isEmpty || !result.problems.isEmpty {
                reporter.record(record, result: result)
            }
        }
    }
}
