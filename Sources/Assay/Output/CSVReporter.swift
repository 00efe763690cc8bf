/// `--output csv=FILE`: one row per violation, for spreadsheets.
///
/// Columns: `rule,severity,category,record,kind,field,start,end,match,message,file,line,column,
/// fingerprint,pack,references` — `start`/`end` are Unicode scalar offsets (empty for non-text
/// evidence), `column` is empty where the format has none, and `references` lists `id: title` joined by
/// ` | `. The file is RFC 4180: fields holding a comma, a double quote, CR or LF are quoted with quotes
/// doubled, and rows end in CRLF. It starts with a UTF-8 byte-order mark so Excel opens Chinese text
/// correctly.
///
/// Cells whose first character is `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` when
/// `neutralizeFormulas` is true (the default; a lone `-`, standard input's name, is left alone), so merchant text such as `=HYPERLINK(…)` is shown, not
/// run, by a spreadsheet (OWASP's CSV-injection advice). Input errors and rule problems are not rows:
/// they are in the other outputs.
public struct CSVReporter: DocumentReporter, Sendable {
    /// The header row's column names.
    public static let columns = [
        "rule", "severity", "category", "record", "kind", "field", "start", "end", "match", "message", "file", "line",
        "column", "fingerprint", "pack", "references",
    ]

    /// Whether cells that a spreadsheet would read as a formula get a leading `'`.
    public let neutralizeFormulas: Bool

    /// Creates a CSV reporter.
    public init(neutralizeFormulas: Bool = true) {
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// The CSV document: BOM, header, one CRLF-terminated row per violation.
    public func render(_ run: CollectedRun) -> String {
        var out = "\u{FEFF}" + Self.row(Self.columns)
        for finding in run.findings {
            let violation = finding.violation
            let cells: [String] = [
                violation.rule,
                violation.severity.rawValue,
                violation.category.rawValue,
                violation.record,
                violation.kind.rawValue,
                violation.field ?? "",
                violation.start.map(String.init) ?? "",
                violation.end.map(String.init) ?? "",
                violation.match ?? "",
                violation.message,
                violation.origin.file,
                violation.origin.line >= 1 ? String(violation.origin.line) : "",
                violation.origin.column.map(String.init) ?? "",
                finding.fingerprint,
                violation.pack,
                violation.references.map { "\($0.id): \($0.title)" }.joined(separator: " | "),
            ]
            out += Self.row(neutralizeFormulas ? cells.map(Self.neutralized) : cells)
        }
        return out
    }

    /// One RFC 4180 row ending in CRLF.
    public static func row(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// A cell, quoted when it holds a comma, a double quote, CR or LF.
    public static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return cell }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    /// `cell` with a leading `'` when a spreadsheet would take it for a formula.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, cell != "-" else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }
}
