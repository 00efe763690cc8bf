import Assay
import AssayBundledPacks
import AssayDSL
import ArgumentParser
import Foundation

/// `--rules PATH` (repeatable): rule files or directories; the bundled packs when absent.
struct RuleSource: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule file or directory of packs (repeatable). Default: the bundled packs.")
    var paths: [String] = []

    /// Loads the packs, printing diagnostics to standard error; exits 2 on errors. `threads` > 1 lets
    /// loading use a second thread.
    func load(showWarnings: Bool = true, threads: Int = 1) throws -> PolicySet {
        try RuleSource.load(paths, showWarnings: showWarnings, threads: threads)
    }

    /// Loads packs from paths (the bundled packs when empty), printing diagnostics; exits 2 on errors.
    static func load(_ paths: [String], showWarnings: Bool, threads: Int = 1) throws -> PolicySet {
        let result = paths.isEmpty ? BundledPolicy.load(threads: threads) : PolicyLoader.load(paths: paths, threads: threads)
        let shown = showWarnings ? result.diagnostics : result.diagnostics.filter { $0.severity == .error }
        if !shown.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticRenderer.render(shown).utf8))
        }
        guard let policy = result.policy else { throw ExitCode(2) }
        return policy
    }
}
