import AssayJSON
import Foundation

/// An inline suppression written in a record itself, for content kept in a repository.
///
/// - The record field `assay_ignore` holds a rule id, an array of rule ids, or `"*"` (ids may use `*`
///   patterns, e.g. `"ADV-*"`); it suppresses those rules' findings anywhere in the record. Give the
///   reason in `assay_ignore_reason`.
/// - A marker inside a text field, `[assay-ignore RULE-ID]`, suppresses that rule's findings in that
///   field only; `[assay-ignore]` (or `[assay-ignore *]`) suppresses every rule there, and several ids may
///   be listed (`[assay-ignore ADV-CN-ABSOLUTE, ADV-CN-MEDICAL-CLAIM]`). A reason follows a colon:
///   `[assay-ignore ADV-CN-ABSOLUTE: quotes the statute]`. A marker in an HTML comment
///   (`<!-- [assay-ignore …] -->`) stays invisible to shoppers and covers the whole HTML field, visible and
///   hidden text alike; in an array field it covers the element it is written in.
///
/// A reason is not required — the suppression still applies — but its absence is warned about.
public struct InlineSuppression: Sendable, Hashable {
    /// Rule ids or patterns suppressed (`*` for all).
    public let rules: [String]
    /// The reason given, if any.
    public let reason: String?
    private let patterns: [TriagePattern]

    /// Creates an inline suppression.
    public init(rules: [String], reason: String?) {
        self.rules = rules
        let trimmed = reason?.trimmingWhitespace
        self.reason = trimmed?.isEmpty == false ? trimmed : nil
        patterns = rules.map(TriagePattern.init)
    }

    /// Whether it suppresses findings of `rule`.
    public func covers(rule: String) -> Bool { patterns.contains { $0.matches(rule) } }

    /// The record field naming rules to ignore in the whole record.
    public static let field = "assay_ignore"
    /// The record field giving the reason for ``field``.
    public static let reasonField = "assay_ignore_reason"
    /// What starts a marker inside text.
    public static let markerPrefix = "[assay-ignore"

    /// Why a record's `assay_ignore` cannot be used.
    public struct InvalidField: Error, Sendable, Hashable {
        /// What is wrong.
        public let message: String
    }

    /// The record-level suppression of `record`, nil when it has no `assay_ignore`.
    public static func ofRecord(_ record: Record) throws(InvalidField) -> InlineSuppression? {
        guard let value = record.fields[field], value != .null else { return nil }
        let expected = "\(field) must be a rule id, an array of rule ids, or \"*\""
        let rules: [String]
        switch value {
        case .string(let id):
            rules = [id]
        case .array(let items):
            rules = try items.map { item throws(InvalidField) in
                guard let id = item.stringValue else { throw InvalidField(message: "\(expected); found \(item.compactDescription) in the array") }
                return id
            }
        default:
            throw InvalidField(message: "\(expected); found \(value.typeName)")
        }
        let ids = rules.map(\.trimmingWhitespace)
        if ids.isEmpty || ids.contains(where: \.isEmpty) { throw InvalidField(message: "\(expected); found an empty id") }
        let reason: String?
        switch record.fields[reasonField] {
        case .string(let text)?: reason = text
        default: reason = nil
        }
        return InlineSuppression(rules: ids, reason: reason)
    }

    /// `markerPrefix` as bytes.
    private static let markerBytes = Array(markerPrefix.utf8)

    /// Whether `text` contains `markerPrefix`: `memchr` to each `[`, then a byte comparison.
    private static func containsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            markerBytes.withUnsafeBufferPointer { marker in
                guard let base = bytes.baseAddress, bytes.count >= marker.count else { return false }
                var index = 0
                let last = bytes.count - marker.count
                while index <= last {
                    guard let found = memchr(base + index, Int32(marker[0]), last - index + 1) else { return false }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, marker.baseAddress!, marker.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// The markers written in `text`, in order. `[assay-ignore` must be followed by `]`, a space or a colon.
    public static func markers(in text: String) -> [InlineSuppression] {
        // A byte search first: Foundation's `contains` costs tens of thousands of instructions per call,
        // and nearly every text has no marker.
        guard containsMarker(text) else { return [] }
        var result: [InlineSuppression] = []
        var rest = Substring(text)
        while let start = rest.range(of: markerPrefix) {
            rest = rest[start.upperBound...]
            guard let next = rest.first, next == "]" || next == ":" || next == "：" || next.isWhitespace,
                let close = rest.firstIndex(of: "]")
            else { continue }
            let body = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let colon = body.firstIndex { $0 == ":" || $0 == "：" }
            let ids = (colon.map { body[..<$0] } ?? body)
                .split { $0 == "," || $0 == "，" || $0.isWhitespace }.map(String.init)
            let reason = colon.map { String(body[body.index(after: $0)...]) }
            result.append(InlineSuppression(rules: ids.isEmpty ? ["*"] : ids, reason: reason))
        }
        return result
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
