@testable import AssayDSL

/// Small helpers shared by the lexer, parser and renderer tests.
enum DSL {
    /// Lexes `text` and returns the token kinds (without the final end-of-file) and the diagnostics.
    static func lex(_ text: String) -> (kinds: [Token.Kind], diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        var lexer = Lexer(file: SourceFile(path: "test.assay", text: text))
        let tokens = lexer.tokenize(into: &bag)
        return (tokens.dropLast().map(\.kind), bag.diagnostics)
    }

    /// Parses `text` as a file named `test.assay`.
    static func parse(_ text: String) -> (PackFile, [Diagnostic]) {
        Parser.parse(SourceFile(path: "test.assay", text: text))
    }

    /// `CODE line:col` of each diagnostic, the form most assertions compare.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { diagnostic in
            let position = diagnostic.span.file.position(of: diagnostic.span.range.lowerBound)
            return "\(diagnostic.code.rawValue) \(position.line):\(position.column)"
        }
    }

    /// A span covering the `occurrence`-th (0-based) appearance of `needle` in the file.
    static func span(of needle: String, in file: SourceFile, occurrence: Int = 0) -> SourceSpan {
        let haystack = file.bytes
        let pattern = Array(needle.utf8)
        var seen = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if Array(haystack[index..<index + pattern.count]) == pattern {
                if seen == occurrence { return SourceSpan(file: file, range: index..<index + pattern.count) }
                seen += 1
            }
            index += 1
        }
        fatalError("'\(needle)' does not occur \(occurrence + 1) times in \(file.path)")
    }

    /// A minimal pack header, so parser tests can focus on rules.
    static let header = """
        pack p {
          title "P"
          version "1"
          reference r { title "R" checked 2026-01-01 }
        }

        """
}

/// A compact, readable rendering of a condition tree: `or(and(not(a == 1), b == 2), c == 3)`.
enum ConditionText {
    static func describe(_ node: ConditionNode) -> String {
        switch node {
        case .and(let items, _): return "and(" + items.map(describe).joined(separator: ", ") + ")"
        case .or(let items, _): return "or(" + items.map(describe).joined(separator: ", ") + ")"
        case .not(let inner, _): return "not(" + describe(inner) + ")"
        case .atLeast(let count, let items, _):
            return "\(count.value) of(" + items.map(describe).joined(separator: ", ") + ")"
        case .matches(let selector, let matcher, _):
            var text = describe(selector) + " matches " + describe(matcher.primary)
            if let near = matcher.near { text += " near " + describe(near) + " within \(matcher.within?.value ?? -1)" }
            return text
        case .validity(let selector, let validator, let expectValid, _):
            return "\(expectValid ? "valid" : "invalid")(\(describe(selector)), \(validator.value))"
        case .presence(let selector, let present, _):
            return describe(selector) + (present ? " is present" : " is missing")
        case .membership(let operand, let values, let negated, _):
            return describe(operand) + (negated ? " not in [" : " in [") + values.map { describe($0.value) }.joined(separator: ", ") + "]"
        case .comparison(let left, let comparator, let right, _):
            return "\(describe(left)) \(comparator.value.rawValue) \(describe(right))"
        case .dynamicComparison(let left, let comparator, let right, _):
            return "compare(\(describe(left)), \(describe(comparator)), \(describe(right)))"
        }
    }

    static func describe(_ selector: SelectorNode) -> String {
        switch selector {
        case .name(let name): return name.value
        case .any(let names, _): return "any(" + names.map(\.value).joined(separator: ", ") + ")"
        }
    }

    static func describe(_ matcher: SingleMatcherNode) -> String {
        var text: String
        switch matcher.kind {
        case .terms(let names):
            text = "terms(" + names.map(\.value).joined(separator: ", ") + ")"
        case .regex(let pattern, let flags, let validator):
            text = "regex(/\(pattern.value)/\(flags?.value ?? ""))"
            if let validator { text += " validate \(validator.value)" }
        }
        if !matcher.except.isEmpty { text += " except terms(" + matcher.except.map(\.value).joined(separator: ", ") + ")" }
        if let binding = matcher.binding { text += " as \(binding.value)" }
        return text
    }

    static func describe(_ operand: OperandNode) -> String {
        switch operand {
        case .literal(let literal): return describe(literal.value)
        case .path(let path): return path.value
        case .cell(let lookup, let column): return describe(lookup) + "." + column.value
        }
    }

    static func describe(_ lookup: LookupNode) -> String {
        lookup.table.value + "[" + lookup.keys.map(describe).joined(separator: ", ") + "]"
    }

    static func describe(_ literal: Literal) -> String {
        switch literal {
        case .string(let text): return "\"\(text)\""
        case .number(_, let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .identifier(let name): return name
        case .date(let text): return "date(\(text))"
        }
    }
}
