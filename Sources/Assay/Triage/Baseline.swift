import AssayJSON

/// Known findings, recorded once (`--write-baseline`) so that later runs (`--baseline`) report only new
/// ones. A finding is identified by its ``Fingerprint`` (rule, record id, field without array indices,
/// normalised matched text), never by offsets or lines; identical findings in one record share a
/// fingerprint and an entry whose `count` says how many there were.
///
/// The file is JSON, one entry per line, sorted by record, rule, field, match and fingerprint, with no
/// timestamps — the same findings always render to the same bytes, so the file diffs well in review:
///
/// ```json
/// {"version": 1, "entries": [
///   {"fingerprint": "5b0e6f1c2a9d8e47", "rule": "ADV-CN-ABSOLUTE", "record": "L1", "field": "title", "match": "最佳", "count": 2}
/// ]}
/// ```
///
/// Only `fingerprint` and `count` decide what is baselined; `rule`, `record`, `field` and `match` are
/// there for people (and for the stale-entry warnings). `field` is the path without array indices,
/// `match` the text as written (of several spellings with one normalised form, the smallest).
public struct Baseline: Sendable, Hashable {
    /// One baselined finding and how many times it occurred in its record.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// ``Fingerprint/of(_:)`` of the finding.
        public let fingerprint: String
        /// Rule id.
        public let rule: String
        /// Record id.
        public let record: String
        /// Field path without array indices, nil when the finding has no field.
        public let field: String?
        /// Matched text as written, nil when the finding has none.
        public let match: String?
        /// How many identical findings (at least 1).
        public let count: Int

        /// Creates an entry.
        public init(fingerprint: String, rule: String, record: String, field: String?, match: String?, count: Int) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.record = record
            self.field = field
            self.match = match
            self.count = count
        }

        /// `RULE record field “match”`, e.g. `ADV-CN-ABSOLUTE L1 title “最佳”`.
        public var description: String {
            var text = "\(rule) \(record)"
            if let field { text += " \(field)" }
            if let match { text += " “\(match)”" }
            return text
        }

        /// The same entry with another count.
        func with(count: Int) -> Entry {
            Entry(fingerprint: fingerprint, rule: rule, record: record, field: field, match: match, count: count)
        }

        fileprivate var sortKey: [String] { [record, rule, field ?? "", match ?? "", fingerprint] }
    }

    /// The file format version this build reads and writes.
    public static let version = 1

    /// The entries, sorted, one per fingerprint.
    public let entries: [Entry]

    /// A baseline of the given entries: sorted, and entries sharing a fingerprint merged (the larger count
    /// wins, so a baseline merged twice by version control does not double its counts).
    public init(entries: [Entry]) {
        var byFingerprint: [String: Entry] = [:]
        for entry in entries {
            if let existing = byFingerprint[entry.fingerprint], existing.count >= entry.count { continue }
            byFingerprint[entry.fingerprint] = entry
        }
        self.entries = byFingerprint.values.sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
    }

    /// The baseline of a run's findings.
    public static func from(_ findings: [Violation]) -> Baseline {
        var builder = Builder()
        for finding in findings { builder.add(finding) }
        return builder.baseline()
    }

    /// Expected occurrences by fingerprint.
    public var counts: [String: Int] {
        Dictionary(entries.map { ($0.fingerprint, $0.count) }, uniquingKeysWith: max)
    }

    /// The file text: deterministic, one entry per line, ending in a newline.
    public func render() -> String {
        guard !entries.isEmpty else { return "{\"version\": \(Self.version), \"entries\": []}\n" }
        var text = "{\"version\": \(Self.version), \"entries\": [\n"
        for (index, entry) in entries.enumerated() {
            let optional = { (value: String?) in value.map(JSONWriter.quoted) ?? "null" }
            text += "  {\"fingerprint\": \(JSONWriter.quoted(entry.fingerprint)), \"rule\": \(JSONWriter.quoted(entry.rule)), "
            text += "\"record\": \(JSONWriter.quoted(entry.record)), \"field\": \(optional(entry.field)), "
            text += "\"match\": \(optional(entry.match)), \"count\": \(entry.count)}"
            text += index == entries.count - 1 ? "\n" : ",\n"
        }
        return text + "]}\n"
    }

    /// Reads a baseline file's text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(BaselineError) -> Baseline {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw BaselineError(path: path, line: error.line, column: error.column, message: error.message)
        }
        guard case .object(let top) = json else {
            throw BaselineError(path: path, message: "a baseline must be a JSON object with \"version\" and \"entries\", found \(json.typeName)")
        }
        if let unknown = top.keys.first(where: { $0 != "version" && $0 != "entries" }) {
            throw BaselineError(path: path, message: "unknown key \"\(unknown)\" (a baseline has \"version\" and \"entries\")")
        }
        guard let version = top["version"]?.numberValue?.intValue else {
            throw BaselineError(path: path, message: "\"version\" must be the number \(Self.version)")
        }
        guard version == Self.version else {
            throw BaselineError(
                path: path,
                message: "baseline version \(version) is not supported (this assay reads version \(Self.version)); write it again with --write-baseline")
        }
        guard let items = top["entries"]?.arrayValue else {
            throw BaselineError(path: path, message: "\"entries\" must be an array")
        }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            entries.append(try entry(item, at: index, path: path))
        }
        return Baseline(entries: entries)
    }

    private static let entryKeys: Set<String> = ["fingerprint", "rule", "record", "field", "match", "count"]

    private static func entry(_ item: JSONValue, at index: Int, path: String) throws(BaselineError) -> Entry {
        func fail(_ message: String) -> BaselineError {
            BaselineError(path: path, message: "entries[\(index)]: \(message)")
        }
        guard case .object(let object) = item else { throw fail("an entry must be an object, found \(item.typeName)") }
        if let unknown = object.keys.first(where: { !entryKeys.contains($0) }) {
            throw fail("unknown key \"\(unknown)\"")
        }
        func required(_ key: String) throws(BaselineError) -> String {
            guard let value = object[key]?.stringValue, !value.isEmpty else {
                throw fail("\"\(key)\" must be a non-empty string")
            }
            return value
        }
        func optional(_ key: String) throws(BaselineError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            case let other?: throw fail("\"\(key)\" must be a string or null, found \(other.typeName)")
            }
        }
        let fingerprint = try required("fingerprint")
        guard fingerprint.utf8.count == 16, fingerprint.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { throw fail("\"fingerprint\" must be 16 lower-case hex digits, found \"\(fingerprint)\"") }
        let count: Int
        switch object["count"] {
        case nil: count = 1
        case .number(let number)? where (number.intValue ?? 0) >= 1: count = number.intValue!
        case let other?: throw fail("\"count\" must be a whole number of at least 1, found \(other.compactDescription)")
        }
        return Entry(
            fingerprint: fingerprint, rule: try required("rule"), record: try required("record"),
            field: try optional("field"), match: try optional("match"), count: count)
    }

    /// Aggregates findings into entries, keeping only one entry per fingerprint in memory.
    struct Builder {
        private var entries: [String: Entry] = [:]

        mutating func add(_ finding: Violation) {
            let fingerprint = Fingerprint.of(finding)
            if let existing = entries[fingerprint] {
                var match = existing.match
                if let new = finding.match, let old = match, new < old { match = new }
                entries[fingerprint] = Entry(
                    fingerprint: fingerprint, rule: existing.rule, record: existing.record, field: existing.field,
                    match: match, count: existing.count + 1)
            } else {
                entries[fingerprint] = Entry(
                    fingerprint: fingerprint, rule: finding.rule, record: finding.record,
                    field: finding.field.map(TriageField.withoutIndices), match: finding.match, count: 1)
            }
        }

        func baseline() -> Baseline { Baseline(entries: Array(entries.values)) }
    }
}

/// A baseline file that cannot be used: `path:line:column: error: message` for broken JSON, else
/// `path: error: message`.
public struct BaselineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The baseline file.
    public let path: String
    /// 1-based line of a JSON syntax error.
    public let line: Int?
    /// 1-based column (Unicode scalars) of a JSON syntax error.
    public let column: Int?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error: invalid baseline: \(message)"
    }
}
