import AssayJSON
import Foundation

/// A suppressions file (conventionally `.assay-suppressions.json`), kept apart from the rule packs so it
/// survives pack updates:
///
/// ```json
/// {"version": 1, "suppressions": [
///   {"rule": "ADV-CN-ABSOLUTE", "record": "L1", "field": "title", "match": "最佳",
///    "reason": "brand name 最佳食品 cleared by legal, ticket LEGAL-142", "expires": "2026-12-31"},
///   {"rule": "PRV-*", "record": "merchant-*", "reason": "KYC export reviewed by the privacy team"}
/// ]}
/// ```
///
/// Keys of an entry: `rule` (required; id, `*` pattern or `"*"`), `record`, `field`, `match` (optional
/// scopes, see ``Suppression``), `reason` (required, non-empty) and `expires` (optional `YYYY-MM-DD`, the
/// last day the suppression applies). `version` is optional and must be 1. Anything else is an error.
public struct SuppressionFile: Sendable, Hashable {
    /// The file the suppressions came from.
    public let path: String
    /// The suppressions in file order.
    public let suppressions: [Suppression]

    /// The file format version this build reads.
    public static let version = 1

    /// Creates a file's worth of suppressions directly.
    public init(path: String, suppressions: [Suppression]) {
        self.path = path
        self.suppressions = suppressions
    }

    /// Reads a suppressions file's text. `today` (`YYYY-MM-DD`, see ``today(now:)``) decides which entries
    /// have expired. Every problem in the file is reported at once, each with its entry's index.
    public static func parse(_ text: String, path: String, today: String) throws(SuppressionError) -> SuppressionFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw SuppressionError(path: path, problems: [.init(line: error.line, column: error.column, message: error.message)])
        }
        var problems: [SuppressionError.Problem] = []
        guard case .object(let top) = json else {
            throw SuppressionError(
                path: path,
                problems: [.init(message: "expected an object {\"version\": 1, \"suppressions\": [...]}, found \(json.typeName)")])
        }
        for key in top.keys where key != "version" && key != "suppressions" {
            problems.append(.init(message: "unknown key \"\(key)\" (the file has \"version\" and \"suppressions\")"))
        }
        if let version = top["version"], version.numberValue?.intValue != Self.version {
            problems.append(.init(message: "\"version\" must be \(Self.version), found \(version.compactDescription)"))
        }
        var suppressions: [Suppression] = []
        switch top["suppressions"] {
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                if let suppression = entry(item, index: index, today: today, problems: &problems) {
                    suppressions.append(suppression)
                }
            }
        case nil:
            problems.append(.init(message: "missing \"suppressions\" (an array of entries)"))
        case let other?:
            problems.append(.init(message: "\"suppressions\" must be an array, found \(other.typeName)"))
        }
        guard problems.isEmpty else { throw SuppressionError(path: path, problems: problems) }
        return SuppressionFile(path: path, suppressions: suppressions)
    }

    private static let keys = ["rule", "record", "field", "match", "reason", "expires"]

    private static func entry(
        _ item: JSONValue, index: Int, today: String, problems: inout [SuppressionError.Problem]
    ) -> Suppression? {
        let before = problems.count
        func problem(_ message: String) { problems.append(.init(entry: index, message: message)) }
        guard case .object(let object) = item else {
            problem("an entry must be an object, found \(item.typeName)")
            return nil
        }
        var seen: Set<String> = []
        for key in object.keys {
            if !keys.contains(key) {
                problem("unknown key \"\(key)\" (allowed: \(keys.joined(separator: ", ")))")
            } else if !seen.insert(key).inserted {
                problem("\"\(key)\" is given twice")
            }
        }
        func text(_ key: String, required: Bool) -> String? {
            switch object[key] {
            case nil, .null?:
                if required { problem("\"\(key)\" is required") }
                return nil
            case .string(let value)?:
                if value.allSatisfy(\.isWhitespace) {
                    problem("\"\(key)\" must not be empty")
                    return nil
                }
                return value
            case let other?:
                problem("\"\(key)\" must be a string, found \(other.typeName)")
                return nil
            }
        }
        let rule = text("rule", required: true)
        let record = text("record", required: false)
        let field = text("field", required: false)
        let match = text("match", required: false)
        let reason = text("reason", required: true)
        let expires = text("expires", required: false)
        if let expires, !isDate(expires) {
            problem("\"expires\" must be a date YYYY-MM-DD, found \"\(expires)\"")
        }
        guard problems.count == before, let rule, let reason else { return nil }
        return Suppression(
            index: index, rule: rule, record: record, field: field, match: match, reason: reason, expires: expires,
            today: today)
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Today's date in the local time zone as `YYYY-MM-DD`, for ``parse(_:path:today:)``.
    public static func today(now: Date = Date()) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    /// Rule ids or patterns that name none of the `known` rules (a typo, or a rule removed from its pack),
    /// in file order without repeats — for a warning.
    public func unknownRules(known: Set<String>) -> [String] {
        var seen: Set<String> = []
        return suppressions.compactMap { suppression in
            guard !suppression.names(anyOf: known), seen.insert(suppression.rule).inserted else { return nil }
            return suppression.rule
        }
    }
}

/// A suppressions file that cannot be used, with every problem found in it.
public struct SuppressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem.
    public struct Problem: Sendable, Hashable {
        /// The entry's index in `suppressions`, nil for a problem with the file as a whole.
        public let entry: Int?
        /// 1-based line of a JSON syntax error.
        public let line: Int?
        /// 1-based column of a JSON syntax error.
        public let column: Int?
        /// What is wrong.
        public let message: String

        /// Creates a problem.
        public init(entry: Int? = nil, line: Int? = nil, column: Int? = nil, message: String) {
            self.entry = entry
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// The suppressions file.
    public let path: String
    /// Everything wrong with it, in file order.
    public let problems: [Problem]

    /// Creates an error.
    public init(path: String, problems: [Problem]) {
        self.path = path
        self.problems = problems
    }

    /// One line per problem: `path[:line:col]: error: [suppressions[N]: ]message`.
    public var description: String {
        problems.map { problem in
            var location = path
            if let line = problem.line { location += ":\(line)" }
            if let column = problem.column { location += ":\(column)" }
            let entry = problem.entry.map { "suppressions[\($0)]: " } ?? ""
            return "\(location): error: \(entry)\(problem.message)"
        }.joined(separator: "\n")
    }
}
