// Fuzz target, end to end: the bundled packs (rules/, loaded once) over the input as JSON Lines.
// Asserts:
// - nothing lost: records read = checked + input errors, the reporter saw each of them, and records
//   read = the number of non-blank lines the JSON Lines reader yields;
// - every violation's span is inside its field: 0 <= start <= end <= scalar count of the field text
//   (source_text when extracted from HTML), and the text at [start, end) is the match;
// - checking is deterministic: the same record checked again gives the same violations and problems;
// - the record screen changes nothing: each line parsed and checked on its own (no screen) has findings
//   exactly when the streaming check reported the record, with the same violations.
import Assay
import AssayJSON

enum Bundled {
    /// The repository root, from this file's path (fuzz/Sources/FuzzCheck/main.swift).
    static let repository: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static let policy: PolicySet = {
        let loaded = PolicyLoader.load(paths: [repository + "/rules"])
        guard let policy = loaded.policy else {
            fatalError("bundled packs in \(repository)/rules do not load:\n" + loaded.diagnostics.map(\.message).joined(separator: "\n"))
        }
        return policy
    }()
}

struct CountingReporter: CheckReporter {
    var checked = 0
    var withResults = 0
    /// Line → violations, for every record reported with findings.
    var reported: [Int: [Violation]] = [:]
    var errors = 0
    var finished = false

    mutating func checked(_ record: Record) { checked += 1 }

    mutating func record(_ record: Record, result: CheckResult) {
        withResults += 1
        reported[record.origin.line] = result.violations
        let again = Bundled.policy.check(record)
        if again.violations != result.violations {
            fatalError("record \(record.id): a second check gives \(again.violations.count) violations, first \(result.violations.count)")
        }
        for violation in result.violations { checkSpan(violation, in: record) }
    }

    mutating func inputError(_ error: RecordError) { errors += 1 }

    mutating func finish(_ summary: CheckSummary) { finished = true }
}

/// Loads the packs and warms every lazy table before fuzzing starts, so that one-time allocations are not
/// taken for a leak of the first input (LeakSanitizer also misreads Swift indirect-enum boxes held in
/// tagged pointers as leaked; they belong to the policy, which lives for the whole process).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
    let warmUp = #"{"kind":"listing","id":"w","title":"最 佳 ＮＯ．１ 國家級 <b>x</b>","description":"<p>电话 138 0013 8000</p>","price":1,"market":"CN","currency":"CNY"}"#
    var source = JSONLinesRecordSource(bytes: Array(warmUp.utf8), name: "warm-up")
    var summary = CheckSummary()
    var reporter = CountingReporter()
    InputChecker(policy: Bundled.policy).check(&source, summary: &summary, reporter: &reporter)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let checker = InputChecker(policy: Bundled.policy)
    var source = JSONLinesRecordSource(bytes: bytes, name: "f.jsonl")
    var summary = CheckSummary()
    var reporter = CountingReporter()
    checker.check(&source, summary: &summary, reporter: &reporter)

    let lines = JSONLinesReader(bytes: bytes).reduce(0) { count, _ in count + 1 }
    if summary.recordsRead != summary.recordsChecked + summary.inputErrors {
        fatalError("records read \(summary.recordsRead) != checked \(summary.recordsChecked) + errors \(summary.inputErrors)")
    }
    if summary.recordsRead != lines {
        fatalError("records read \(summary.recordsRead), but the input has \(lines) non-blank lines")
    }
    if reporter.checked != summary.recordsChecked || reporter.errors != summary.inputErrors
        || reporter.withResults > reporter.checked
    {
        fatalError("reporter saw \(reporter.checked) checked / \(reporter.errors) errors, summary \(summary.recordsChecked) / \(summary.inputErrors)")
    }
    for line in JSONLinesReader(bytes: bytes) {
        guard case .success(let value) = line.result,
            let record = try? Record(json: value, origin: RecordOrigin(file: "f.jsonl", line: line.lineNumber))
        else { continue }
        let result = Bundled.policy.check(record)
        let hasFindings = !result.violations.isEmpty || !result.problems.isEmpty
        if hasFindings != (reporter.reported[line.lineNumber] != nil)
            || (hasFindings && reporter.reported[line.lineNumber] != result.violations)
        {
            fatalError("line \(line.lineNumber): checked alone \(result.violations.count) violations, streamed \(reporter.reported[line.lineNumber]?.count ?? 0)")
        }
    }
    return 0
}

/// The text a violation's offsets index: its source text, else the field's value.
func fieldText(_ record: Record, _ path: String) -> String? {
    var value: JSONValue = .object(record.fields)
    for part in path.split(separator: ".") {
        switch value {
        case .object(let object):
            guard let next = object[String(part)] else { return nil }
            value = next
        case .array(let items):
            guard let index = Int(part), items.indices.contains(index) else { return nil }
            value = items[index]
        default:
            return nil
        }
    }
    switch value {
    case .string(let text): return text
    case .number(let number): return number.text
    default: return nil
    }
}

func checkSpan(_ violation: Violation, in record: Record) {
    guard let field = violation.field, let start = violation.start, let end = violation.end else { return }
    guard let text = violation.sourceText ?? fieldText(record, field) else { return }
    let scalars = Array(text.unicodeScalars)
    if start < 0 || start > end || end > scalars.count {
        fatalError("\(violation.rule) on \(field): span \(start)..<\(end) outside \(scalars.count) scalars")
    }
    var slice = String.UnicodeScalarView()
    slice.append(contentsOf: scalars[start..<end])
    if let match = violation.match, String(slice) != match {
        fatalError("\(violation.rule) on \(field): text at \(start)..<\(end) is \(String(slice).debugDescription), match is \(match.debugDescription)")
    }
}
