import Foundation
import Testing

/// The ready-made integrations are tried, not just shipped: the pre-commit hook runs through
/// `pre-commit try-repo`, and the example GitHub Actions workflow's check step runs as written.
@Suite("Integrations")
struct IntegrationExamplesTests {
    /// Runs a shell command line; returns status and combined output.
    static func shell(_ command: String, in directory: String, path: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        if let path { environment["PATH"] = path + ":" + (environment["PATH"] ?? "") }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the pre-commit hook fails a commit with a violating listing and passes a clean one")
    func preCommitHook() throws {
        let (found, _) = try Self.shell("command -v pre-commit", in: "/")
        guard found == 0 else {
            Issue.record("pre-commit is not installed (scripts/test.sh installs it with pip); the hook was not tried")
            return
        }
        let content = try AssayProcess.temporaryDirectory()
        let binDirectory = URL(fileURLWithPath: AssayProcess.executable).deletingLastPathComponent().path
        try #"{"id":"L1","kind":"listing","market":"CN","title":"全网最佳面膜"}"#.write(toFile: content + "/bad.jsonl", atomically: true, encoding: .utf8)
        try #"{"id":"L2","kind":"listing","market":"CN","title":"保湿面膜 10 片"}"#.write(toFile: content + "/good.jsonl", atomically: true, encoding: .utf8)
        _ = try Self.shell("git init -q && git add good.jsonl", in: content)
        let hooks = AssayProcess.repositoryRoot
        let (cleanStatus, cleanOutput) = try Self.shell(
            "HOME=\(content) pre-commit try-repo \(hooks) assay-system --files good.jsonl", in: content, path: binDirectory)
        #expect(cleanStatus == 0, "\(cleanOutput)")
        let (badStatus, badOutput) = try Self.shell(
            "HOME=\(content) pre-commit try-repo \(hooks) assay-system --files bad.jsonl", in: content, path: binDirectory)
        #expect(badStatus != 0)
        #expect(badOutput.contains("ADV-CN-ABSOLUTE"), "\(badOutput)")
    }

    @Test("the example workflow's check step runs as written and produces SARIF and the HTML report")
    func workflowCheckStep() throws {
        let workflow = try String(contentsOfFile: AssayProcess.repositoryRoot + "/docs/github-actions-example.yml", encoding: .utf8)
        // The folded `run: >` block of the "Check the catalogue" step.
        guard let start = workflow.range(of: "- name: Check the catalogue") else {
            Issue.record("the workflow has no check step")
            return
        }
        let step = workflow[start.upperBound...].split(separator: "\n").dropFirst().prefix { !$0.contains("- name:") }
        let command = step.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(command.hasPrefix("assay check"))
        let directory = try AssayProcess.temporaryDirectory()
        _ = try Self.shell("mkdir catalogue && cp \(AssayProcess.repositoryRoot)/fixtures/listings.jsonl catalogue/ && echo '{\"version\": 1, \"suppressions\": []}' > .assay-suppressions.json", in: directory)
        let binDirectory = URL(fileURLWithPath: AssayProcess.executable).deletingLastPathComponent().path
        let (_, baselineOutput) = try Self.shell("assay check --write-baseline .assay-baseline.json --fail-on none catalogue/ >/dev/null", in: directory, path: binDirectory)
        #expect(FileManager.default.fileExists(atPath: directory + "/.assay-baseline.json"), "\(baselineOutput)")
        let (status, output) = try Self.shell(command, in: directory, path: binDirectory)
        #expect(status == 0, "everything is in the baseline, so the step passes: \(output)")
        #expect(FileManager.default.fileExists(atPath: directory + "/assay.sarif"))
        #expect(FileManager.default.fileExists(atPath: directory + "/assay-report.html"))
    }
}
