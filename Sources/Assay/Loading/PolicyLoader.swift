import AssayDSL
import AssayRegex
import Foundation

/// The result of loading packs: the compiled policy when there were no errors, and every diagnostic.
public struct PolicyLoadResult: Sendable {
    /// The compiled packs; nil when any error was reported.
    public let policy: PolicySet?
    /// Errors and warnings from every file, in file order.
    public let diagnostics: [Diagnostic]

    /// True when some diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A rule file's path and text, for loading packs that do not live on disk (bundled packs, tests).
public struct PackSource: Sendable {
    /// The path shown in diagnostics; vocabulary files resolve relative to it.
    public let path: String
    /// The file's text.
    public let text: String

    /// Creates a pack source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Loads policy packs from files, directories or memory: lex, parse, check and compile them together,
/// reporting every problem in every file at once.
public enum PolicyLoader {
    /// Loads `.assay` files; a directory contributes every `.assay` file below it, in path order.
    ///
    /// `threads` is how many threads loading may keep busy: with more than one, regexes are JIT-compiled
    /// on a second thread while the term automaton is built (the result is the same).
    public static func load(paths: [String], threads: Int = 1) -> PolicyLoadResult {
        var sources: [PackSource] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            for file in expand(path) {
                if let text = readText(file) {
                    sources.append(PackSource(path: file, text: text))
                } else {
                    let source = SourceFile(path: file, text: "")
                    diagnostics.append(
                        Diagnostic(.unreadableFile, "cannot read rule file '\(file)'", at: SourceSpan(file: source, range: 0..<0)))
                }
            }
        }
        let loaded = load(sources: sources, readBytes: readBytes, threads: threads)
        return PolicyLoadResult(policy: diagnostics.isEmpty ? loaded.policy : nil, diagnostics: diagnostics + loaded.diagnostics)
    }

    /// Loads packs from memory; `readFile` supplies the vocabulary files they name.
    public static func load(
        sources: [PackSource], readFile: @escaping @Sendable (String) -> String?, threads: Int = 1
    ) -> PolicyLoadResult {
        load(sources: sources, readBytes: { readFile($0).map { Array($0.utf8) } }, threads: threads)
    }

    /// Loads packs from memory; `readBytes` supplies the raw bytes of the vocabulary files they name (bytes
    /// that are not UTF-8 text are reported as A107 at their line and column).
    public static func load(
        sources: [PackSource], readBytes: @escaping @Sendable (String) -> [UInt8]?, threads: Int = 1
    ) -> PolicyLoadResult {
        var diagnostics: [Diagnostic] = []
        var trees: [PackFile] = []
        for source in sources {
            let (tree, parseDiagnostics) = Parser.parse(SourceFile(path: source.path, text: source.text))
            diagnostics.append(contentsOf: parseDiagnostics)
            trees.append(tree)
        }
        var compiler = PackCompiler(readFile: readBytes)
        compiler.compile(trees)
        diagnostics.append(contentsOf: compiler.diagnostics.diagnostics)
        diagnostics = sortedByPosition(diagnostics, fileOrder: sources.map(\.path))
        if sources.isEmpty {
            let source = SourceFile(path: "(rules)", text: "")
            diagnostics.append(Diagnostic(.missingField, "no rule files (*.assay) were found", at: SourceSpan(file: source, range: 0..<0)))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return PolicyLoadResult(policy: nil, diagnostics: diagnostics)
        }
        do throws(RegexTable.CompileFailure) {
            let policy = try PolicySet(
                packs: compiler.packs, rules: compiler.rules, vocabularies: compiler.vocabularies,
                tables: compiler.tables, regexes: compiler.regexes, fieldCount: compiler.fieldIDs.count,
                threads: threads)
            return PolicyLoadResult(policy: policy, diagnostics: diagnostics)
        } catch {
            let failed = Diagnostic(
                .invalidRegex, "regex could not be compiled: \(error.error.message)", at: compiler.regexLocations[error.id])
            return PolicyLoadResult(policy: nil, diagnostics: diagnostics + [failed])
        }
    }

    /// Diagnostics in file order, then by position, so a file's problems read top to bottom.
    static func sortedByPosition(_ diagnostics: [Diagnostic], fileOrder: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, path) in fileOrder.enumerated() where rank[path] == nil { rank[path] = index }
        return diagnostics.enumerated().sorted { a, b in
            let fileA = rank[a.element.span.file.path] ?? Int.max
            let fileB = rank[b.element.span.file.path] ?? Int.max
            if fileA != fileB { return fileA < fileB }
            if a.element.span.file.path != b.element.span.file.path { return a.element.span.file.path < b.element.span.file.path }
            if a.element.span.range.lowerBound != b.element.span.range.lowerBound {
                return a.element.span.range.lowerBound < b.element.span.range.lowerBound
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// A file stays itself; a directory becomes the sorted `.assay` files below it.
    static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let entries = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return entries.filter { $0.hasSuffix(".assay") }.sorted().map { base + "/" + $0 }
    }

    @Sendable static func readBytes(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    @Sendable static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
