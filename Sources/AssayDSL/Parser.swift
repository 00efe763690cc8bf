import AssayJSON

/// Recursive-descent parser for `.assay` files. It never throws and never prints: every problem becomes a
/// diagnostic, and after an error it skips to the next clause it recognises so that one run reports all
/// the problems in a file.
public struct Parser {
    private let file: SourceFile
    private var tokens: [Token]
    private var position = 0
    private var diagnostics = DiagnosticBag()
    /// Current nesting of conditions and record literals; bounded so hostile input cannot overflow the stack.
    private var nesting = 0
    /// Deepest nesting accepted (conditions, parentheses, `not`, record literals).
    static let maxNesting = 200

    /// Parses a source file into a tree plus diagnostics.
    public static func parse(_ file: SourceFile) -> (PackFile, [Diagnostic]) {
        var lexDiagnostics = DiagnosticBag()
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize(into: &lexDiagnostics)
        var parser = Parser(file: file, tokens: tokens)
        parser.diagnostics = lexDiagnostics
        let tree = parser.parseFile()
        return (tree, parser.diagnostics.diagnostics)
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    private struct SyntaxError: Error {}

    static let topLevelWords: Set<String> = ["pack", "vocabulary", "fields", "table", "rule"]
    static let ruleFieldWords: Set<String> = [
        "title", "description", "category", "severity", "kinds", "markets", "references", "message",
        "let", "when", "unless", "examples",
    ]

    // MARK: token helpers

    private var current: Token { tokens[position] }
    private func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }
    private var atEnd: Bool { current.kind == .endOfFile }

    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        if !atEnd { position += 1 }
        return token
    }

    private mutating func fail(_ expected: String) -> SyntaxError {
        diagnostics.report(.unexpectedToken, "expected \(expected), found \(current.display)", at: current.span)
        return SyntaxError()
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(SyntaxError) -> Token {
        guard current.kind == kind else { throw fail(what) }
        return advance()
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        guard current.isWord(word) else { throw fail("'\(word)'") }
        advance()
    }

    private mutating func identifier(_ what: String) throws(SyntaxError) -> Located<String> {
        guard let name = current.identifier else { throw fail(what) }
        return Located(name, advance().span)
    }

    private mutating func string(_ what: String) throws(SyntaxError) -> Located<String> {
        guard case .string(let text) = current.kind else { throw fail(what) }
        return Located(text, advance().span)
    }

    private mutating func integer(_ what: String) throws(SyntaxError) -> Located<Int> {
        guard case .number(let value, _) = current.kind, value >= 0, value == value.rounded(), value < 1e9
        else { throw fail(what) }
        return Located(Int(value), advance().span)
    }

    private mutating func consume(_ kind: Token.Kind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    /// `a, b, c` — one or more identifiers separated by commas.
    private mutating func identifierList(_ what: String) throws(SyntaxError) -> [Located<String>] {
        var names = [try identifier(what)]
        while consume(.comma) { names.append(try identifier(what)) }
        return names
    }

    /// Skips to the next token that starts a clause in `words`, or the `}` closing the current block.
    /// `depth` is how many brackets opened since the clause began are still open, so a `}` closing a
    /// nested block (`examples { … }`) is not mistaken for the end of the enclosing one. Stray `)` and `]`
    /// are stepped over. Always consumes at least one token when it cannot stop where it started.
    private mutating func synchronize(words: Set<String>, from start: Int) {
        var depth = openBrackets(from: start)
        while !atEnd {
            switch current.kind {
            case .leftBrace, .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth = max(0, depth - 1)
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
            case .identifier(let word) where depth == 0 && words.contains(word) && position > start && startsClause():
                return
            default:
                break
            }
            advance()
        }
    }

    /// Whether the clause word at the current position starts a clause rather than naming a field inside
    /// a condition (`not not title matches …`, `category in […]`, `description is present`): after an
    /// error inside a `when`, skipping must not stop at a field that merely shares a clause's name.
    private func startsClause() -> Bool {
        // `title "…"`, `message "…"`: a field followed by a string is never part of a condition.
        if case .string = peek(1).kind { return true }
        if position > 0 {
            switch tokens[position - 1].kind {
            case .identifier("not"), .identifier("and"), .identifier("or"), .identifier("when"), .identifier("unless"),
                .identifier("as"), .identifier("in"), .comma, .leftParen, .equals, .dot:
                return false
            case let kind where Self.comparatorText(kind) != nil:
                return false
            default: break
            }
        }
        let next = peek(1)
        switch next.kind {
        case .identifier("matches"), .identifier("is"), .identifier("in"), .dot, .leftBracket, .equals:
            return false
        case .identifier("not"):
            return !peek(2).isWord("in")
        case let kind where Self.comparatorText(kind) != nil:
            return false
        default:
            return true
        }
    }

    /// How many `{ ( [` opened between token `start` and the current position are still open.
    private func openBrackets(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < position {
            switch tokens[index].kind {
            case .leftBrace, .leftParen, .leftBracket: depth += 1
            case .rightBrace, .rightParen, .rightBracket: depth = max(0, depth - 1)
            default: break
            }
            index += 1
        }
        return depth
    }

    // MARK: file

    private mutating func parseFile() -> PackFile {
        var tree = PackFile(source: file)
        while !atEnd {
            let start = current
            do throws(SyntaxError) {
                switch start.identifier {
                case "pack":
                    let pack = try parsePack()
                    if tree.pack != nil {
                        diagnostics.report(.duplicateDefinition, "a file declares one pack", at: pack.name.span)
                    } else {
                        if !tree.vocabularies.isEmpty || !tree.rules.isEmpty || !tree.tables.isEmpty {
                            diagnostics.report(.unexpectedToken, "'pack' must come first in the file", at: start.span)
                        }
                        tree.pack = pack
                    }
                case "vocabulary": tree.vocabularies.append(try parseVocabulary())
                case "fields": tree.fieldSets.append(try parseFieldSet())
                case "table": tree.tables.append(try parseTable())
                case "rule": tree.rules.append(try parseRule())
                default:
                    throw fail("'pack', 'vocabulary', 'fields', 'table' or 'rule'")
                }
            } catch {
                recoverToTopLevel(from: start)
            }
        }
        if tree.pack == nil {
            diagnostics.report(
                .missingField, "missing 'pack NAME { … }' header",
                at: SourceSpan(file: file, range: 0..<0),
                notes: ["every rule file starts with the metadata of the pack it defines"])
        }
        return tree
    }

    /// After an error: skip to the next top-level keyword at brace depth zero.
    private mutating func recoverToTopLevel(from start: Token) {
        if position == 0 || tokens[position].span == start.span { advance() }
        var depth = 0
        // Work out how deep we are by scanning from the item start.
        var index = tokens.firstIndex { $0.span == start.span } ?? position
        while index < position {
            switch tokens[index].kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth = max(0, depth - 1)
            default: break
            }
            index += 1
        }
        while !atEnd {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                depth -= 1
                if depth <= 0 {
                    advance()
                    if depth == 0 { return }
                    depth = 0
                    continue
                }
            case .identifier(let word) where depth == 0 && Self.topLevelWords.contains(word):
                return
            default: break
            }
            advance()
        }
    }

    // MARK: pack

    private mutating func parsePack() throws(SyntaxError) -> PackDecl {
        try expectWord("pack")
        var pack = PackDecl(name: try identifier("a pack name"))
        _ = try expect(.leftBrace, "'{'")
        while !consume(.rightBrace) {
            if atEnd { throw fail("'}' closing the pack") }
            let fieldStart = position
            do throws(SyntaxError) {
                let word = try identifier("a pack field (title, version, description, jurisdictions, reference)")
                switch word.value {
                case "title": pack.title = try string("a title string")
                case "version": pack.version = try string("a version string")
                case "description": pack.description = try string("a description string")
                case "jurisdictions": pack.jurisdictions = try identifierList("a jurisdiction code")
                case "reference": pack.references.append(try parseReference())
                default:
                    diagnostics.report(
                        .unexpectedToken,
                        "unknown pack field '\(word.value)' (expected title, version, description, jurisdictions or reference)",
                        at: word.span)
                    throw SyntaxError()
                }
            } catch {
                synchronize(words: ["title", "version", "description", "jurisdictions", "reference"], from: fieldStart)
            }
        }
        return pack
    }

    private mutating func parseReference() throws(SyntaxError) -> ReferenceDecl {
        var reference = ReferenceDecl(id: try identifier("a reference id"))
        _ = try expect(.leftBrace, "'{'")
        while !consume(.rightBrace) {
            if atEnd { throw fail("'}' closing the reference") }
            let word = try identifier("a reference field (title, url, checked, note)")
            switch word.value {
            case "title": reference.title = try string("a title string")
            case "url": reference.url = try string("a URL string")
            case "note": reference.note = try string("a note string")
            case "checked":
                guard case .date(let text) = current.kind else { throw fail("a date like 2026-11-20") }
                reference.checked = Located(text, advance().span)
            default:
                diagnostics.report(
                    .unexpectedToken, "unknown reference field '\(word.value)' (expected title, url, checked or note)",
                    at: word.span)
                throw SyntaxError()
            }
        }
        return reference
    }

    // MARK: vocabularies, field sets, tables

    private mutating func parseVocabulary() throws(SyntaxError) -> VocabularyDecl {
        try expectWord("vocabulary")
        let name = try identifier("a vocabulary name")
        if current.isWord("from") {
            advance()
            return VocabularyDecl(name: name, source: .file(try string("a file path string")))
        }
        _ = try expect(.leftBrace, "'from \"file\"' or '{'")
        var terms: [TermDecl] = []
        while !consume(.rightBrace) {
            let text = try string("a term string or '}'")
            var canonical: Located<String>?
            if consume(.arrow) { canonical = try string("a canonical name string") }
            terms.append(TermDecl(text: text, canonical: canonical))
            _ = consume(.comma)
        }
        return VocabularyDecl(name: name, source: .inline(terms))
    }

    private mutating func parseFieldSet() throws(SyntaxError) -> FieldSetDecl {
        try expectWord("fields")
        let name = try identifier("a field set name")
        _ = try expect(.equals, "'='")
        _ = try expect(.leftBracket, "'['")
        let fields = try identifierList("a field path")
        _ = try expect(.rightBracket, "']'")
        return FieldSetDecl(name: name, fields: fields)
    }

    private mutating func parseTable() throws(SyntaxError) -> TableDecl {
        try expectWord("table")
        var table = TableDecl(name: try identifier("a table name"))
        _ = try expect(.leftBrace, "'{'")
        try expectWord("columns")
        repeat {
            let column = try identifier("a column name")
            _ = try expect(.colon, "':' and a column type")
            table.columns.append(.init(name: column, type: try identifier("a column type")))
        } while consume(.comma)
        if current.isWord("key") {
            advance()
            table.key = try identifierList("a key column")
        }
        while !consume(.rightBrace) {
            let rowStart = current.span
            guard current.isWord("row") else { throw fail("'row' or '}'") }
            advance()
            var values = [try literal(allowComparator: true)]
            while consume(.comma) { values.append(try literal(allowComparator: true)) }
            table.rows.append(.init(values: values, span: rowStart.through(values.last!.span)))
        }
        return table
    }

    private mutating func literal(allowComparator: Bool = false) throws(SyntaxError) -> Located<Literal> {
        let token = current
        if allowComparator, let comparator = Self.comparatorText(token.kind) {
            // A comparator written bare in a table row.
            advance()
            return Located(.string(comparator), token.span)
        }
        switch token.kind {
        case .string(let text): advance(); return Located(.string(text), token.span)
        case .number(let value, let text): advance(); return Located(.number(value, text: text), token.span)
        case .date(let text): advance(); return Located(.date(text), token.span)
        case .identifier("true"): advance(); return Located(.bool(true), token.span)
        case .identifier("false"): advance(); return Located(.bool(false), token.span)
        case .identifier("null"): advance(); return Located(.null, token.span)
        case .identifier(let name): advance(); return Located(.identifier(name), token.span)
        default:
            throw fail("a value")
        }
    }

    // MARK: rules

    private mutating func parseRule() throws(SyntaxError) -> RuleDecl {
        let start = current.span
        try expectWord("rule")
        let id = try identifier("a rule id")
        var rule = RuleDecl(id: id, span: start.through(id.span))
        _ = try expect(.leftBrace, "'{'")
        while !consume(.rightBrace) {
            if atEnd { throw fail("'}' closing rule \(id.value)") }
            let fieldStart = position
            do throws(SyntaxError) {
                try parseRuleField(into: &rule)
            } catch {
                synchronize(words: Self.ruleFieldWords, from: fieldStart)
            }
        }
        rule.span = start.through(tokens[position - 1].span)
        return rule
    }

    private mutating func parseRuleField(into rule: inout RuleDecl) throws(SyntaxError) {
        guard let word = current.identifier else {
            throw fail("a rule field (\(Self.ruleFieldWords.sorted().joined(separator: ", ")))")
        }
        let wordSpan = advance().span
        switch word {
        case "title": rule.title = try string("a title string")
        case "description": rule.description = try string("a description string")
        case "category": rule.category = try identifier("a category")
        case "severity": rule.severity = try identifier("a severity")
        case "kinds": rule.kinds = try identifierList("a record kind")
        case "markets": rule.markets = try identifierList("a market code")
        case "references": rule.references = try identifierList("a reference id")
        case "message": rule.message = try string("a message template string")
        case "let":
            let name = try identifier("a binding name")
            _ = try expect(.equals, "'='")
            let table = try identifier("a table name")
            rule.lets.append(LetDecl(name: name, lookup: try lookup(table: table)))
        case "when":
            rule.wroteWhen = true
            if rule.when != nil { diagnostics.report(.duplicateDefinition, "rule has two 'when' clauses; join them with 'and'", at: wordSpan) }
            rule.when = try condition()
        case "unless":
            if rule.unless != nil { diagnostics.report(.duplicateDefinition, "rule has two 'unless' clauses; join them with 'or'", at: wordSpan) }
            rule.unless = try condition()
        case "examples":
            rule.examples.append(contentsOf: try examples())
        default:
            diagnostics.report(
                .unexpectedToken,
                "unknown rule field '\(word)' (expected \(Self.ruleFieldWords.sorted().joined(separator: ", ")))",
                at: wordSpan)
            throw SyntaxError()
        }
    }

    private mutating func lookup(table: Located<String>) throws(SyntaxError) -> LookupNode {
        _ = try expect(.leftBracket, "'[' and the lookup key")
        var keys = [try operand()]
        while consume(.comma) { keys.append(try operand()) }
        let close = try expect(.rightBracket, "']'")
        return LookupNode(table: table, keys: keys, span: table.span.through(close.span))
    }

    // MARK: conditions

    private mutating func condition() throws(SyntaxError) -> ConditionNode {
        let first = try andCondition()
        var terms = [first]
        while current.isWord("or") {
            advance()
            terms.append(try andCondition())
        }
        return terms.count == 1 ? first : .or(terms, span: first.span.through(terms.last!.span))
    }

    private mutating func andCondition() throws(SyntaxError) -> ConditionNode {
        let first = try unaryCondition()
        var terms = [first]
        while current.isWord("and") {
            advance()
            terms.append(try unaryCondition())
        }
        return terms.count == 1 ? first : .and(terms, span: first.span.through(terms.last!.span))
    }

    /// Enters one level of nesting, or reports A110 and fails when the limit is reached.
    private mutating func enterNesting() throws(SyntaxError) {
        nesting += 1
        if nesting > Self.maxNesting {
            diagnostics.report(
                .nestingTooDeep, "nesting too deep (more than \(Self.maxNesting) levels of conditions or values)",
                at: current.span)
            throw SyntaxError()
        }
    }

    private mutating func unaryCondition() throws(SyntaxError) -> ConditionNode {
        try enterNesting()
        defer { nesting -= 1 }
        if current.isWord("not") {
            let start = advance().span
            let inner = try unaryCondition()
            return .not(inner, span: start.through(inner.span))
        }
        return try atom()
    }

    private mutating func atom() throws(SyntaxError) -> ConditionNode {
        let start = current.span
        if consume(.leftParen) {
            let inner = try condition()
            _ = try expect(.rightParen, "')'")
            return inner
        }
        // N of (…)
        if case .number = current.kind, peek(1).isWord("of") {
            let count = try integer("a count")
            advance()  // of
            _ = try expect(.leftParen, "'('")
            var items = [try condition()]
            while consume(.comma) { items.append(try condition()) }
            let close = try expect(.rightParen, "')'")
            return .atLeast(count, items, span: start.through(close.span))
        }
        if (current.isWord("valid") || current.isWord("invalid")), peek(1).kind == .leftParen {
            let expectValid = current.isWord("valid")
            advance()
            advance()
            let selector = try selector()
            _ = try expect(.comma, "',' and a validator name")
            let validator = try identifier("a validator name")
            let close = try expect(.rightParen, "')'")
            return .validity(selector, validator: validator, expectValid: expectValid, span: start.through(close.span))
        }
        if current.isWord("compare"), peek(1).kind == .leftParen {
            advance()
            advance()
            let left = try operand()
            _ = try expect(.comma, "','")
            let comparator = try operand()
            _ = try expect(.comma, "','")
            let right = try operand()
            let close = try expect(.rightParen, "')'")
            return .dynamicComparison(left, comparator, right, span: start.through(close.span))
        }
        if current.isWord("any"), peek(1).kind == .leftParen {
            let selector = try selector()
            return try selectorCondition(selector)
        }
        // A name followed by 'matches' / 'is' is a selector; otherwise an operand.
        if current.identifier != nil, peek(1).isWord("matches") || peek(1).isWord("is") {
            let selector = try selector()
            return try selectorCondition(selector)
        }
        let left = try operand()
        if current.isWord("in") || (current.isWord("not") && peek(1).isWord("in")) {
            let negated = current.isWord("not")
            if negated { advance() }
            advance()
            _ = try expect(.leftBracket, "'['")
            var values = [try literal()]
            while consume(.comma) { values.append(try literal()) }
            let close = try expect(.rightBracket, "']'")
            return .membership(left, values, negated: negated, span: start.through(close.span))
        }
        let comparatorToken = current
        let comparator: ComparatorOperator
        switch comparatorToken.kind {
        case .less: comparator = .less
        case .lessEqual: comparator = .lessEqual
        case .greater: comparator = .greater
        case .greaterEqual: comparator = .greaterEqual
        case .equalEqual: comparator = .equal
        case .notEqual: comparator = .notEqual
        case .equals:
            diagnostics.report(.unexpectedToken, "use '==' to compare, not '='", at: comparatorToken.span)
            comparator = .equal
        default:
            throw fail("'matches', 'is', 'in' or a comparison (<, <=, >, >=, ==, !=) after \(left.display)")
        }
        advance()
        let right = try operand()
        return .comparison(left, Located(comparator, comparatorToken.span), right, span: start.through(right.span))
    }

    private mutating func selector() throws(SyntaxError) -> SelectorNode {
        if current.isWord("any"), peek(1).kind == .leftParen {
            let start = advance().span
            advance()
            let fields = try identifierList("a field path")
            let close = try expect(.rightParen, "')'")
            return .any(fields, span: start.through(close.span))
        }
        return .name(try identifier("a field path or field set"))
    }

    private mutating func selectorCondition(_ selector: SelectorNode) throws(SyntaxError) -> ConditionNode {
        if current.isWord("is") {
            advance()
            guard let word = current.identifier, word == "present" || word == "missing" else {
                throw fail("'present' or 'missing'")
            }
            let end = advance().span
            return .presence(selector, present: word == "present", span: selector.span.through(end))
        }
        guard current.isWord("matches") else { throw fail("'matches' or 'is'") }
        advance()
        let primary = try singleMatcher()
        var matcher = MatcherNode(primary: primary)
        if current.isWord("near") {
            advance()
            matcher.near = try singleMatcher()
            try expectWord("within")
            matcher.within = try integer("a distance in characters")
        }
        let end = tokens[position - 1].span
        return .matches(selector, matcher, span: selector.span.through(end))
    }

    private mutating func singleMatcher() throws(SyntaxError) -> SingleMatcherNode {
        let start = current.span
        let kind: SingleMatcherNode.Kind
        if current.isWord("terms") {
            advance()
            _ = try expect(.leftParen, "'('")
            let names = try identifierList("a vocabulary name")
            _ = try expect(.rightParen, "')'")
            kind = .terms(names)
        } else if current.isWord("regex") {
            advance()
            _ = try expect(.leftParen, "'('")
            let pattern = try string("a regex string (raw strings r\"…\" keep backslashes)")
            var flags: Located<String>?
            if consume(.comma) { flags = try string("a flags string such as \"i\"") }
            _ = try expect(.rightParen, "')'")
            var validator: Located<String>?
            if current.isWord("validate") {
                advance()
                validator = try identifier("a validator name")
            }
            kind = .regex(pattern: pattern, flags: flags, validator: validator)
        } else {
            throw fail("'terms(…)' or 'regex(…)'")
        }
        var node = SingleMatcherNode(kind: kind, span: start)
        if current.isWord("except") {
            advance()
            try expectWord("terms")
            _ = try expect(.leftParen, "'('")
            node.except = try identifierList("a vocabulary name")
            _ = try expect(.rightParen, "')'")
        }
        if current.isWord("as") {
            advance()
            node.binding = try identifier("a binding name")
        }
        node.span = start.through(tokens[position - 1].span)
        return node
    }

    private mutating func operand() throws(SyntaxError) -> OperandNode {
        if let name = current.identifier, !["true", "false", "null"].contains(name) {
            let located = Located(name, advance().span)
            if current.kind == .leftBracket {
                let lookup = try lookup(table: located)
                _ = try expect(.dot, "'.column' after the table lookup")
                return .cell(lookup, column: try identifier("a column name"))
            }
            return .path(located)
        }
        return .literal(try literal())
    }

    // MARK: examples

    private mutating func examples() throws(SyntaxError) -> [ExampleDecl] {
        _ = try expect(.leftBrace, "'{'")
        var examples: [ExampleDecl] = []
        while !consume(.rightBrace) {
            let start = current.span
            guard let word = current.identifier, word == "fires" || word == "passes" else {
                throw fail("'fires', 'passes' or '}'")
            }
            advance()
            let input: ExampleDecl.Input
            if case .string(let text) = current.kind {
                input = .text(Located(text, advance().span))
            } else if current.kind == .leftBrace {
                let recordStart = current.span
                let object = try recordObject()
                input = .record(object, span: recordStart.through(tokens[position - 1].span))
            } else {
                throw fail("a text string or a record { … }")
            }
            var expect: Located<String>?
            if current.isWord("expect") {
                advance()
                expect = try string("the expected matched text")
            }
            examples.append(
                ExampleDecl(fires: word == "fires", input: input, expect: expect, span: start.through(tokens[position - 1].span)))
        }
        return examples
    }

    private mutating func recordObject() throws(SyntaxError) -> JSONObject {
        _ = try expect(.leftBrace, "'{'")
        var entries: [JSONObject.Entry] = []
        while !consume(.rightBrace) {
            let key: String
            switch current.kind {
            case .identifier(let name): key = name
            case .string(let text): key = text
            default: throw fail("a field name or '}'")
            }
            advance()
            _ = try expect(.colon, "':'")
            entries.append(JSONObject.Entry(key: key, value: try recordValue()))
            if !consume(.comma), current.kind != .rightBrace { throw fail("',' or '}'") }
        }
        return JSONObject(entries)
    }

    private mutating func recordValue() throws(SyntaxError) -> JSONValue {
        try enterNesting()
        defer { nesting -= 1 }
        switch current.kind {
        case .leftBrace:
            return .object(try recordObject())
        case .leftBracket:
            advance()
            var items: [JSONValue] = []
            while !consume(.rightBracket) {
                items.append(try recordValue())
                if !consume(.comma), current.kind != .rightBracket { throw fail("',' or ']'") }
            }
            return .array(items)
        case .string(let text): advance(); return .string(text)
        case .date(let text): advance(); return .string(text)
        case .number(let value, let text): advance(); return .number(JSONNumber(text: text) ?? JSONNumber(value) ?? JSONNumber(0))
        case .identifier("true"): advance(); return .bool(true)
        case .identifier("false"): advance(); return .bool(false)
        case .identifier("null"): advance(); return .null
        case .identifier(let name): advance(); return .string(name)
        default: throw fail("a value")
        }
    }
}

extension Parser {
    static func comparatorText(_ kind: Token.Kind) -> String? {
        switch kind {
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .equalEqual: return "=="
        case .notEqual: return "!="
        default: return nil
        }
    }
}

extension OperandNode {
    public var display: String {
        switch self {
        case .literal(let literal): return literal.value.stringValue.map { "'\($0)'" } ?? "a value"
        case .path(let path): return "'\(path.value)'"
        case .cell(let lookup, let column): return "'\(lookup.table.value)[…].\(column.value)'"
        }
    }
}
