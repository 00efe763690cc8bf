import Foundation

/// A user-supplied mapping from any CSV or XML layout onto canonical fields.
///
/// File form (`--mapping FILE`), one assignment per line, `#` comments:
///
///     # Amazon flat file → canonical listing
///     kind = "listing"                 # a quoted value is a constant
///     id = item_sku                    # a column name (CSV) or element path (XML)
///     title = item_name
///     description = product_description
///     bullets = bullet_point1, bullet_point2, bullet_point3   # several sources → an array field
///     brand = brand_name
///     price = standard_price
///     currency = "USD"
///     market = "US"
///
/// The same assignments can be given as flags: `--map title=item_name --map market=\"US\"`.
public struct FieldMapping: Sendable, Equatable {
    /// Where a canonical field's value comes from.
    public enum Source: Sendable, Equatable {
        case column(String)
        case columns([String])
        case constant(String)
    }

    /// Canonical field → source, in the order given.
    public private(set) var assignments: [(field: String, source: Source)] = []

    /// An empty mapping.
    public init() {}

    public static func == (lhs: FieldMapping, rhs: FieldMapping) -> Bool {
        lhs.assignments.map(\.field) == rhs.assignments.map(\.field) && lhs.assignments.map(\.source) == rhs.assignments.map(\.source)
    }

    /// Parses a mapping file's text; errors name the line.
    public static func parse(_ text: String, name: String) throws(MappingError) -> FieldMapping {
        var mapping = FieldMapping()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            try mapping.add(trimmed, origin: "\(name):\(index + 1)")
        }
        return mapping
    }

    /// Adds one `field = source` assignment (a flag or a file line).
    public mutating func add(_ assignment: String, origin: String = "--map") throws(MappingError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw MappingError(message: "\(origin): expected 'field = source', found '\(assignment)'")
        }
        let field = assignment[..<equals].trimmingCharacters(in: .whitespaces)
        let value = assignment[assignment.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !field.isEmpty, !value.isEmpty else {
            throw MappingError(message: "\(origin): expected 'field = source', found '\(assignment)'")
        }
        let source: Source
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            source = .constant(String(value.dropFirst().dropLast()))
        } else if value.contains(",") {
            source = .columns(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        } else {
            source = .column(value)
        }
        assignments.removeAll { $0.field == field }
        assignments.append((field, source))
    }

    /// True when nothing is mapped.
    public var isEmpty: Bool { assignments.isEmpty }
}

/// A mapping file or flag that cannot be understood.
public struct MappingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with its location.
    public let message: String
    public var description: String { message }
}
