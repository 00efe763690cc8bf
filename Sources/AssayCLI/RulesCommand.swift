import Assay
import AssayDSL
import ArgumentParser
import Foundation

/// `assay rules …`: lint, test and list policy packs.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Lint, test and list policy packs.",
        subcommands: [Lint.self, Test.self, List.self]
    )

    /// `assay rules check PATH…`
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Report every error and warning in rule files (exit 2 on errors).")

        @Argument(help: "Rule files or directories. Default: the bundled packs.")
        var paths: [String] = []

        func run() throws {
            let policy = try RuleSource.load(paths, showWarnings: true)
            print("\(policy.packs.count) pack\(policy.packs.count == 1 ? "" : "s"), \(policy.rules.count) rules: no errors")
        }
    }

    /// `assay rules test [PATH…]`
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Run every rule's embedded examples (exit 1 if any fails).")

        @Argument(help: "Rule files or directories. Default: the bundled packs.")
        var paths: [String] = []

        @Option(help: "Only this rule (repeatable).")
        var rule: [String] = []

        @Flag(help: "Show every example, not only failures.")
        var verbose = false

        func run() throws {
            let policy = try RuleSource.load(paths, showWarnings: false)
            let outcomes = policy.runExamples(only: rule.isEmpty ? nil : Set(rule))
            var failedRules = 0
            for ruleDefinition in policy.rules where rule.isEmpty || rule.contains(ruleDefinition.id) {
                let mine = outcomes.filter { $0.rule == ruleDefinition.id }
                let failures = mine.filter { !$0.passed }
                print("\(failures.isEmpty ? "PASS" : "FAIL") \(ruleDefinition.id) (\(mine.count) example\(mine.count == 1 ? "" : "s"))")
                for outcome in mine where verbose || !outcome.passed {
                    let verb = outcome.example.fires ? "fires" : "passes"
                    print("  \(outcome.passed ? "ok  " : "FAIL") \(outcome.example.location): \(verb): \(outcome.detail)")
                }
                if !failures.isEmpty { failedRules += 1 }
            }
            let failedExamples = outcomes.filter { !$0.passed }.count
            print("\(outcomes.count - failedExamples) passed, \(failedExamples) failed (\(failedRules) rule\(failedRules == 1 ? "" : "s") failing)")
            if failedExamples > 0 { throw ExitCode(1) }
        }
    }

    /// `assay rules list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the loaded rules.")

        @OptionGroup var rules: RuleSource

        func run() throws {
            let policy = try rules.load(showWarnings: false)
            for pack in policy.packs {
                print("\(pack.id) \(pack.version) — \(pack.title) [\(pack.path)]")
                for rule in policy.rules where rule.pack == pack.id {
                    let markets = rule.markets.map { $0.joined(separator: ",") + (rule.admitsUnknownMarket ? ",unknown" : "") } ?? "all"
                    let kinds = rule.kinds.map(\.rawValue).joined(separator: ",")
                    print("  \(rule.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.category.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(kinds) @ \(markets)  \(rule.title)")
                }
            }
        }
    }
}

