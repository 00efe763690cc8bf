/// Everything a run found, kept for reporters that write one document at the end (SARIF, JUnit, HTML,
/// CSV, JSON). Each entry keeps its record so reporters can show the evidence in context.
public struct CollectedRun: Sendable {
    /// One violation with the record it was found in.
    public struct Finding: Sendable {
        public let violation: Violation
        public let record: Record
        /// `Fingerprint.of(violation)`.
        public let fingerprint: String
    }
    /// The packs and rules that ran (for rule metadata and help text).
    public let policy: PolicySet
    /// Findings in input order.
    public var findings: [Finding] = []
    /// Records checked, with whether each had findings (JUnit reports passing records too).
    public var checkedRecords: [(id: String, kind: RecordKind, origin: RecordOrigin)] = []
    /// Input errors.
    public var inputErrors: [RecordError] = []
    /// Rule problems (regex limits …).
    public var problems: [RuleProblem] = []
    /// The run's summary (set at the end).
    public var summary = CheckSummary()

    /// An empty run for a policy.
    public init(policy: PolicySet) {
        self.policy = policy
    }
}

/// A reporter that renders a whole run as one document (written when the run ends).
public protocol DocumentReporter {
    /// The rendered document.
    func render(_ run: CollectedRun) -> String
}

/// Collects a run and hands it to document reporters at the end; also forwards to a live reporter
/// (the console) as it goes.
public struct FanOutReporter<Live: CheckReporter>: CheckReporter {
    /// The console reporter.
    public var live: Live
    /// Document outputs: (renderer, path). Written atomically when the run finishes.
    public var documents: [(reporter: any DocumentReporter, path: String)]
    /// The collected run.
    public private(set) var run: CollectedRun
    /// Output files that could not be written.
    public private(set) var writeErrors: [OutputError] = []
    /// Whether to keep every checked record's id (JUnit needs them).
    public var keepCheckedRecords: Bool

    /// Creates a fan-out.
    public init(live: Live, policy: PolicySet, documents: [(reporter: any DocumentReporter, path: String)], keepCheckedRecords: Bool = false) {
        self.live = live
        self.documents = documents
        self.run = CollectedRun(policy: policy)
        self.keepCheckedRecords = keepCheckedRecords
    }

    public mutating func checked(_ record: Record) {
        if keepCheckedRecords { run.checkedRecords.append((record.id, record.kind, record.origin)) }
        live.checked(record)
    }

    public mutating func record(_ record: Record, result: CheckResult) {
        if !documents.isEmpty {
            for violation in result.violations {
                run.findings.append(.init(violation: violation, record: record, fingerprint: Fingerprint.of(violation)))
            }
            run.problems.append(contentsOf: result.problems)
        }
        live.record(record, result: result)
    }

    public mutating func inputError(_ error: RecordError) {
        run.inputErrors.append(error)
        live.inputError(error)
    }

    public mutating func finish(_ summary: CheckSummary) {
        run.summary = summary
        for (reporter, path) in documents {
            do {
                try AtomicFile.write(reporter.render(run), to: path)
            } catch let error as OutputError {
                writeErrors.append(error)
            } catch {
                writeErrors.append(OutputError(path: path, reason: "\(error)"))
            }
        }
        live.finish(summary)
    }
}
