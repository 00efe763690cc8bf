import AssayJSON

/// The JSON form of a violation: the stable `--format jsonl` contract.
///
/// Keys, in this order: `rule`, `title`, `category`, `severity`, `record`, `kind`, `field`, `start`,
/// `end`, `match`, `message`, `pack`, `references` (objects with `id`, `title`, `url`, `checked`),
/// `file`, `line`, `column`, `text_source`, `source_text`. `start`/`end` are Unicode scalar offsets into
/// the field's text (`value[start:end] == match` in Python); when the text was extracted from the input
/// (HTML), `text_source` says how (`html-visible`, `html-hidden:alt` …) and `source_text` holds the
/// extracted text the offsets index. For non-text evidence `start`/`end` are `null` and `match` is the
/// compared value as text.
public enum ViolationJSON {
    /// The violation as a JSON value.
    public static func value(_ violation: Violation) -> JSONValue {
        func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        func number(_ value: Int?) -> JSONValue { value.map { .number(JSONNumber($0)) } ?? .null }
        let references: [JSONValue] = violation.references.map { reference in
            .object(JSONObject([
                .init(key: "id", value: .string(reference.id)),
                .init(key: "title", value: .string(reference.title)),
                .init(key: "url", value: string(reference.url)),
                .init(key: "checked", value: string(reference.checked)),
            ]))
        }
        return .object(JSONObject([
            .init(key: "rule", value: .string(violation.rule)),
            .init(key: "title", value: .string(violation.title)),
            .init(key: "category", value: .string(violation.category.rawValue)),
            .init(key: "severity", value: .string(violation.severity.rawValue)),
            .init(key: "record", value: .string(violation.record)),
            .init(key: "kind", value: .string(violation.kind.rawValue)),
            .init(key: "field", value: string(violation.field)),
            .init(key: "start", value: number(violation.start)),
            .init(key: "end", value: number(violation.end)),
            .init(key: "match", value: string(violation.match)),
            .init(key: "message", value: .string(violation.message)),
            .init(key: "pack", value: .string(violation.pack)),
            .init(key: "references", value: .array(references)),
            .init(key: "file", value: .string(violation.origin.file)),
            .init(key: "line", value: number(violation.origin.line)),
            .init(key: "column", value: number(violation.origin.column)),
            .init(key: "text_source", value: string(violation.textSource?.rawValue)),
            .init(key: "source_text", value: string(violation.sourceText)),
        ]))
    }

    /// One line of `--format jsonl`.
    public static func line(_ violation: Violation) -> String {
        var bytes: [UInt8] = []
        appendLine(violation, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one line of `--format jsonl`: the bytes `JSONWriter` writes for ``value(_:)``, and a newline,
    /// written straight from the violation (no `JSONValue` tree and no intermediate strings: this runs
    /// for every finding of an audit, on the thread that reports them).
    public static func appendLine(_ violation: Violation, to out: inout [UInt8]) {
        var separator: UInt8 = UInt8(ascii: "{")
        func key(_ name: StaticString) {
            out.append(separator)
            separator = UInt8(ascii: ",")
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        func string(_ name: StaticString, _ text: String?) {
            key(name)
            if let text { JSONWriter.appendQuoted(text, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        func number(_ name: StaticString, _ value: Int?) {
            key(name)
            out.append(contentsOf: (value.map(String.init) ?? "null").utf8)
        }
        string("rule", violation.rule)
        string("title", violation.title)
        string("category", violation.category.rawValue)
        string("severity", violation.severity.rawValue)
        string("record", violation.record)
        string("kind", violation.kind.rawValue)
        string("field", violation.field)
        number("start", violation.start)
        number("end", violation.end)
        string("match", violation.match)
        string("message", violation.message)
        string("pack", violation.pack)
        key("references")
        out.append(UInt8(ascii: "["))
        for (index, reference) in violation.references.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            separator = UInt8(ascii: "{")
            string("id", reference.id)
            string("title", reference.title)
            string("url", reference.url)
            string("checked", reference.checked)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        separator = UInt8(ascii: ",")
        string("file", violation.origin.file)
        number("line", violation.origin.line)
        number("column", violation.origin.column)
        string("text_source", violation.textSource?.rawValue)
        string("source_text", violation.sourceText)
        out.append(contentsOf: "}\n".utf8)
    }

    /// A record error as JSON (`file`, `line`, `column`, `message`).
    public static func value(_ error: RecordError) -> JSONValue {
        .object(JSONObject([
            .init(key: "file", value: .string(error.origin.file)),
            .init(key: "line", value: .number(JSONNumber(error.origin.line))),
            .init(key: "column", value: (error.column ?? error.origin.column).map { .number(JSONNumber($0)) } ?? .null),
            .init(key: "message", value: .string(error.message)),
        ]))
    }

    /// A rule problem as JSON.
    public static func value(_ problem: RuleProblem) -> JSONValue {
        .object(JSONObject([
            .init(key: "rule", value: .string(problem.rule)),
            .init(key: "record", value: .string(problem.record)),
            .init(key: "field", value: .string(problem.field)),
            .init(key: "message", value: .string(problem.message)),
        ]))
    }

    /// The summary as JSON.
    public static func value(_ summary: CheckSummary) -> JSONValue {
        func counts<K>(_ dictionary: [K: Int], _ keys: [K], _ name: (K) -> String) -> JSONValue {
            .object(JSONObject(keys.map { .init(key: name($0), value: .number(JSONNumber(dictionary[$0] ?? 0))) }))
        }
        return .object(JSONObject([
            .init(key: "files", value: .number(JSONNumber(summary.files))),
            .init(key: "records_read", value: .number(JSONNumber(summary.recordsRead))),
            .init(key: "records_checked", value: .number(JSONNumber(summary.recordsChecked))),
            .init(key: "records_with_violations", value: .number(JSONNumber(summary.recordsWithViolations))),
            .init(key: "input_errors", value: .number(JSONNumber(summary.inputErrors))),
            .init(key: "unreadable_inputs", value: .number(JSONNumber(summary.unreadableInputs))),
            .init(key: "rule_problems", value: .number(JSONNumber(summary.ruleProblems))),
            .init(key: "violations", value: .number(JSONNumber(summary.violations))),
            .init(key: "by_severity", value: counts(summary.bySeverity, Severity.allCases.reversed(), \.rawValue)),
            .init(key: "by_category", value: counts(summary.byCategory, Category.allCases, \.rawValue)),
            .init(key: "by_rule", value: counts(summary.byRule, summary.byRule.keys.sorted(), { $0 })),
        ]))
    }
}
