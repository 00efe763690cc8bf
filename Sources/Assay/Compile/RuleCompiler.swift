import AssayDSL
import AssayJSON
import AssayRegex
import AssayValidators

/// Names visible inside one rule: the file's names plus `let` rows and `as` match bindings.
struct RuleScope {
    var file: PackCompiler.FileScope
    var kinds: [RecordKind]
    var letSlots: [String: (slot: Int, table: Int)] = [:]
    var matchSlots: [String: Int] = [:]
    var slotCount = 0
    var ruleID: String
}

/// The static type of an operand, for type checking.
enum OperandType: Equatable {
    case text, number, bool, comparator, null, unknown

    var name: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .comparator: return "a comparator"
        case .null: return "null"
        case .unknown: return "a value"
        }
    }
}

extension PackCompiler {
    static let validatorNames = Validator.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func compileRule(_ declaration: RuleDecl, scope fileScope: FileScope) {
        let id = declaration.id
        if let first = ruleLocations[id.value] {
            diagnostics.report(
                .duplicateDefinition, "rule id '\(id.value)' is already used at \(first.description)", at: id.span)
            return
        }
        ruleLocations[id.value] = id.span
        let owner = "rule '\(id.value)'"
        var ok = true
        func require<T>(_ value: T?, _ field: String) -> T? {
            if value == nil { missing(field, of: owner, at: id.span); ok = false }
            return value
        }
        let title = require(declaration.title, "title")
        let message = require(declaration.message, "message")
        if declaration.wroteWhen, declaration.when == nil {
            ok = false  // the parse error already explains it
        } else {
            _ = require(declaration.when, "when")
        }
        let category: Category? = declaration.category.flatMap { located in
            guard let value = Category(rawValue: located.value) else {
                diagnostics.report(
                    .invalidValue,
                    "unknown category '\(located.value)' (\(Category.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: located.span)
                return nil
            }
            return value
        }
        if declaration.category == nil { missing("category", of: owner, at: id.span) }
        let severity: Severity? = declaration.severity.flatMap { located in
            guard let value = Severity(rawValue: located.value) else {
                diagnostics.report(
                    .invalidValue,
                    "unknown severity '\(located.value)' (\(Severity.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: located.span)
                return nil
            }
            return value
        }
        if declaration.severity == nil { missing("severity", of: owner, at: id.span) }
        var kinds: [RecordKind] = []
        for kind in declaration.kinds {
            guard let value = RecordKind(rawValue: kind.value) else {
                diagnostics.report(.invalidValue, "unknown record kind '\(kind.value)' (listing, post, merchant)", at: kind.span)
                continue
            }
            kinds.append(value)
        }
        if declaration.kinds.isEmpty { missing("kinds", of: owner, at: id.span) }
        var markets: [String]?
        var admitsUnknown = true
        if !declaration.markets.isEmpty {
            admitsUnknown = false
            markets = []
            for market in declaration.markets {
                if market.value == "unknown" {
                    admitsUnknown = true
                } else if Self.isMarketCode(market.value) {
                    markets?.append(market.value)
                } else {
                    diagnostics.report(
                        .invalidValue, "'\(market.value)' is not a market code (CN, US, US-CA, EU) or 'unknown'",
                        at: market.span)
                }
            }
        }
        var references: [Reference] = []
        for reference in declaration.references {
            guard let resolved = fileScope.references[reference.value] else {
                diagnostics.report(
                    .unknownName, "unknown reference '\(reference.value)'", at: reference.span,
                    notes: fileScope.references.isEmpty ? [] : ["the pack declares: \(fileScope.references.keys.sorted().joined(separator: ", "))"])
                continue
            }
            references.append(resolved)
        }
        if declaration.references.isEmpty { missing("references", of: owner, at: id.span, note: "cite the law or policy the rule encodes") }

        var scope = RuleScope(file: fileScope, kinds: kinds, ruleID: id.value)
        var lets: [(slot: Int, table: Int, keys: [Operand])] = []
        for letDecl in declaration.lets {
            guard let table = lookupTable(letDecl.lookup, scope: &scope) else { ok = false; continue }
            if scope.letSlots[letDecl.name.value] != nil {
                diagnostics.report(.duplicateDefinition, "'\(letDecl.name.value)' is bound twice", at: letDecl.name.span)
                continue
            }
            let slot = scope.slotCount
            scope.slotCount += 1
            scope.letSlots[letDecl.name.value] = (slot, table.id)
            lets.append((slot, table.id, table.keys))
        }
        // A name bound in several places (typically the branches of an `or`) shares one slot.
        for name in Self.bindingNames(in: declaration.when) + Self.bindingNames(in: declaration.unless) {
            if scope.matchSlots[name.value] != nil { continue }
            guard scope.letSlots[name.value] == nil else {
                diagnostics.report(
                    .duplicateDefinition, "'\(name.value)' is already bound by 'let'", at: name.span)
                continue
            }
            scope.matchSlots[name.value] = scope.slotCount
            scope.slotCount += 1
        }
        let when = declaration.when.flatMap { compileCondition($0, scope: &scope) }
        let unless = declaration.unless.flatMap { compileCondition($0, scope: &scope) }
        if declaration.when != nil, when == nil { ok = false }
        if declaration.unless != nil, unless == nil { ok = false }
        let template = message.flatMap { compileMessage($0, scope: &scope) }
        let examples = compileExamples(
            declaration, when: when, whenFailed: declaration.when != nil && when == nil, kinds: kinds, markets: markets ?? [])

        guard ok, let title, let category, let severity, let when, let template, !kinds.isEmpty else { return }
        rules.append(
            Rule(
                id: id.value, title: title.value, description: declaration.description?.value, category: category,
                severity: severity, kinds: kinds, markets: markets, admitsUnknownMarket: admitsUnknown,
                pack: fileScope.pack, references: references, location: id.span.description, examples: examples,
                message: template, lets: lets, when: when, unless: unless, slotCount: scope.slotCount))
    }

    // MARK: conditions

    static func bindingNames(in node: ConditionNode?) -> [Located<String>] {
        guard let node else { return [] }
        switch node {
        case .and(let items, _), .or(let items, _), .atLeast(_, let items, _):
            return items.flatMap { bindingNames(in: $0) }
        case .not(let inner, _):
            return bindingNames(in: inner)
        case .matches(_, let matcher, _):
            return [matcher.primary.binding, matcher.near?.binding].compactMap { $0 }
        default:
            return []
        }
    }

    mutating func compileCondition(_ node: ConditionNode, scope: inout RuleScope) -> Condition? {
        switch node {
        case .and(let items, _):
            let compiled = items.map { compileCondition($0, scope: &scope) }
            return compiled.contains { $0 == nil } ? nil : .all(compiled.compactMap { $0 })
        case .or(let items, _):
            let compiled = items.map { compileCondition($0, scope: &scope) }
            return compiled.contains { $0 == nil } ? nil : .any(compiled.compactMap { $0 })
        case .not(let inner, _):
            return compileCondition(inner, scope: &scope).map { .not($0) }
        case .atLeast(let count, let items, _):
            let compiled = items.map { compileCondition($0, scope: &scope) }
            if count.value == 0 || count.value > items.count {
                diagnostics.report(
                    .invalidValue, "'\(count.value) of' needs between 1 and \(items.count) conditions", at: count.span)
                return nil
            }
            return compiled.contains { $0 == nil } ? nil : .atLeast(count.value, compiled.compactMap { $0 })
        case .matches(let selector, let matcher, _):
            let fields = compileSelector(selector, scope: scope, forText: true)
            guard let primary = compileSingleMatcher(matcher.primary, scope: scope) else { return nil }
            var compiled = Matcher(primary: primary, near: nil, within: matcher.within?.value ?? 0)
            if let near = matcher.near {
                guard let nearMatcher = compileSingleMatcher(near, scope: scope) else { return nil }
                compiled.near = nearMatcher
            }
            return .match(fields: fields, matcher: compiled)
        case .validity(let selector, let validatorName, let expectValid, _):
            let fields = compileSelector(selector, scope: scope, forText: true)
            guard let validator = validator(validatorName) else { return nil }
            return .validity(fields: fields, validator: validator, expectValid: expectValid)
        case .presence(let selector, let present, _):
            return .presence(fields: compileSelector(selector, scope: scope, forText: false), present: present)
        case .membership(let operandNode, let values, let negated, _):
            guard let (operand, _) = compileOperand(operandNode, scope: &scope) else { return nil }
            let set = Set(values.map { ($0.value.stringValue ?? ScalarValue.literal($0.value).text).lowercased() })
            return .membership(operand, set, negated: negated)
        case .comparison(let leftNode, let comparator, let rightNode, _):
            guard let (left, leftType) = compileOperand(leftNode, scope: &scope),
                let (right, rightType) = compileOperand(rightNode, scope: &scope)
            else { return nil }
            guard checkComparison(leftType, comparator.value, rightType, at: comparator.span, leftNode, rightNode) else {
                return nil
            }
            return .comparison(left, comparator.value, right)
        case .dynamicComparison(let leftNode, let comparatorNode, let rightNode, _):
            guard let (left, leftType) = compileOperand(leftNode, scope: &scope),
                let (comparator, comparatorType) = compileOperand(comparatorNode, scope: &scope),
                let (right, rightType) = compileOperand(rightNode, scope: &scope)
            else { return nil }
            if case .literal(let value) = comparator {
                guard case .string(let text) = value, ComparatorOperator(rawValue: text) != nil else {
                    diagnostics.report(.invalidValue, "not a comparator (<, <=, >, >=, ==, !=)", at: comparatorNode.span)
                    return nil
                }
            } else if comparatorType != .comparator, comparatorType != .unknown {
                diagnostics.report(
                    .typeMismatch, "the comparator must come from a 'comparator' column, found \(comparatorType.name)",
                    at: comparatorNode.span)
                return nil
            }
            guard checkComparison(leftType, .less, rightType, at: comparatorNode.span, leftNode, rightNode) else { return nil }
            return .dynamicComparison(left, comparator, right)
        }
    }

    private mutating func checkComparison(
        _ left: OperandType, _ comparator: ComparatorOperator, _ right: OperandType, at span: SourceSpan,
        _ leftNode: OperandNode, _ rightNode: OperandNode
    ) -> Bool {
        let ordering = comparator != .equal && comparator != .notEqual
        if ordering {
            for (type, node) in [(left, leftNode), (right, rightNode)] where type != .number && type != .unknown {
                diagnostics.report(
                    .typeMismatch, "'\(comparator.rawValue)' compares numbers; \(node.display) is \(type.name)",
                    at: node.span)
                return false
            }
            return true
        }
        let comparable: Set<OperandType> = [.unknown, .null]
        if comparable.contains(left) || comparable.contains(right) || left == right { return true }
        if (left == .text && right == .comparator) || (left == .comparator && right == .text) { return true }
        diagnostics.report(
            .typeMismatch, "cannot compare \(leftNode.display) (\(left.name)) with \(rightNode.display) (\(right.name))",
            at: span)
        return false
    }

    private mutating func validator(_ name: Located<String>) -> Validator? {
        guard let validator = Validator(rawValue: name.value) else {
            diagnostics.report(
                .invalidValue, "unknown validator '\(name.value)' (\(Self.validatorNames))", at: name.span)
            return nil
        }
        return validator
    }

    // MARK: selectors and matchers

    mutating func compileSelector(_ selector: SelectorNode, scope: RuleScope, forText: Bool) -> [FieldRef] {
        let names: [Located<String>]
        switch selector {
        case .name(let name): names = [name]
        case .any(let list, _): names = list
        }
        var refs: [FieldRef] = []
        for name in names {
            if let set = scope.file.fieldSets[name.value] {
                refs.append(contentsOf: set.map { fieldRef($0) })
                continue
            }
            let path = FieldPath(name.value)
            checkField(path, span: name.span, scope: scope, forText: forText)
            refs.append(fieldRef(path))
        }
        return refs
    }

    /// Warns about fields no kind of the rule carries, and rejects text matching on non-text fields.
    @discardableResult
    mutating func checkField(_ path: FieldPath, span: SourceSpan, scope: RuleScope, forText: Bool) -> OperandType {
        guard !scope.kinds.isEmpty else { return .unknown }
        let types = scope.kinds.compactMap { CanonicalSchema.type(of: path.root, for: $0) }
        if types.isEmpty {
            diagnostics.report(
                Diagnostic(
                    .nonCanonicalField,
                    "'\(path.root)' is not a canonical field of \(scope.kinds.map(\.rawValue).joined(separator: ", ")); the rule only sees it on records that carry it",
                    at: span))
            return .unknown
        }
        if path.components.count > 1 { return .unknown }
        let type = types[0]
        if forText, type == .bool {
            diagnostics.report(.typeMismatch, "'\(path)' is a boolean field; text conditions read text", at: span)
        }
        switch type {
        case .text: return .text
        case .number: return .number
        case .bool: return .bool
        }
    }

    mutating func compileSingleMatcher(_ node: SingleMatcherNode, scope: RuleScope) -> SingleMatcher? {
        var source: MatchSource
        var ok = true
        switch node.kind {
        case .terms(let names):
            var ids: [Int] = []
            for name in names {
                guard let id = vocabularyID(name, scope: scope) else { ok = false; continue }
                if vocabularies[id].terms.isEmpty, !unreadableVocabularies.contains(id) {
                    diagnostics.report(
                        Diagnostic(.ruleCanNeverFire, "vocabulary '\(name.value)' has no terms: this matcher can never fire", at: name.span))
                }
                ids.append(id)
            }
            source = .terms(ids)
        case .regex(let pattern, let flags, let validatorName):
            var validatorValue: Validator?
            if let validatorName {
                validatorValue = validator(validatorName)
                if validatorValue == nil { ok = false }
            }
            if let flags, flags.value.unicodeScalars.contains(where: { !"imsx".unicodeScalars.contains($0) }) {
                diagnostics.report(.invalidValue, "regex flags are i, m, s and x", at: flags.span)
                ok = false
            }
            do throws(RegexCompileError) {
                source = .regex(try regexID(pattern.value, flags: flags?.value ?? "", at: pattern.span), validator: validatorValue)
            } catch {
                reportRegexError(error, pattern: pattern)
                return nil
            }
        }
        var except: [Int] = []
        for name in node.except {
            guard let id = vocabularyID(name, scope: scope) else { ok = false; continue }
            except.append(id)
        }
        guard ok else { return nil }
        return SingleMatcher(source: source, except: except, bindingSlot: node.binding.flatMap { scope.matchSlots[$0.value] })
    }

    private mutating func vocabularyID(_ name: Located<String>, scope: RuleScope) -> Int? {
        guard let id = scope.file.vocabularies[name.value] else {
            diagnostics.report(
                .unknownName, "unknown vocabulary '\(name.value)'", at: name.span,
                notes: scope.file.vocabularies.isEmpty ? [] : ["the pack declares: \(scope.file.vocabularies.keys.sorted().joined(separator: ", "))"])
            return nil
        }
        return id
    }

    /// Points the caret at the offending character inside the pattern where it can be located exactly
    /// (raw strings, and strings without escapes), else at the string.
    private mutating func reportRegexError(_ error: RegexCompileError, pattern: Located<String>) {
        let file = pattern.span.file
        let source = file.bytes[pattern.span.range]
        var prefix = 0
        if source.first == UInt8(ascii: "r") {
            prefix = 1
            while prefix < source.count, source[source.startIndex + prefix] == UInt8(ascii: "#") { prefix += 1 }
        }
        prefix += 1  // the quote
        let body = source.dropFirst(prefix)
        let exact = source.first == UInt8(ascii: "r") || !body.contains(UInt8(ascii: "\\"))
        var span = pattern.span
        if exact {
            let offset = pattern.span.range.lowerBound + prefix + min(error.byteOffset, max(0, body.count - 1))
            span = SourceSpan(file: file, range: offset..<offset + 1)
        }
        diagnostics.report(
            .invalidRegex, "invalid regex: \(error.message) at offset \(error.byteOffset) of the pattern", at: span)
    }

    // MARK: operands

    mutating func lookupTable(_ node: LookupNode, scope: inout RuleScope) -> (id: Int, keys: [Operand])? {
        guard let id = scope.file.tables[node.table.value] else {
            diagnostics.report(.unknownName, "unknown table '\(node.table.value)'", at: node.table.span)
            return nil
        }
        let table = tables[id]
        if node.keys.count != table.keyColumns.count {
            diagnostics.report(
                .typeMismatch,
                "table '\(table.name)' is keyed by \(table.keyColumns.count) column\(table.keyColumns.count == 1 ? "" : "s") (\(table.keyColumns.map { table.columns[$0].name }.joined(separator: ", "))), the lookup gives \(node.keys.count)",
                at: node.span)
            return nil
        }
        var keys: [Operand] = []
        for key in node.keys {
            guard let (operand, _) = compileOperand(key, scope: &scope) else { return nil }
            keys.append(operand)
        }
        return (id, keys)
    }

    mutating func compileOperand(_ node: OperandNode, scope: inout RuleScope) -> (Operand, OperandType)? {
        switch node {
        case .literal(let literal):
            let value = ScalarValue.literal(literal.value)
            let type: OperandType
            switch value {
            case .number: type = .number
            case .bool: type = .bool
            case .null: type = .null
            case .string(let text): type = ComparatorOperator(rawValue: text) != nil ? .comparator : .text
            }
            return (.literal(value), type)
        case .path(let path):
            let components = path.value.split(separator: ".", maxSplits: 1).map(String.init)
            if components.count == 2, let binding = scope.letSlots[components[0]] {
                let table = tables[binding.table]
                guard let column = table.columnIndex(components[1]) else {
                    diagnostics.report(
                        .unknownName,
                        "table '\(table.name)' has no column '\(components[1])' (\(table.columns.map(\.name).joined(separator: ", ")))",
                        at: path.span)
                    return nil
                }
                return (.rowBinding(slot: binding.slot, column: column), Self.type(of: table.columns[column].type))
            }
            if components.count == 2, let slot = scope.matchSlots[components[0]] {
                guard let member = MatchMember(rawValue: components[1]) else {
                    diagnostics.report(
                        .unknownName, "a match binding has 'canonical' and 'text', not '\(components[1])'", at: path.span)
                    return nil
                }
                return (.matchBinding(slot: slot, member: member), .text)
            }
            if scope.letSlots[path.value] != nil || scope.matchSlots[path.value] != nil {
                diagnostics.report(
                    .typeMismatch, "'\(path.value)' is a binding; use '\(path.value).column' or '\(path.value).canonical'",
                    at: path.span)
                return nil
            }
            let fieldPath = FieldPath(path.value)
            let type = checkField(fieldPath, span: path.span, scope: scope, forText: false)
            return (.field(fieldPath), type)
        case .cell(let lookup, let columnName):
            guard let (tableID, keys) = lookupTable(lookup, scope: &scope) else { return nil }
            let table = tables[tableID]
            guard let column = table.columnIndex(columnName.value) else {
                diagnostics.report(
                    .unknownName, "table '\(table.name)' has no column '\(columnName.value)'", at: columnName.span)
                return nil
            }
            return (.cell(table: tableID, keys: keys, column: column), Self.type(of: table.columns[column].type))
        }
    }

    static func type(of column: Table.ColumnType) -> OperandType {
        switch column {
        case .string: return .text
        case .number: return .number
        case .bool: return .bool
        case .comparator: return .comparator
        }
    }

    // MARK: messages

    mutating func compileMessage(_ message: Located<String>, scope: inout RuleScope) -> MessageTemplate? {
        var parts: [MessageTemplate.Part] = []
        var literal = ""
        var rest = Substring(message.value)
        var ok = true
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                diagnostics.report(.invalidExample, "unclosed '{' in message template", at: message.span)
                return nil
            }
            let name = String(rest[rest.index(after: open)..<close]).trimmingSpaces()
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            switch name {
            case "match": parts.append(.match)
            case "canonical": parts.append(.canonical)
            case "field": parts.append(.field)
            case "value": parts.append(.value)
            default:
                let head = String(name.split(separator: ".").first ?? "")
                let isBinding = scope.letSlots[head] != nil || scope.matchSlots[head] != nil
                if !isBinding, name.isEmpty || name.contains(" ") {
                    diagnostics.report(.invalidExample, "unknown placeholder '{\(name)}' in message", at: message.span)
                    ok = false
                } else if let located = Optional(Located(name, message.span)),
                    let (operand, _) = compileOperand(.path(located), scope: &scope)
                {
                    parts.append(.operand(operand))
                } else {
                    ok = false
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return ok ? MessageTemplate(parts: parts, source: message.value) : nil
    }

    // MARK: examples

    mutating func compileExamples(
        _ rule: RuleDecl, when: Condition?, whenFailed: Bool, kinds: [RecordKind], markets: [String]
    ) -> [RuleExample] {
        if !rule.examples.contains(where: \.fires) {
            diagnostics.report(
                .missingField, "rule '\(rule.id.value)' has no 'fires' example", at: rule.id.span,
                notes: ["examples are the rule's documentation and its tests"])
        }
        if !rule.examples.contains(where: { !$0.fires }) {
            diagnostics.report(
                .missingField, "rule '\(rule.id.value)' has no 'passes' example", at: rule.id.span,
                notes: ["show the lawful look-alike the rule must not flag"])
        }
        var examples: [RuleExample] = []
        for example in rule.examples {
            var entries: [JSONObject.Entry]
            switch example.input {
            case .record(let object, _):
                entries = object.entries
            case .text(let text):
                guard let field = when.flatMap(Self.firstTextField) else {
                    if whenFailed { continue }  // the 'when' error already explains it
                    diagnostics.report(
                        .invalidExample, "a text example needs a rule with a text condition; give a record { … }",
                        at: text.span)
                    continue
                }
                entries = [JSONObject.Entry(key: field.root, value: .string(text.value))]
                if field.components.count > 1 {
                    diagnostics.report(
                        .invalidExample, "a text example can only fill a top-level field; give a record { … }",
                        at: text.span)
                    continue
                }
                if let market = markets.first, let kind = kinds.first {
                    entries.insert(JSONObject.Entry(key: CanonicalSchema.marketField(for: kind), value: .string(market)), at: 0)
                }
            }
            if !entries.contains(where: { $0.key == "kind" }), let kind = kinds.first {
                entries.insert(JSONObject.Entry(key: "kind", value: .string(kind.rawValue)), at: 0)
            }
            if example.expect != nil, !example.fires {
                diagnostics.report(.invalidExample, "'expect' belongs to 'fires' examples", at: example.expect!.span)
            }
            examples.append(
                RuleExample(
                    fires: example.fires, record: JSONObject(entries), expectedMatch: example.expect?.value,
                    location: example.span.description))
        }
        return examples
    }

    static func firstTextField(_ condition: Condition) -> FieldPath? {
        switch condition {
        case .all(let items), .any(let items), .atLeast(_, let items):
            for item in items { if let field = firstTextField(item) { return field } }
            return nil
        case .not(let inner):
            return firstTextField(inner)
        case .match(let fields, _), .validity(let fields, _, _):
            return fields.first?.path
        default:
            return nil
        }
    }
}

extension ScalarValue {
    static func literal(_ literal: Literal) -> ScalarValue {
        switch literal {
        case .string(let text), .identifier(let text), .date(let text): return .string(text)
        case .number(let value, _): return .number(value)
        case .bool(let value): return .bool(value)
        case .null: return .null
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
