import AssayJSON

/// `--output sarif=FILE`: the run as one SARIF 2.1.0 log, for GitHub code scanning and any SARIF viewer.
///
/// One run whose `tool.driver` (`assay`) lists every rule of the policy with its metadata: `name`
/// (the id in UpperCamelCase), `shortDescription` (title), `fullDescription` (description, else title),
/// `help` in text and Markdown (rationale, the references with their URLs and checked dates, the rule's
/// `fires`/`passes` examples), `helpUri` (the first reference URL), `defaultConfiguration.level` and
/// `properties` (`category`, `severity`, `pack`, `kinds`, `tags`, and GitHub's `security-severity`).
///
/// Each violation is a result with `ruleId`/`ruleIndex`, `level` (critical/high → `error`, medium →
/// `warning`, low/info → `note`), the message, a physical location (the input file as a relative URI
/// against `%SRCROOT%`, `startLine`, `startColumn` where the format has a column, the match as the
/// region's snippet), a logical location `record/field` (kind `member`), `partialFingerprints`
/// `{"assayFinding/v1": Fingerprint.of(violation)}` and `properties` with the record, field, Unicode
/// scalar offsets, match and text source.
///
/// Input errors become `invocations[0].toolExecutionNotifications` (level `error`, with their location);
/// rule problems become warnings there too. `executionSuccessful` is false only when some input could
/// not be read at all.
public struct SARIFReporter: DocumentReporter, Sendable {
    /// The `$schema` URI written into the log.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key under which each finding's fingerprint is written.
    public static let fingerprintKey = "assayFinding/v1"

    /// The version of assay that produced the log (`tool.driver.version`).
    public let toolVersion: String
    /// `tool.driver.informationUri`: where to read about the tool; left out when nil.
    public let informationURI: String?
    /// The absolute directory relative paths are resolved against (`originalUriBaseIds["%SRCROOT%"]`);
    /// absolute input paths below it are written relative to it. Nil: relative paths stay relative
    /// to an unstated root (what GitHub code scanning expects: the repository checkout).
    public let sourceRoot: String?

    /// Creates a SARIF reporter.
    public init(toolVersion: String, informationURI: String? = nil, sourceRoot: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceRoot = sourceRoot
    }

    /// The SARIF log as JSON text (one line, UTF-8, ending in a newline).
    public func render(_ run: CollectedRun) -> String {
        var text = ""
        JSONWriter.write(log(run), into: &text)
        return text + "\n"
    }

    /// The SARIF log as a JSON value.
    public func log(_ run: CollectedRun) -> JSONValue {
        typealias S = SARIFDocument
        var rules = run.policy.rules.map(RuleMetadata.init(rule:))
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        // A finding whose rule is not in the policy (a merged or filtered run) still needs a rule entry.
        for finding in run.findings where ruleIndex[finding.violation.rule] == nil {
            ruleIndex[finding.violation.rule] = rules.count
            rules.append(RuleMetadata(violation: finding.violation))
        }
        let packVersions = Dictionary(run.policy.packs.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })

        let driver = S.object([
            ("name", .string("assay")),
            ("fullName", .string("Assay compliance-rule engine")),
            ("version", .string(toolVersion)),
            ("informationUri", S.string(informationURI)),
            ("rules", .array(rules.map { descriptor($0, packVersion: packVersions[$0.pack]) })),
            ("notifications", .array([
                S.object([
                    ("id", .string(Self.inputErrorNotification)),
                    ("shortDescription", S.message("A record or input file could not be read")),
                    ("defaultConfiguration", S.object([("level", .string("error"))])),
                ]),
                S.object([
                    ("id", .string(Self.ruleProblemNotification)),
                    ("shortDescription", S.message("A rule could not check a record completely")),
                    ("defaultConfiguration", S.object([("level", .string("warning"))])),
                ]),
            ])),
        ])

        let results = run.findings.map { result($0, ruleIndex: ruleIndex[$0.violation.rule] ?? 0) }
        var notifications = run.inputErrors.map(notification)
        notifications += run.problems.map { notification($0, ruleIndex: ruleIndex[$0.rule]) }
        let unreadable = run.summary.unreadableInputs > 0 || run.inputErrors.contains { $0.origin.line < 1 }
        let invocation = S.object([
            ("executionSuccessful", .bool(!unreadable)),
            ("toolExecutionNotifications", notifications.isEmpty ? nil : .array(notifications)),
        ])

        var runMembers: [(String, JSONValue?)] = [("tool", S.object([("driver", driver)]))]
        runMembers.append(("invocations", .array([invocation])))
        if let sourceRoot, sourceRoot.hasPrefix("/") {
            runMembers.append(("originalUriBaseIds", S.object([
                ("%SRCROOT%", S.object([("uri", .string("file://" + S.percentEncodedPath(S.directoryPrefix(sourceRoot))))])),
            ])))
        }
        runMembers.append(("results", .array(results)))
        runMembers.append(("columnKind", .string("unicodeCodePoints")))
        runMembers.append(("properties", S.object([("summary", ViolationJSON.value(run.summary))])))

        return S.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([S.object(runMembers)])),
        ])
    }

    static let inputErrorNotification = "ASSAY-INPUT-ERROR"
    static let ruleProblemNotification = "ASSAY-RULE-PROBLEM"

    /// What a `reportingDescriptor` needs from a rule (or, for a rule missing from the policy, from a
    /// violation).
    struct RuleMetadata {
        let id: String
        let title: String
        let description: String?
        let category: Category
        let severity: Severity
        let kinds: [RecordKind]
        let pack: String
        let references: [Reference]
        let location: String?
        let examples: [RuleExample]

        init(rule: Rule) {
            id = rule.id
            title = rule.title
            description = rule.description
            category = rule.category
            severity = rule.severity
            kinds = rule.kinds
            pack = rule.pack
            references = rule.references
            location = rule.location
            examples = rule.examples
        }

        init(violation: Violation) {
            id = violation.rule
            title = violation.title
            description = nil
            category = violation.category
            severity = violation.severity
            kinds = [violation.kind]
            pack = violation.pack
            references = violation.references
            location = nil
            examples = []
        }
    }

    func descriptor(_ rule: RuleMetadata, packVersion: String?) -> JSONValue {
        typealias S = SARIFDocument
        let name = S.camelCase(rule.id).isEmpty ? S.camelCase(rule.title) : S.camelCase(rule.id)
        return S.object([
            ("id", .string(rule.id)),
            ("name", name.isEmpty ? nil : .string(name)),
            ("shortDescription", S.message(rule.title)),
            ("fullDescription", S.message(rule.description ?? rule.title)),
            ("help", S.object([("text", .string(Self.helpText(rule))), ("markdown", .string(Self.helpMarkdown(rule)))])),
            ("helpUri", S.string(rule.references.lazy.compactMap(\.url).first)),
            ("defaultConfiguration", S.object([("level", .string(S.level(rule.severity)))])),
            ("properties", S.object([
                ("category", .string(rule.category.rawValue)),
                ("severity", .string(rule.severity.rawValue)),
                ("pack", .string(rule.pack)),
                ("packVersion", S.string(packVersion)),
                ("kinds", .array(rule.kinds.map { .string($0.rawValue) })),
                ("location", S.string(rule.location)),
                ("tags", .array([.string("compliance"), .string(rule.category.rawValue)])),
                ("security-severity", .string(S.securitySeverity(rule.severity))),
            ])),
        ])
    }

    /// The plain-text help: rationale, references, examples.
    static func helpText(_ rule: RuleMetadata) -> String {
        var lines = ["\(rule.title) (\(rule.category.rawValue), \(rule.severity.rawValue); pack \(rule.pack))"]
        if let description = rule.description { lines += ["", description] }
        if !rule.references.isEmpty {
            lines += ["", "References:"]
            for reference in rule.references {
                var line = "- \(reference.title)"
                if let url = reference.url { line += " <\(url)>" }
                if let checked = reference.checked { line += " (checked \(checked))" }
                lines.append(line)
            }
        }
        if !rule.examples.isEmpty {
            lines += ["", "Examples:"]
            for example in rule.examples {
                var line = "- \(example.fires ? "fires" : "passes"): \(JSONWriter.string(.object(example.record)))"
                if let match = example.expectedMatch { line += " (matches “\(match)”)" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The Markdown help: rationale, linked references with checked dates, examples as code.
    static func helpMarkdown(_ rule: RuleMetadata) -> String {
        typealias S = SARIFDocument
        var lines = [
            "**\(S.markdownText(rule.title))**",
            "",
            "Category `\(rule.category.rawValue)`, severity `\(rule.severity.rawValue)`, pack `\(rule.pack)`.",
        ]
        if let description = rule.description { lines += ["", S.markdownText(description)] }
        if !rule.references.isEmpty {
            lines += ["", "**References**", ""]
            for reference in rule.references {
                var line = "- "
                if let url = reference.url {
                    line += "[\(S.markdownText(reference.title))](<\(url)>)"
                } else {
                    line += S.markdownText(reference.title)
                }
                if let checked = reference.checked { line += " — checked \(checked)" }
                lines.append(line)
            }
        }
        let fires = rule.examples.filter(\.fires)
        let passes = rule.examples.filter { !$0.fires }
        for (heading, examples) in [("Fires on", fires), ("Passes", passes)] where !examples.isEmpty {
            lines += ["", "**\(heading)**", ""]
            for example in examples {
                var line = "- " + S.markdownCode(JSONWriter.string(.object(example.record)))
                if let match = example.expectedMatch { line += " → matches " + S.markdownCode(match) }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    func result(_ finding: CollectedRun.Finding, ruleIndex: Int) -> JSONValue {
        typealias S = SARIFDocument
        let violation = finding.violation
        var text = violation.message
        if let field = violation.field {
            text += " (record \(violation.record), field \(field))"
        } else {
            text += " (record \(violation.record))"
        }
        let logicalName = violation.field.map { "\(violation.record)/\($0)" } ?? violation.record
        let logical = S.object([
            ("name", .string(violation.field ?? violation.record)),
            ("fullyQualifiedName", .string(logicalName)),
            ("kind", .string(violation.field == nil ? "object" : "member")),
        ])
        return S.object([
            ("ruleId", .string(violation.rule)),
            ("ruleIndex", .number(JSONNumber(ruleIndex))),
            ("level", .string(S.level(violation.severity))),
            ("message", S.message(text)),
            ("locations", .array([S.object([
                ("physicalLocation", physicalLocation(violation.origin, snippet: violation.match)),
                ("logicalLocations", .array([logical])),
            ])])),
            ("partialFingerprints", S.object([(Self.fingerprintKey, .string(finding.fingerprint))])),
            ("properties", S.object([
                ("record", .string(violation.record)),
                ("kind", .string(violation.kind.rawValue)),
                ("field", violation.field.map { .string($0) } ?? .null),
                ("start", violation.start.map { .number(JSONNumber($0)) } ?? .null),
                ("end", violation.end.map { .number(JSONNumber($0)) } ?? .null),
                ("match", violation.match.map { .string($0) } ?? .null),
                ("textSource", violation.textSource.map { .string($0.rawValue) } ?? .null),
                ("sourceText", S.string(violation.sourceText)),
                ("severity", .string(violation.severity.rawValue)),
                ("category", .string(violation.category.rawValue)),
                ("pack", .string(violation.pack)),
                ("security-severity", .string(S.securitySeverity(violation.severity))),
            ])),
        ])
    }

    /// A physical location: the file, and a region when the line is known (SARIF lines are 1-based).
    func physicalLocation(_ origin: RecordOrigin, column: Int? = nil, snippet: String? = nil) -> JSONValue {
        typealias S = SARIFDocument
        var region: JSONValue?
        if origin.line >= 1 {
            let column = (column ?? origin.column).flatMap { $0 >= 1 ? $0 : nil }
            region = S.object([
                ("startLine", .number(JSONNumber(origin.line))),
                ("startColumn", S.number(column)),
                ("snippet", snippet.map { S.message($0) }),
            ])
        }
        return S.object([
            ("artifactLocation", S.artifactLocation(origin.file, sourceRoot: sourceRoot)),
            ("region", region),
        ])
    }

    func notification(_ error: RecordError) -> JSONValue {
        typealias S = SARIFDocument
        return S.object([
            ("descriptor", S.object([("id", .string(Self.inputErrorNotification)), ("index", .number(JSONNumber(0)))])),
            ("level", .string("error")),
            ("message", S.message(error.message)),
            ("locations", .array([S.object([("physicalLocation", physicalLocation(error.origin, column: error.column))])])),
        ])
    }

    func notification(_ problem: RuleProblem, ruleIndex: Int?) -> JSONValue {
        typealias S = SARIFDocument
        return S.object([
            ("descriptor", S.object([("id", .string(Self.ruleProblemNotification)), ("index", .number(JSONNumber(1)))])),
            ("associatedRule", S.object([("id", .string(problem.rule)), ("index", S.number(ruleIndex))])),
            ("level", .string("warning")),
            ("message", S.message("record \(problem.record) field \(problem.field): \(problem.message)")),
            ("locations", .array([S.object([("logicalLocations", .array([S.object([
                ("fullyQualifiedName", .string("\(problem.record)/\(problem.field)")),
                ("kind", .string("member")),
            ])]))])])),
        ])
    }
}
