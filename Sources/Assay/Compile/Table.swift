/// A compiled table: typed rows with an index on the key columns.
import AssayText

struct Table: Sendable {
    enum ColumnType: String, Sendable {
        case string, number, bool, comparator
    }
    struct Column: Sendable {
        let name: String
        let type: ColumnType
    }
    let pack: String
    let name: String
    let columns: [Column]
    let keyColumns: [Int]
    let rows: [[ScalarValue]]
    /// Normalised key → row index.
    let index: [String: Int]

    func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Joins normalised key parts into one lookup key.
    static func key(_ parts: [String]) -> String { parts.joined(separator: "\u{1F}") }

    /// Keys and lookups meet in normalised, case-folded form (`Rolex` finds `rolex`, `ＵＳＤ` finds `usd`).
    static func normalizedKey(_ value: ScalarValue, _ normalizer: TextNormalizer) -> String {
        switch value {
        case .string(let text): return String(decoding: normalizer.normalizeTerm(text), as: UTF8.self)
        default: return value.text
        }
    }
}
