import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Runs every case of `adversarial/cases.json` against the built `assay` binary: hostile rule files and
// hostile inputs must give the documented exit status and messages, never crash or hang, and every
// record read must be checked or reported (`records_read == records_checked + input_errors`).
// Large inputs are generated here at run time into a temporary directory (`"generate"`, `{gen}`).

/// One case of `adversarial/cases.json`.
struct AdversarialCase: Codable, Sendable, CustomTestStringConvertible {
    let name: String
    let description: String
    let args: [String]
    let stdin: String?
    let exit: Int32
    let stdoutContains: [String]?
    let stderrContains: [String]?
    let stdoutNotContains: [String]?
    let stderrNotContains: [String]?
    let stderrMaxBytes: Int?
    let summary: [String: Int]?
    let maxSeconds: Double
    let generate: String?
    let knownBug: String?

    var testDescription: String { name }
}

/// `adversarial/cases.json`.
enum AdversarialManifest {
    struct File: Codable {
        let version: Int
        let cases: [AdversarialCase]
    }

    static let directory = AssayProcess.repositoryRoot + "/adversarial"

    static func load() throws -> [AdversarialCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/cases.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(File.self, from: data).cases
    }

    /// The cases (empty when the manifest cannot be read; `manifestIsComplete` then fails).
    static let cases: [AdversarialCase] = (try? load()) ?? []
}

/// Runs the `assay` binary with a hang guard: past the timeout the process is killed with SIGKILL.
enum AdversarialRun {
    struct Output {
        let status: Int32
        let crashed: Bool
        let stdout: Data
        let stderr: Data
        let timedOut: Bool
        let seconds: Double

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Collects a pipe's bytes on a background thread.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        var data: Data { lock.withLock { bytes } }
        func append(_ chunk: Data) { lock.withLock { bytes.append(chunk) } }
    }

    static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func run(
        _ arguments: [String], stdin: Data? = nil, timeout: Double, in directory: String = AssayProcess.repositoryRoot
    ) throws -> Output {
        _ = ignoreSIGPIPE
        let process = Process()
        process.executableURL = URL(fileURLWithPath: AssayProcess.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = Date()
        try process.run()
        let group = DispatchGroup()
        let outBytes = Collector()
        let errBytes = Collector()
        for (pipe, collector) in [(out, outBytes), (err, errBytes)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: group) {
                collector.append(handle.readDataToEndOfFile())
            }
        }
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            if let stdin, !stdin.isEmpty { try? writer.write(contentsOf: stdin) }
            try? writer.close()
        }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        group.wait()
        return Output(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal && !timedOut,
            stdout: outBytes.data, stderr: errBytes.data, timedOut: timedOut,
            seconds: Date().timeIntervalSince(started))
    }
}

/// Writes the large and pathological inputs that are not committed.
enum AdversarialGenerator {
    static let packHeader = """
        pack adversarial {
          title "Adversarial cases (generated)"
          version "1"
          reference law { title "A law" checked 2026-11-20 }
        }

        """

    static func rule(_ id: String, title: String, when condition: String, fires: String, message: String = "term {match}") -> String {
        """
        rule \(id) {
          title "\(title)"
          category advertising
          severity low
          kinds listing
          references law
          message "\(message)"
          when \(condition)
          examples {
            fires "\(fires)"
            passes "fine"
          }
        }

        """
    }

    /// Writes the files of `kind` into `directory`.
    static func generate(_ kind: String, into directory: String) throws {
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        switch kind {
        case "redos-many-runs":
            let runs = String(repeating: String(repeating: "a", count: 18) + "b ", count: 12_000)
            try write("redos-many-runs.jsonl", """
                {"id":"RM1","kind":"listing","title":"forbidden","description":"\(runs)"}
                {"id":"RM2","kind":"listing","title":"fine","description":"aaaa"}

                """)
        case "huge-vocabulary":
            var terms = "# 200,000 generated terms\n"
            terms.reserveCapacity(4_000_000)
            for index in 0..<200_000 {
                switch index % 3 {
                case 0: terms += "zzterm\(index)\n"
                case 1: terms += "词\(Character(Unicode.Scalar(0x4E00 + UInt32(index % 20_000))!))\(index)\n"
                default: terms += "alias\(index) => canon\(index)\n"
                }
            }
            try write("huge-vocabulary.txt", terms)
            try write("huge-vocabulary.assay", packHeader + "vocabulary huge from \"huge-vocabulary.txt\"\n\n"
                + rule("ADV-HUGE", title: "Huge vocabulary", when: "title matches terms(huge)", fires: "zzterm0 here",
                       message: "term {match} ({canonical})"))
        case "pack-5000-rules":
            var pack = packHeader
            for index in 0..<5_000 {
                let id = "MANY-" + String(repeating: "0", count: 4 - String(index).count) + String(index)
                pack += "vocabulary v\(index) { \"term\(index)x\" }\n"
                pack += rule(id, title: "Rule \(index)", when: "title matches terms(v\(index))", fires: "a term\(index)x b",
                             message: "rule \(index): {match}")
            }
            try write("many-rules.assay", pack)
        case "long-line-100mb":
            let path = directory + "/long-line.jsonl"
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(#"{"id":"G1","kind":"listing","title":"forbidden"}"#.utf8 + [0x0A]))
            try handle.write(contentsOf: Data(#"{"id":"G2","kind":"listing","title":""#.utf8))
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
            for _ in 0..<100 { try handle.write(contentsOf: chunk) }
            try handle.write(contentsOf: Data("\"}\n".utf8))
            try handle.write(contentsOf: Data(#"{"id":"G3","kind":"listing","title":"forbidden again"}"#.utf8 + [0x0A]))
        case "deep-json-lines":
            let open = String(repeating: "[", count: 100_000)
            let close = String(repeating: "]", count: 100_000)
            try write("deep.jsonl", """
                {"id":"N1","kind":"listing","title":"forbidden"}
                \(open)
                {"id":"N3","kind":"listing","x":\(open)\(close)}
                {"id":"N4","kind":"listing","title":"forbidden"}

                """)
        case "deep-json-array":
            let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try write("deep.json", """
                [{"id":"N1","kind":"listing","title":"forbidden"},
                \(nested),
                {"id":"N3","kind":"listing","title":"forbidden"}]

                """)
        case "matches-10000":
            let title = Array(repeating: "forbidden", count: 10_000).joined(separator: " ")
            try write("matches-10000.jsonl", #"{"id":"M1","kind":"listing","title":"\#(title)"}"# + "\n")
        case "regex-matches-5000":
            let title = (0..<5_000).map { "code\($0)" }.joined(separator: " ")
            try write("regex-matches-5000.jsonl", #"{"id":"RC1","kind":"listing","title":"\#(title)"}"# + "\n")
        case "csv-10000-columns":
            let header = ["sku", "name", "body"] + (0..<9_997).map { "c\($0)" }
            let first = ["W1", "forbidden", "ok"] + Array(repeating: "v", count: 9_997)
            let second = ["W2", "fine", "forbidden"] + (0..<9_997).map { "x\($0)" }
            try write("wide.csv", [header, first, second].map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        case "html-nested-100000":
            let html = String(repeating: "<div>", count: 100_000) + "forbidden" + String(repeating: "</div>", count: 100_000)
            try write("deep-html.jsonl", """
                {"id":"HN1","kind":"listing","title":"fine","description":"\(html)"}
                {"id":"HN2","kind":"listing","title":"forbidden"}

                """)
        case "feed-nested-10000":
            let nested = String(repeating: "<g:y>", count: 10_000) + "x" + String(repeating: "</g:y>", count: 10_000)
            try write("deep-feed.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
                  <channel>
                    <item>
                      <g:id>D1</g:id>
                      <title>forbidden</title>
                      <g:x>\(nested)</g:x>
                    </item>
                    <item>
                      <g:id>D2</g:id>
                      <title>forbidden</title>
                    </item>
                  </channel>
                </rss>

                """)
        default:
            throw GeneratorError(kind: kind)
        }
    }

    struct GeneratorError: Error, CustomStringConvertible {
        let kind: String
        var description: String { "unknown generate kind '\(kind)'" }
    }

    static let kinds: Set<String> = [
        "redos-many-runs", "huge-vocabulary", "pack-5000-rules", "long-line-100mb", "deep-json-lines", "deep-json-array",
        "matches-10000", "regex-matches-5000", "csv-10000-columns", "html-nested-100000", "feed-nested-10000",
    ]
}

/// `text` with control characters (other than newline) written as `\u{…}`, safe to print to a terminal.
func printable<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        if scalar != "\n", scalar.properties.generalCategory == .control || scalar.value == 0xFFFD {
            result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

extension Data {
    func contains(_ text: String) -> Bool {
        text.isEmpty || range(of: Data(text.utf8)) != nil
    }
}

@Suite("Adversarial cases (adversarial/cases.json)")
struct AdversarialCasesTests {
    @Test("the manifest loads; names are unique; files, generators and README rows exist")
    func manifestIsComplete() throws {
        let cases = try AdversarialManifest.load()
        #expect(cases.count >= 40)
        #expect(Set(cases.map(\.name)).count == cases.count, "duplicate case names")
        let readme = try String(contentsOfFile: AdversarialManifest.directory + "/README.md", encoding: .utf8)
        for item in cases {
            #expect(readme.contains("`\(item.name)`"), "README.md has no row for \(item.name)")
            #expect(item.maxSeconds > 0)
            if let kind = item.generate {
                #expect(AdversarialGenerator.kinds.contains(kind), "\(item.name): unknown generate kind \(kind)")
            }
            let usesGenerated = (item.args + (item.stdoutContains ?? []) + (item.stderrContains ?? [])).contains { $0.contains("{gen}") }
            #expect(!usesGenerated || item.generate != nil, "\(item.name) uses {gen} without a generator")
            for argument in item.args where argument.hasPrefix("adversarial/") || argument.hasPrefix("fixtures/") {
                #expect(FileManager.default.fileExists(atPath: AssayProcess.repositoryRoot + "/" + argument),
                        "\(item.name): \(argument) does not exist")
            }
        }
    }

    @Test("adversarial case", arguments: AdversarialManifest.cases)
    func adversarialCase(_ item: AdversarialCase) throws {
        if let bug = item.knownBug {
            withKnownIssue(Comment(rawValue: bug)) {
                try Self.check(item)
            }
        } else {
            try Self.check(item)
        }
    }

    static func check(_ item: AdversarialCase) throws {
        let generated = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: generated) }
        if let kind = item.generate { try AdversarialGenerator.generate(kind, into: generated) }
        func expand(_ text: String) -> String { text.replacingOccurrences(of: "{gen}", with: generated) }

        let result = try AdversarialRun.run(
            item.args.map(expand), stdin: item.stdin.map { Data($0.utf8) }, timeout: item.maxSeconds)
        let context = "\(item.name): exit \(result.status) after \(String(format: "%.1f", result.seconds)) s\nstderr: \(printable(result.stderrText.prefix(1500)))\nstdout: \(printable(result.stdoutText.prefix(1500)))"
        #expect(!result.timedOut, "hang guard: \(item.name) killed after \(item.maxSeconds) s")
        if result.timedOut { return }
        #expect(!result.crashed, "crashed with signal \(result.status): \(context)")
        #expect(result.status == item.exit, "expected exit \(item.exit): \(context)")
        // Booleans, so a failure message never copies hostile bytes (ESC sequences) into the test log.
        for text in (item.stdoutContains ?? []).map(expand) {
            let found = result.stdout.contains(text)
            #expect(found, "stdout lacks \(printable(text)): \(context)")
        }
        for text in (item.stderrContains ?? []).map(expand) {
            let found = result.stderr.contains(text)
            #expect(found, "stderr lacks \(printable(text)): \(context)")
        }
        for text in (item.stdoutNotContains ?? []).map(expand) {
            let found = result.stdout.contains(text)
            #expect(!found, "stdout holds \(printable(text)): \(context)")
        }
        for text in (item.stderrNotContains ?? []).map(expand) {
            let found = result.stderr.contains(text)
            #expect(!found, "stderr holds \(printable(text)): \(context)")
        }
        if let limit = item.stderrMaxBytes {
            #expect(result.stderr.count <= limit, "stderr is \(result.stderr.count) bytes (limit \(limit)): \(context)")
        }

        guard let format = item.args.firstIndex(of: "--format").map({ item.args[$0 + 1] }), format == "json",
            result.status != 2
        else {
            #expect(item.summary == nil, "\(item.name): a summary needs --format json and a run that loads its rules")
            return
        }
        let document = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        guard let summary = document?["summary"] as? [String: Any] else {
            Issue.record("stdout is not a JSON report: \(context)")
            return
        }
        func count(_ key: String) -> Int? { (summary[key] as? NSNumber)?.intValue }
        // Nothing lost: every record read is checked or reported.
        let read = count("records_read"), checked = count("records_checked"), errors = count("input_errors")
        #expect(read != nil && checked != nil && errors != nil, "summary lacks counts: \(context)")
        if let read, let checked, let errors {
            #expect(read == checked + errors, "records_read \(read) != records_checked \(checked) + input_errors \(errors): \(context)")
            #expect((document?["errors"] as? [Any])?.count == errors + (count("unreadable_inputs") ?? 0),
                    "every input error is listed in errors: \(context)")
        }
        for (key, expected) in (item.summary ?? [:]).sorted(by: { $0.key < $1.key }) {
            #expect(count(key) == expected, "summary.\(key) is \(count(key).map(String.init) ?? "absent"), expected \(expected): \(context)")
        }
    }
}
