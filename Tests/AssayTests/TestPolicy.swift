import AssayDSL
import AssayJSON
import Testing
@testable import Assay

/// Builds and loads small inline packs for the compiler, evaluator and offset tests.
enum TestPolicy {
    /// Thrown after the load failure has been recorded as a test issue.
    struct LoadFailed: Error {}

    /// A valid pack header: five lines, so a body's first line is line 6.
    static let header = """
        pack t {
          title "Test pack"
          version "1.0.0"
          reference ref { title "Test reference" checked 2026-01-01 }
        }

        """

    /// One complete rule. Examples are records so that any condition compiles; tests that run examples
    /// write their own rules.
    static func rule(
        _ id: String = "R", kinds: String = "listing, post", markets: String? = nil,
        message: String = "{match}", lets: [String] = [], when: String, unless: String? = nil
    ) -> String {
        var lines = [
            "rule \(id) {",
            "  title \"\(id)\"",
            "  category advertising",
            "  severity high",
            "  kinds \(kinds)",
        ]
        if let markets { lines.append("  markets \(markets)") }
        lines += [
            "  references ref",
            "  message \"\(message)\"",
        ]
        lines += lets.map { "  let \($0)" }
        lines.append("  when \(when)")
        if let unless { lines.append("  unless \(unless)") }
        lines += [
            "  examples {",
            "    fires { kind: listing }",
            "    passes { kind: listing }",
            "  }",
            "}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Loads `header + body` from `path`, with `files` standing in for vocabulary files on disk.
    /// Records the rendered diagnostics as a test issue, and throws, when the pack has errors.
    static func load(
        _ body: String, files: [String: String] = [:], path: String = "test/pack.assay",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> PolicySet {
        let result = PolicyLoader.load(sources: [PackSource(path: path, text: header + body)], readFile: { files[$0] })
        guard let policy = result.policy else {
            Issue.record("the pack has errors:\n\(DiagnosticRenderer.render(result.diagnostics))", sourceLocation: sourceLocation)
            throw LoadFailed()
        }
        return policy
    }

    /// Parses a JSON record (origin `test.jsonl:1`).
    static func record(_ json: String) throws -> Record {
        try Record(json: JSONParser.parse(json), origin: RecordOrigin(file: "test.jsonl", line: 1))
    }

    /// The violations of `json` under `policy`.
    static func violations(_ policy: PolicySet, _ json: String, only: Set<String>? = nil) throws -> [Violation] {
        policy.check(try record(json), only: only).violations
    }
}
