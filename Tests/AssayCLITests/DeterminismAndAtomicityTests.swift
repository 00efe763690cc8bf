import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Same input and packs → byte-identical reports, in every format; report and baseline files are
/// written atomically, so a run killed with SIGKILL leaves the previous complete file or none.
@Suite("Determinism and atomicity")
struct DeterminismAndAtomicityTests {
    static let fileFormats = ["text", "json", "jsonl", "sarif", "csv", "html"]

    /// What one run produced: console output and every report file.
    struct Run: Equatable {
        var stdout: Data
        var stderr: Data
        var files: [String: Data]
    }

    /// Runs `assay check` with the given console format, every file format as `--output`, and a baseline,
    /// all written into a fresh directory.
    static func run(console: String, rules: [String], inputs: [String], extra: [String] = []) throws -> Run {
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var arguments = ["check", "--format", console] + extra + rules
        for format in fileFormats { arguments += ["--output", "\(format)=\(directory)/report.\(format)"] }
        arguments += ["--write-baseline", "\(directory)/baseline.json"] + inputs
        let result = try AdversarialRun.run(arguments, timeout: 120)
        #expect(!result.timedOut && !result.crashed, "\(printable(result.stderrText.prefix(2000)))")
        var files: [String: Data] = [:]
        for name in fileFormats.map({ "report.\($0)" }) + ["baseline.json"] {
            files[name] = FileManager.default.contents(atPath: directory + "/" + name)
            #expect(files[name] != nil, "\(name) was not written: \(result.stderrText.prefix(2000))")
        }
        // The only line that names the (different) output directory.
        let stderr = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("wrote baseline ") }.joined(separator: "\n")
        return Run(stdout: result.stdout, stderr: Data(stderr.utf8), files: files)
    }

    static func expectIdentical(_ runs: [Run], _ label: String) {
        guard let first = runs.first else { return }
        for (index, other) in runs.enumerated().dropFirst() {
            #expect(other.stdout == first.stdout, "\(label): console output of run \(index + 1) differs from run 1")
            #expect(other.stderr == first.stderr, "\(label): standard error of run \(index + 1) differs from run 1")
            for name in first.files.keys.sorted() {
                #expect(other.files[name] == first.files[name], "\(label): \(name) of run \(index + 1) differs from run 1")
            }
        }
    }

    @Test("bundled packs on fixtures/: two runs give byte-identical console output and report files", arguments: fileFormats)
    func bundledPacksOnFixtures(console: String) throws {
        let runs = try (0..<2).map { _ in try Self.run(console: console, rules: [], inputs: ["fixtures/"]) }
        Self.expectIdentical(runs, "fixtures/ --format \(console)")
    }

    /// Inputs with errors, rule problems, invalid bytes, HTML and feeds: the paths where order could leak.
    static let hostileInputs = [
        "adversarial/inputs/redos.jsonl", "adversarial/inputs/invalid-utf8.jsonl", "adversarial/inputs/nul-bytes.jsonl",
        "adversarial/inputs/invalid-utf8.xml", "adversarial/inputs/xinclude-and-html-doctype.xml",
        "adversarial/inputs/bad-elements.json", "adversarial/inputs/invalid-utf8.csv", "adversarial/inputs/terminal-escapes.jsonl",
        "fixtures/malformed/broken-lines.jsonl", "fixtures/malformed/xxe.xml",
    ]
    static let adversarialRules = ["--rules", "adversarial/rules/base.assay", "--mapping", "adversarial/inputs/basic.mapping"]

    @Test("hostile inputs with input errors and rule problems: three runs are byte-identical", arguments: ["text", "json"])
    func hostileInputs(console: String) throws {
        let runs = try (0..<3).map { _ in try Self.run(console: console, rules: Self.adversarialRules, inputs: Self.hostileInputs) }
        Self.expectIdentical(runs, "hostile inputs --format \(console)")
    }

    @Test("1, 2 and 5 workers give byte-identical console output, reports and baselines", arguments: ["text", "jsonl"])
    func workerCounts(console: String) throws {
        // Many batches (512 records each), clean and violating records and input errors mixed.
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var mixed = ""
        for index in 0..<6_000 {
            let title = index % 7 == 0 ? "全网最低价 国家级 \(index)" : "普通商品 \(index)"
            mixed += index % 97 == 0
                ? "{broken\n"
                : "{\"id\": \"M\(index)\", \"kind\": \"listing\", \"market\": \"CN\", \"title\": \"\(title)\"}\n"
        }
        try mixed.write(toFile: directory + "/mixed.jsonl", atomically: true, encoding: .utf8)
        let inputs = [directory + "/mixed.jsonl", "fixtures/"]
        let runs = try ["1", "2", "5"].map { jobs in
            try Self.run(console: console, rules: [], inputs: inputs, extra: ["--jobs", jobs])
        }
        Self.expectIdentical(runs, "--jobs 1/2/5 --format \(console)")
    }

    @Test("several capped fields in one record: the cap problems come in the same order every run")
    func capProblemsOrder() throws {
        // Regression: the cap problems were once reported in Dictionary order, which Swift seeds per process.
        let runs = try (0..<6).map { _ in
            try Self.run(console: "json", rules: Self.adversarialRules, inputs: ["adversarial/inputs/cap-several-fields.jsonl"])
        }
        Self.expectIdentical(runs, "cap-several-fields")
    }

    // MARK: atomic outputs

    /// A JSON Lines input large enough that a debug build takes seconds: every record violates.
    static func writeLargeInput(to path: String, records: Int = 20_000) throws {
        var text = ""
        text.reserveCapacity(records * 140)
        for index in 0..<records {
            text += #"{"id":"K\#(index)","kind":"listing","title":"forbidden item \#(index)","description":"plain text that is long enough to matter"}"#
            text += "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A started `assay` process whose standard output goes to a file.
    final class Started {
        let process = Process()
        let stdoutPath: String

        init(_ arguments: [String], stdoutPath: String) throws {
            self.stdoutPath = stdoutPath
            _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
            process.executableURL = URL(fileURLWithPath: AssayProcess.executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: AssayProcess.repositoryRoot)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var stdoutBytes: Int {
            ((try? FileManager.default.attributesOfItem(atPath: stdoutPath))?[.size] as? NSNumber)?.intValue ?? 0
        }

        /// Polls every millisecond until `condition` holds or the process ends; returns whether it held.
        func wait(until condition: () -> Bool, timeout: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition() { return true }
                if !process.isRunning { return condition() }
                usleep(1_000)
            }
            return false
        }

        /// SIGKILL, then reap. Returns whether the process was still running (so the kill interrupted it).
        func killNow() -> Bool {
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return wasRunning && process.terminationReason == .uncaughtSignal
        }
    }

    /// A report or baseline after a killed run: absent, the previous file byte for byte, or a complete
    /// new JSON document — never a partial file.
    static func expectNotPartial(_ path: String, previous: Data?, _ label: String) {
        guard let now = FileManager.default.contents(atPath: path) else {
            #expect(previous == nil, "\(label): the previous file disappeared")
            return
        }
        if let previous, now == previous { return }
        let complete = (try? JSONSerialization.jsonObject(with: now)) != nil
        #expect(complete, "\(label): a partial file (\(now.count) bytes) was left behind")
    }

    static func atomicArguments(_ directory: String, input: String) -> [String] {
        ["check", "--rules", "adversarial/rules/base.assay", "--write-baseline", directory + "/baseline.json",
         "--output", "sarif=" + directory + "/report.sarif", input]
    }

    /// Writes a previous, complete baseline and SARIF report with a small run.
    static func writePrevious(_ directory: String) throws -> (baseline: Data, sarif: Data) {
        let result = try AdversarialRun.run(atomicArguments(directory, input: "adversarial/inputs/one-record.jsonl"), timeout: 60)
        #expect(result.status == 1, "\(result.stderrText)")
        let baseline = try #require(FileManager.default.contents(atPath: directory + "/baseline.json"))
        let sarif = try #require(FileManager.default.contents(atPath: directory + "/report.sarif"))
        #expect((try? JSONSerialization.jsonObject(with: baseline)) != nil)
        #expect((try? JSONSerialization.jsonObject(with: sarif)) != nil)
        return (baseline, sarif)
    }

    @Test("SIGKILL after the first findings: the previous baseline and SARIF report are left intact")
    func killMidRunKeepsPreviousFiles() throws {
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = try Self.writePrevious(directory)
        try Self.writeLargeInput(to: directory + "/large.jsonl")
        let run = try Started(Self.atomicArguments(directory, input: directory + "/large.jsonl"), stdoutPath: directory + "/stdout.txt")
        #expect(run.wait(until: { run.stdoutBytes > 4096 }), "no output appeared")
        #expect(run.killNow(), "the run ended before it could be killed")
        #expect(FileManager.default.contents(atPath: directory + "/baseline.json") == previous.baseline)
        #expect(FileManager.default.contents(atPath: directory + "/report.sarif") == previous.sarif)
    }

    @Test("SIGKILL after the first findings with no previous files: none are created")
    func killMidRunCreatesNothing() throws {
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.writeLargeInput(to: directory + "/large.jsonl", records: 10_000)
        let run = try Started(Self.atomicArguments(directory, input: directory + "/large.jsonl"), stdoutPath: directory + "/stdout.txt")
        #expect(run.wait(until: { run.stdoutBytes > 4096 }), "no output appeared")
        #expect(run.killNow(), "the run ended before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: directory + "/baseline.json"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/report.sarif"))
    }

    @Test("SIGKILL while the reports are being written: each file is the previous one or a complete new one")
    func killWhileWriting() throws {
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = try Self.writePrevious(directory)
        try Self.writeLargeInput(to: directory + "/large.jsonl")
        let known: Set<String> = ["baseline.json", "report.sarif", "large.jsonl", "stdout.txt"]
        let run = try Started(Self.atomicArguments(directory, input: directory + "/large.jsonl"), stdoutPath: directory + "/stdout.txt")
        // The moment a temporary file appears beside the targets, the writing has begun.
        _ = run.wait(until: {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return entries.contains { !known.contains($0) }
        }, timeout: 120)
        let interrupted = run.killNow()
        Self.expectNotPartial(directory + "/baseline.json", previous: previous.baseline, "baseline (interrupted: \(interrupted))")
        Self.expectNotPartial(directory + "/report.sarif", previous: previous.sarif, "SARIF (interrupted: \(interrupted))")
        if !interrupted {
            // Finished before the kill: both files are the new, complete ones.
            #expect(FileManager.default.contents(atPath: directory + "/baseline.json") != previous.baseline)
        }
    }

    @Test("a completed run replaces both files with complete ones and leaves no temporary files")
    func completedRunLeavesNoLitter() throws {
        let directory = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.writePrevious(directory)
        let result = try AdversarialRun.run(Self.atomicArguments(directory, input: "adversarial/inputs/redos.jsonl"), timeout: 60)
        #expect(result.status == 1, "\(result.stderrText)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(entries == ["baseline.json", "report.sarif"])
        let baseline = try #require(FileManager.default.contents(atPath: directory + "/baseline.json"))
        #expect(String(decoding: baseline, as: UTF8.self).contains(#""record": "R3""#))
    }
}
