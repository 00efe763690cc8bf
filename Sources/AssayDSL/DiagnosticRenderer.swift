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
        var out = "\(file.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue)"
        out += "[\(diagnostic.code.rawValue)]: \(diagnostic.message)\n"
        let line = file.lineText(start.line)
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(line)\n"
        let scalars = Array(line.unicodeScalars)
        let prefixWidth = displayWidth(scalars.prefix(max(0, start.column - 1)))
        let underlineEnd = end.line == start.line ? max(end.column, start.column + 1) : scalars.count + 1
        let underlined = scalars.dropFirst(start.column - 1).prefix(max(1, underlineEnd - start.column))
        let width = max(1, displayWidth(underlined))
        out += " \(pad) | " + String(repeating: " ", count: prefixWidth) + "^"
        out += String(repeating: "~", count: width - 1) + "\n"
        for note in diagnostic.notes {
            out += " \(pad) = note: \(note)\n"
        }
        return out
    }

    /// Renders many diagnostics followed by a count line, e.g. `2 errors, 1 warning`.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.map(render).joined()
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
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
