import AssayJSON

/// `--format json`: one document `{"version": 1, "violations": […], "errors": […], "problems": […],
/// "summary": {…}}` written when the run ends. Violations use the `jsonl` object shape.
public struct JSONReporter: CheckReporter {
    let out: OutputSink
    private var violations: [JSONValue] = []
    private var errors: [JSONValue] = []
    private var problems: [JSONValue] = []

    /// Creates a reporter.
    public init(out: OutputSink) {
        self.out = out
    }

    public mutating func record(_ record: Record, result: CheckResult) {
        violations.append(contentsOf: result.violations.map(ViolationJSON.value))
        problems.append(contentsOf: result.problems.map(ViolationJSON.value))
    }

    public mutating func inputError(_ error: RecordError) {
        errors.append(ViolationJSON.value(error))
    }

    public mutating func finish(_ summary: CheckSummary) {
        out.write(Self.document(violations: violations, errors: errors, problems: problems, summary: summary) + "\n")
        out.flush()
    }

    /// The `--format json` document (schema: docs/report-schema.json).
    static func document(violations: [JSONValue], errors: [JSONValue], problems: [JSONValue], summary: CheckSummary) -> String {
        let document = JSONValue.object(JSONObject([
            .init(key: "version", value: .number(JSONNumber(1))),
            .init(key: "violations", value: .array(violations)),
            .init(key: "errors", value: .array(errors)),
            .init(key: "problems", value: .array(problems)),
            .init(key: "summary", value: ViolationJSON.value(summary)),
        ]))
        var text = ""
        JSONWriter.write(document, into: &text)
        return text
    }
}
