import AssayJSON
import Foundation

/// Drops findings a record suppresses itself (see ``InlineSuppression``): its `assay_ignore` field for the
/// whole record, `[assay-ignore RULE]` markers for the field they are written in.
///
/// Warnings at the end name inline suppressions that removed findings without a reason, and records
/// whose `assay_ignore` is malformed (it then suppresses nothing). Unused inline suppressions cannot be
/// told apart from records without findings (filters see only records with findings), so they are not
/// reported. Safe to share between threads.
public final class InlineSuppressionFilter: ViolationFilter, @unchecked Sendable {
    /// Warnings of each kind listed one by one, before the rest are only counted.
    public static let maxListedWarnings = 20

    private let lock = NSLock()
    private var removedCount = 0
    private var missingReasons = CappedList()
    private var invalidFields = CappedList()
    private var rulesSeen: [String] = []
    private var rulesSeenSet: Set<String> = []

    /// A filter with nothing seen yet.
    public init() {}

    /// `suppressed-inline`.
    public var name: String { "suppressed-inline" }

    /// Findings removed so far.
    public var removed: Int { lock.withLock { removedCount } }

    /// The findings of `record` that neither its `assay_ignore` nor a marker in their field suppresses.
    public func apply(_ violations: [Violation], in record: Record) -> [Violation] {
        guard !violations.isEmpty else { return violations }
        var notes = Notes()
        var whole: InlineSuppression?
        do {
            whole = try InlineSuppression.ofRecord(record)
        } catch {
            notes.invalid.append("record \(record.id): \(error.message); it suppresses nothing")
        }
        var markersByField: [String: [InlineSuppression]] = [:]
        var kept: [Violation] = []
        for violation in violations {
            if let whole, whole.covers(rule: violation.rule) {
                notes.suppressed(by: whole, "record \(record.id) (\(InlineSuppression.field))")
                continue
            }
            if let field = violation.field {
                let markers = markersByField[field] ?? Self.markers(for: field, in: record)
                markersByField[field] = markers
                if let marker = markers.first(where: { $0.covers(rule: violation.rule) }) {
                    notes.suppressed(by: marker, "record \(record.id) field \(field) (\(InlineSuppression.markerPrefix)…])")
                    continue
                }
            }
            kept.append(violation)
        }
        let rules = (whole.map { [$0] } ?? []) + markersByField.values.joined()
        lock.withLock {
            removedCount += notes.removed
            for place in notes.missingReason { missingReasons.append(place) }
            for message in notes.invalid { invalidFields.append(message) }
            for rule in rules.flatMap(\.rules) where rulesSeenSet.insert(rule).inserted { rulesSeen.append(rule) }
        }
        return kept
    }

    /// Rule ids or patterns used inline (in records that had findings) that name none of the `known` rules.
    public func unknownRules(known: Set<String>) -> [String] {
        lock.withLock { rulesSeen }.filter { id in
            let pattern = TriagePattern(id)
            return pattern.isGlob ? !known.contains(where: pattern.matches) : !known.contains(id)
        }
    }

    /// How many inline suppressions removed findings without giving a reason, and the first places
    /// (up to ``maxListedWarnings``), e.g. `record L1 field title ([assay-ignore…])`.
    public var suppressionsWithoutReason: (total: Int, first: [String]) {
        lock.withLock { (missingReasons.total, missingReasons.items) }
    }

    /// How many records had a malformed `assay_ignore`, and the first messages.
    public var invalidSuppressions: (total: Int, first: [String]) {
        lock.withLock { (invalidFields.total, invalidFields.items) }
    }

    /// `inline suppression without a reason: record L1 field title ([assay-ignore…])` and
    /// `record L2: assay_ignore must be …`, each kind listed up to ``maxListedWarnings`` times, then counted.
    public func finalWarnings() -> [String] {
        let (missing, invalid) = lock.withLock { (missingReasons, invalidFields) }
        return missing.warnings(prefix: "inline suppression without a reason: ", what: "inline suppressions without a reason")
            + invalid.warnings(prefix: "", what: "records with an invalid \(InlineSuppression.field)")
    }

    /// The first few of many messages, and how many there were in all (memory stays bounded).
    private struct CappedList {
        private(set) var items: [String] = []
        private(set) var total = 0

        mutating func append(_ item: String) {
            total += 1
            if items.count < InlineSuppressionFilter.maxListedWarnings { items.append(item) }
        }

        func warnings(prefix: String, what: String) -> [String] {
            items.map { prefix + $0 } + (total > items.count ? ["… and \(total - items.count) more \(what)"] : [])
        }
    }

    /// What one record's filtering found, merged into the filter's state under the lock.
    private struct Notes {
        var removed = 0
        var missingReason: [String] = []
        var invalid: [String] = []

        mutating func suppressed(by suppression: InlineSuppression, _ place: String) {
            removed += 1
            if suppression.reason == nil, !missingReason.contains(place) { missingReason.append(place) }
        }
    }

    /// The markers that apply to findings in the concrete field `path`: those in its own text; for a field
    /// taken from HTML, those anywhere in its visible text (`description`) or hidden text
    /// (`description_hidden`).
    static func markers(for path: String, in record: Record) -> [InlineSuppression] {
        var texts: [String] = []
        let dot = path.utf8.firstIndex(of: UInt8(ascii: "."))
        let root = dot.map { String(path[..<$0]) } ?? path
        let suffix = HiddenText.fieldSuffix
        let visible = root.hasSuffix(suffix) ? String(root.dropLast(suffix.count)) : root
        if root.hasSuffix(suffix) || (dot == nil && record.fields[root + suffix] != nil) {
            for key in [visible, visible + suffix] {
                if let value = record.fields[key] { collectStrings(value, into: &texts) }
            }
        } else if dot == nil {
            // A top-level field (what `FieldPath.resolve` would reach, without parsing a path).
            if let value = record.fields[path] { collectStrings(value, into: &texts) }
        } else {
            for (_, value) in FieldPath(path).resolve(in: record.fields) { collectStrings(value, into: &texts) }
        }
        return texts.flatMap(InlineSuppression.markers(in:))
    }

    private static func collectStrings(_ value: JSONValue, into texts: inout [String]) {
        switch value {
        case .string(let text): texts.append(text)
        case .array(let items): for item in items { collectStrings(item, into: &texts) }
        default: break
        }
    }
}
