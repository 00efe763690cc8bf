/// Renders diagnostics the way compilers do:
///
///     rules/ads.assay:12:9: error[A102]: unknown vocabulary 'absolut_terms'
///        12 |   when ad_text matches terms(absolut_terms)
///           |                              ^~~~~~~~~~~~~
///
/// Carets are aligned by display width, so they sit under the right character after Chinese text.
public enum DiagnosticRenderer {
    /// Renders one diagnostic with its source line and caret.
    public static func render(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.span.file
        let start = file.position(of: diagnostic.span.range.lowerBound)
        let end = file.position(of: diagnostic.span.range.upperBound)
        var out = "\(TerminalSafeText.sanitize(file.path)):\(start.line):\(start.column): \(diagnostic.severity.rawValue)"
        out += "[\(diagnostic.code.rawValue)]: \(TerminalSafeText.sanitize(diagnostic.message))\n"
        // Control characters are replaced by a space so the caret still lines up.
        let line = String(String.UnicodeScalarView(file.lineText(start.line).unicodeScalars.map {
            TerminalSafeText.isControl($0) ? " " : $0
        }))
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        var scalars = Array(line.unicodeScalars)
        var column = start.column
        // Very long lines (minified or binary files) are shown as a window around the caret.
        if scalars.count > 160 {
            let from = max(0, column - 1 - 60)
            let to = min(scalars.count, from + 160)
            scalars = (from > 0 ? Array("…".unicodeScalars) : []) + Array(scalars[from..<to]) + (to < scalars.count ? Array("…".unicodeScalars) : [])
            column = column - from + (from > 0 ? 1 : 0)
        }
        out += " \(gutter) | \(String(String.UnicodeScalarView(scalars)))\n"
        let prefixWidth = displayWidth(scalars.prefix(max(0, column - 1)))
        let underlineEnd = end.line == start.line ? max(end.column, start.column + 1) : start.column + scalars.count
        let underlined = scalars.dropFirst(max(0, column - 1)).prefix(max(1, min(underlineEnd - start.column, 80)))
        let width = max(1, displayWidth(underlined))
        out += " \(pad) | " + String(repeating: " ", count: prefixWidth) + "^"
        out += String(repeating: "~", count: width - 1) + "\n"
        for note in diagnostic.notes {
            out += " \(pad) = note: \(note)\n"
        }
        return out
    }

    /// Renders many diagnostics (at most `limit`; a line says how many more there were) followed by a
    /// count line, e.g. `2 errors, 1 warning`.
    public static func render(_ diagnostics: [Diagnostic], limit: Int = 50) -> String {
        var out = diagnostics.prefix(limit).map(render).joined()
        if diagnostics.count > limit {
            out += "… \(diagnostics.count - limit) more diagnostics not shown\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return out
    }

    /// Terminal display width: East Asian wide and full-width characters take two columns, tabs one.
    static func displayWidth<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x231A...0x231B, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
            0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
            0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
            0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
            0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
            0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
            0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
