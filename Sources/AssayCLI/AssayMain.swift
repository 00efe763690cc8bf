import ArgumentParser
import Foundation

/// `assay`: checks listings, posts and merchant records against compliance policy packs.
@main
struct AssayMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Check listings, posts and merchant records against compliance policy packs.",
        discussion: """
            Exit codes: 0 nothing at or above --fail-on; 1 violations at or above it; \
            2 usage or rule errors; 3 some input could not be read (after checking everything that could).
            """,
        version: AssayVersion.current,
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self]
    )

    /// Runs the command, mapping every usage error to exit status 2 (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
