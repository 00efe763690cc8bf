import AssayDSL
/// `--output github=FILE` (or standard output in a GitHub Actions step): workflow commands that GitHub
/// Actions turns into annotations on the changed files.
///
/// One line per violation:
///
///     ::error file=fixtures/listings.jsonl,line=3,title=ADV-CN-ABSOLUTE::absolute term “最佳” is forbidden in advertising (最佳) — record L-003, field title
///
/// The command is `error` for critical and high, `warning` for medium, `notice` for low and info; `col`
/// is written where the input format has a column (CSV). Input errors are `error` lines titled
/// `input error`; rule problems are `warning` lines. Values are escaped as `@actions/core` escapes
/// them: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in properties `:` and `,` also
/// become `%3A` and `%2C`. GitHub shows at most 10 annotations of each level per step and 50 per job;
/// the rest are still in the log.
public struct GitHubAnnotationsReporter: DocumentReporter, Sendable {
    /// Creates a GitHub annotations reporter.
    public init() {}

    /// The workflow commands, one per line.
    public func render(_ run: CollectedRun) -> String {
        var out = ""
        for finding in run.findings {
            let violation = finding.violation
            var message = violation.message
            if let match = violation.match { message += " (\(match))" }
            message += " — record \(violation.record)"
            if let field = violation.field { message += ", field \(field)" }
            var properties: [(String, String)] = [("file", violation.origin.file)]
            if violation.origin.line >= 1 { properties.append(("line", "\(violation.origin.line)")) }
            if let column = violation.origin.column, column >= 1 { properties.append(("col", "\(column)")) }
            properties.append(("title", violation.rule))
            out += Self.command(Self.command(for: violation.severity), properties: properties, message: message)
        }
        for error in run.inputErrors {
            var properties: [(String, String)] = [("file", error.origin.file)]
            if error.origin.line >= 1 { properties.append(("line", "\(error.origin.line)")) }
            if let column = error.column ?? error.origin.column, column >= 1 { properties.append(("col", "\(column)")) }
            properties.append(("title", "input error"))
            out += Self.command("error", properties: properties, message: error.message)
        }
        for problem in run.problems {
            out += Self.command(
                "warning", properties: [("title", "\(problem.rule) (rule problem)")],
                message: "record \(problem.record) field \(problem.field): \(problem.message)")
        }
        return out
    }

    /// `error`, `warning` or `notice` for a severity.
    public static func command(for severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "notice"
        }
    }

    /// One workflow command line: `::NAME k=v,k=v::message\n`.
    public static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        var line = "::" + name
        if !properties.isEmpty {
            line += " " + properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        }
        return line + "::" + escapeData(message) + "\n"
    }

    /// `@actions/core`'s `escapeData`: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    /// Other control characters (escape sequences) are then shown as `\u{1B}`, never emitted.
    public static func escapeData(_ text: String) -> String {
        TerminalSafeText.sanitize(escape(text, property: false))
    }

    /// `@actions/core`'s `escapeProperty`: as `escapeData`, and `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        TerminalSafeText.sanitize(escape(text, property: true))
    }

    private static func escape(_ text: String, property: Bool) -> String {
        // By scalar: "\r\n" is one Character in Swift, and both halves must be escaped.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out.append(contentsOf: "%25".unicodeScalars)
            case "\r": out.append(contentsOf: "%0D".unicodeScalars)
            case "\n": out.append(contentsOf: "%0A".unicodeScalars)
            case ":" where property: out.append(contentsOf: "%3A".unicodeScalars)
            case "," where property: out.append(contentsOf: "%2C".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
