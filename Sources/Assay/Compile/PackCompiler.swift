import AssayDSL
import AssayRegex
import AssayText

/// Resolves names, checks types and compiles parsed pack files into a `PolicySet`. Like the parser it
/// never stops at the first problem: every problem in every file lands in `diagnostics`.
struct PackCompiler {
    /// Reads a file a pack refers to (vocabulary files), by path: its raw bytes (checked for UTF-8 here),
    /// nil when it cannot be read.
    typealias FileReader = @Sendable (String) -> [UInt8]?

    var diagnostics = DiagnosticBag()
    let readFile: FileReader
    let normalizer = TextNormalizer()

    var packs: [Pack] = []
    var vocabularies: [Vocabulary] = []
    /// Vocabularies whose file could not be read (already reported; not reported again as empty).
    var unreadableVocabularies: Set<Int> = []
    var tables: [Table] = []
    /// Every distinct regex, checked but not yet compiled (the policy compiles them, see `RegexTable`).
    var regexes: [RegexPattern] = []
    /// Where each of `regexes` was first written.
    var regexLocations: [SourceSpan] = []
    var regexIndex: [RegexPattern: Int] = [:]
    var rules: [Rule] = []
    var ruleLocations: [String: SourceSpan] = [:]
    /// Dense ids for every field path a condition reads.
    var fieldIDs: [FieldPath: Int] = [:]
    var packLocations: [String: SourceSpan] = [:]

    /// Names visible inside one pack file.
    struct FileScope {
        var pack = ""
        var vocabularies: [String: Int] = [:]
        var tables: [String: Int] = [:]
        var fieldSets: [String: [FieldPath]] = [:]
        var references: [String: Reference] = [:]
    }

    init(readFile: @escaping FileReader) {
        self.readFile = readFile
    }

    mutating func compile(_ files: [PackFile]) {
        for file in files {
            var scope = FileScope()
            compilePack(file, into: &scope)
            for vocabulary in file.vocabularies { compileVocabulary(vocabulary, file: file, into: &scope) }
            for fieldSet in file.fieldSets { compileFieldSet(fieldSet, into: &scope) }
            for table in file.tables { compileTable(table, into: &scope) }
            for rule in file.rules { compileRule(rule, scope: scope) }
        }
    }

    // MARK: pack header

    private mutating func compilePack(_ file: PackFile, into scope: inout FileScope) {
        guard let pack = file.pack else {
            scope.pack = file.source.path
            return
        }
        scope.pack = pack.name.value
        if let first = packLocations[pack.name.value] {
            diagnostics.report(
                .duplicateDefinition, "pack '\(pack.name.value)' is already defined at \(first.description)",
                at: pack.name.span)
        } else {
            packLocations[pack.name.value] = pack.name.span
        }
        if pack.title == nil { missing("title", of: "pack '\(pack.name.value)'", at: pack.name.span) }
        if pack.version == nil { missing("version", of: "pack '\(pack.name.value)'", at: pack.name.span) }
        if pack.references.isEmpty {
            missing("reference", of: "pack '\(pack.name.value)'", at: pack.name.span,
                    note: "a pack cites the laws or platform policies its rules encode")
        }
        var references: [Reference] = []
        for reference in pack.references {
            if scope.references[reference.id.value] != nil {
                diagnostics.report(
                    .duplicateDefinition, "reference '\(reference.id.value)' is defined twice", at: reference.id.span)
                continue
            }
            if reference.title == nil { missing("title", of: "reference '\(reference.id.value)'", at: reference.id.span) }
            if reference.checked == nil {
                missing("checked", of: "reference '\(reference.id.value)'", at: reference.id.span,
                        note: "record the date the source was last checked, e.g. 'checked 2026-11-20'")
            }
            let compiled = Reference(
                id: reference.id.value, title: reference.title?.value ?? reference.id.value,
                url: reference.url?.value, checked: reference.checked?.value, note: reference.note?.value)
            scope.references[reference.id.value] = compiled
            references.append(compiled)
        }
        for jurisdiction in pack.jurisdictions where !Self.isMarketCode(jurisdiction.value) {
            diagnostics.report(
                .invalidValue, "'\(jurisdiction.value)' is not an ISO 3166 code (CN, US, US-CA, EU)",
                at: jurisdiction.span)
        }
        packs.append(
            Pack(
                id: pack.name.value, title: pack.title?.value ?? pack.name.value,
                version: pack.version?.value ?? "0", description: pack.description?.value,
                jurisdictions: pack.jurisdictions.map(\.value), references: references, path: file.source.path))
    }

    mutating func missing(_ field: String, of owner: String, at span: SourceSpan, note: String? = nil) {
        diagnostics.report(.missingField, "\(owner) has no '\(field)'", at: span, notes: note.map { [$0] } ?? [])
    }

    static func isMarketCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        func upper(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 65 && bytes[$0] <= 90 } }
        if bytes.count == 2 { return upper(0..<2) }
        if bytes.count >= 4, bytes.count <= 6, bytes[2] == UInt8(ascii: "-") {
            return upper(0..<2) && (3..<bytes.count).allSatisfy {
                (bytes[$0] >= 65 && bytes[$0] <= 90) || (bytes[$0] >= 48 && bytes[$0] <= 57)
            }
        }
        return false
    }

    // MARK: vocabularies

    private mutating func compileVocabulary(_ declaration: VocabularyDecl, file: PackFile, into scope: inout FileScope) {
        let name = declaration.name
        if scope.vocabularies[name.value] != nil {
            diagnostics.report(.duplicateDefinition, "vocabulary '\(name.value)' is defined twice", at: name.span)
            return
        }
        let termDecls: [TermDecl]
        switch declaration.source {
        case .inline(let terms):
            termDecls = terms
        case .file(let path):
            let resolved = Self.resolve(path.value, relativeTo: file.source.path)
            guard let bytes = readFile(resolved) else {
                diagnostics.report(
                    .unreadableFile, "cannot read vocabulary file '\(path.value)' (looked for \(resolved))",
                    at: path.span)
                let id = appendVocabulary(pack: scope.pack, name: name.value, terms: [])
                unreadableVocabularies.insert(id)
                scope.vocabularies[name.value] = id
                return
            }
            let parsed = VocabularyFileParser.parse(SourceFile(path: resolved, bytes: bytes))
            if !parsed.diagnostics.isEmpty {
                diagnostics.append(contentsOf: parsed.diagnostics)
                // Already an error: an empty vocabulary is not reported again as a rule that cannot fire.
                let id = appendVocabulary(pack: scope.pack, name: name.value, terms: [])
                unreadableVocabularies.insert(id)
                scope.vocabularies[name.value] = id
                return
            }
            termDecls = parsed.terms
        }
        var seen: [ByteKey: SourceSpan] = [:]
        seen.reserveCapacity(termDecls.count)  // no rehashing while it fills
        var terms: [Vocabulary.Term] = []
        for decl in termDecls {
            let normalized = normalizer.normalizeTerm(decl.text.value)
            if normalized.isEmpty || normalized.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                diagnostics.report(
                    .invalidValue, "term '\(decl.text.value)' is empty after normalisation and can never match",
                    at: decl.text.span)
                continue
            }
            if let first = seen[ByteKey(normalized)] {
                diagnostics.report(
                    Diagnostic(
                        .duplicateTerm,
                        "term '\(decl.text.value)' duplicates the term at \(first.description) after normalisation",
                        at: decl.text.span))
                continue
            }
            seen[ByteKey(normalized)] = decl.text.span
            terms.append(.init(text: decl.text.value, canonical: decl.canonical?.value, normalized: normalized))
        }
        scope.vocabularies[name.value] = appendVocabulary(pack: scope.pack, name: name.value, terms: terms)
    }

    private mutating func appendVocabulary(pack: String, name: String, terms: [Vocabulary.Term]) -> Int {
        vocabularies.append(Vocabulary(pack: pack, name: name, terms: terms))
        return vocabularies.count - 1
    }

    /// Resolves a path written in a pack file against the pack file's directory.
    static func resolve(_ path: String, relativeTo packPath: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = packPath.lastIndex(of: "/") else { return path }
        return String(packPath[...slash]) + path
    }

    // MARK: field sets

    private mutating func compileFieldSet(_ declaration: FieldSetDecl, into scope: inout FileScope) {
        if scope.fieldSets[declaration.name.value] != nil {
            diagnostics.report(
                .duplicateDefinition, "field set '\(declaration.name.value)' is defined twice", at: declaration.name.span)
            return
        }
        var paths: [FieldPath] = []
        for field in declaration.fields {
            if let nested = scope.fieldSets[field.value] {
                paths.append(contentsOf: nested)
            } else {
                paths.append(FieldPath(field.value))
            }
        }
        scope.fieldSets[declaration.name.value] = paths
    }

    // MARK: tables

    private mutating func compileTable(_ declaration: TableDecl, into scope: inout FileScope) {
        let name = declaration.name
        if scope.tables[name.value] != nil {
            diagnostics.report(.duplicateDefinition, "table '\(name.value)' is defined twice", at: name.span)
            return
        }
        var columns: [Table.Column] = []
        for column in declaration.columns {
            if columns.contains(where: { $0.name == column.name.value }) {
                diagnostics.report(.duplicateDefinition, "column '\(column.name.value)' is defined twice", at: column.name.span)
            }
            guard let type = Table.ColumnType(rawValue: column.type.value) else {
                diagnostics.report(
                    .invalidValue, "unknown column type '\(column.type.value)' (string, number, bool, comparator)",
                    at: column.type.span)
                columns.append(.init(name: column.name.value, type: .string))
                continue
            }
            columns.append(.init(name: column.name.value, type: type))
        }
        var keyColumns: [Int] = []
        for key in declaration.key {
            guard let index = columns.firstIndex(where: { $0.name == key.value }) else {
                diagnostics.report(.unknownName, "key column '\(key.value)' is not a column of '\(name.value)'", at: key.span)
                continue
            }
            keyColumns.append(index)
        }
        if declaration.key.isEmpty, !columns.isEmpty { keyColumns = [0] }
        var rows: [[ScalarValue]] = []
        var index: [String: Int] = [:]
        for row in declaration.rows {
            guard row.values.count == columns.count else {
                diagnostics.report(
                    .tableRowMismatch,
                    "row has \(row.values.count) value\(row.values.count == 1 ? "" : "s"); table '\(name.value)' has \(columns.count) columns (\(columns.map(\.name).joined(separator: ", ")))",
                    at: row.span)
                continue
            }
            var values: [ScalarValue] = []
            var ok = true
            for (column, literal) in zip(columns, row.values) {
                guard let value = cellValue(literal, column: column) else {
                    ok = false
                    continue
                }
                values.append(value)
            }
            guard ok else { continue }
            let key = Table.key(keyColumns.map { normalizedKey(values[$0]) })
            if index[key] != nil {
                diagnostics.report(.duplicateDefinition, "duplicate key in table '\(name.value)'", at: row.span)
                continue
            }
            index[key] = rows.count
            rows.append(values)
        }
        tables.append(
            Table(pack: scope.pack, name: name.value, columns: columns, keyColumns: keyColumns, rows: rows, index: index))
        scope.tables[name.value] = tables.count - 1
    }

    private mutating func cellValue(_ literal: Located<Literal>, column: Table.Column) -> ScalarValue? {
        switch (column.type, literal.value) {
        case (.number, .number(let value, _)):
            return .number(value)
        case (.bool, .bool(let value)):
            return .bool(value)
        case (.string, _) where literal.value.stringValue != nil:
            return .string(literal.value.stringValue!)
        case (_, .null):
            return .null
        case (.comparator, .string(let text)):
            guard ComparatorOperator(rawValue: text) != nil else {
                diagnostics.report(
                    .invalidValue, "'\(text)' is not a comparator (<, <=, >, >=, ==, !=)", at: literal.span)
                return nil
            }
            return .string(text)
        default:
            diagnostics.report(
                .typeMismatch, "column '\(column.name)' holds \(column.type.rawValue) values", at: literal.span)
            return nil
        }
    }

    func normalizedKey(_ value: ScalarValue) -> String { Table.normalizedKey(value, normalizer) }

    /// The interned reference for a field path.
    mutating func fieldRef(_ path: FieldPath) -> FieldRef {
        if let id = fieldIDs[path] { return FieldRef(id: id, path: path) }
        let id = fieldIDs.count
        fieldIDs[path] = id
        return FieldRef(id: id, path: path)
    }

    // MARK: regexes

    /// Checks (or reuses) a regex: its id in `regexes`. Patterns are always caseless: the text they run on
    /// is case-folded.
    mutating func regexID(_ pattern: String, flags: String, at location: SourceSpan) throws(RegexCompileError) -> Int {
        var options: RegexOptions = [.caseless]
        for flag in flags.unicodeScalars {
            switch flag {
            case "i": options.insert(.caseless)
            case "m": options.insert(.multiline)
            case "s": options.insert(.dotAll)
            case "x": options.insert(.extended)
            default: break
            }
        }
        let regex = RegexPattern(pattern, options: options)
        if let id = regexIndex[regex] { return id }
        try CompiledRegex.validate(regex)
        regexes.append(regex)
        regexLocations.append(location)
        regexIndex[regex] = regexes.count - 1
        return regexes.count - 1
    }
}
