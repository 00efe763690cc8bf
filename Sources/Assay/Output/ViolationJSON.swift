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
    /// One member's value: a string or null, an integer or null, or the references.
    private enum Member {
        case string(String?)
        case number(Int?)
        case references([Reference])
    }

    /// The members of a violation, in the contract's key order: the one list both renderings walk.
    private static func forEachMember(of violation: Violation, _ body: (StaticString, Member) -> Void) {
        body("rule", .string(violation.rule))
        body("title", .string(violation.title))
        body("category", .string(violation.category.rawValue))
        body("severity", .string(violation.severity.rawValue))
        body("record", .string(violation.record))
        body("kind", .string(violation.kind.rawValue))
        body("field", .string(violation.field))
        body("start", .number(violation.start))
        body("end", .number(violation.end))
        body("match", .string(violation.match))
        body("message", .string(violation.message))
        body("pack", .string(violation.pack))
        body("references", .references(violation.references))
        body("file", .string(violation.origin.file))
        body("line", .number(violation.origin.line))
        body("column", .number(violation.origin.column))
        body("text_source", .string(violation.textSource?.rawValue))
        body("source_text", .string(violation.sourceText))
    }

    /// The members of a reference, in key order.
    private static func forEachMember(of reference: Reference, _ body: (StaticString, Member) -> Void) {
        body("id", .string(reference.id))
        body("title", .string(reference.title))
        body("url", .string(reference.url))
        body("checked", .string(reference.checked))
    }

    /// The violation as a JSON value.
    public static func value(_ violation: Violation) -> JSONValue {
        func value(_ member: Member) -> JSONValue {
            switch member {
            case .string(let text): return text.map { .string($0) } ?? .null
            case .number(let number): return number.map { .number(JSONNumber($0)) } ?? .null
            case .references(let references):
                return .array(references.map { reference in
                    var entries: [JSONObject.Entry] = []
                    forEachMember(of: reference) { entries.append(.init(key: "\($0)", value: value($1))) }
                    return .object(JSONObject(entries))
                })
            }
        }
        var entries: [JSONObject.Entry] = []
        forEachMember(of: violation) { entries.append(.init(key: "\($0)", value: value($1))) }
        return .object(JSONObject(entries))
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
        func append(_ member: Member) {
            switch member {
            case .string(let text?): JSONWriter.appendQuoted(text, to: &out)
            case .number(let number?): out.append(contentsOf: String(number).utf8)
            case .string(nil), .number(nil): out.append(contentsOf: "null".utf8)
            case .references(let references):
                out.append(UInt8(ascii: "["))
                for (index, reference) in references.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    appendObject { forEachMember(of: reference, $0) }
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        func appendObject(_ members: ((StaticString, Member) -> Void) -> Void) {
            var first = true
            out.append(UInt8(ascii: "{"))
            members { key, member in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
                out.append(contentsOf: "\":".utf8)
                append(member)
            }
            out.append(UInt8(ascii: "}"))
        }
        appendObject { forEachMember(of: violation, $0) }
        out.append(UInt8(ascii: "\n"))
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
