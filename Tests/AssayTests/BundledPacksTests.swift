import Assay
import AssayBundledPacks
import AssayDSL
import Foundation
import Testing

/// The packs shipped in `rules/`: they load cleanly, the copy embedded in the binary is current, and
/// every rule's embedded examples behave as declared.
@Suite("Bundled packs")
struct BundledPacksTests {
    static let loaded = PolicyLoader.load(paths: [RepositoryPaths.rules])
    static let ruleIDs: [String] = loaded.policy?.rules.map(\.id) ?? []

    @Test("the bundled packs load with no errors and no warnings")
    func loadCleanly() {
        let rendered = DiagnosticRenderer.render(Self.loaded.diagnostics)
        #expect(Self.loaded.diagnostics.isEmpty, "\(rendered)")
        #expect(Self.loaded.policy != nil)
    }

    @Test("there are four packs, one per category, and every rule cites a dated reference")
    func fourPacksWithReferences() throws {
        let policy = try #require(Self.loaded.policy)
        #expect(Set(policy.packs.map(\.id)) == ["advertising", "privacy", "counterfeit", "tax"])
        for rule in policy.rules {
            #expect(!rule.references.isEmpty, "\(rule.id) cites nothing")
            for reference in rule.references {
                #expect(reference.checked != nil, "\(rule.id) cites \(reference.id) without a checked date")
            }
        }
        for category in Category.allCases {
            #expect(policy.rules.contains { $0.category == category }, "no rule in \(category)")
        }
    }

    @Test("the packs embedded in the binary match rules/ (run scripts/embed-packs.py when this fails)")
    func embeddedCopyIsCurrent() throws {
        let onDisk = (RepositoryPaths.files(under: RepositoryPaths.rules, suffix: ".assay")
            + RepositoryPaths.files(under: RepositoryPaths.rules, suffix: ".txt")
            + RepositoryPaths.files(under: RepositoryPaths.rules, suffix: ".tsv")).sorted()
        let embedded = Dictionary(BundledPacks.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        let relative = onDisk.map { String($0.dropFirst(RepositoryPaths.root.count + 1)) }
        #expect(Set(relative) == Set(embedded.keys))
        for (path, name) in zip(onDisk, relative) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(embedded[name] == text, "\(name) differs from its embedded copy")
        }
    }

    @Test("every bundled rule's embedded examples behave as declared", arguments: ruleIDs)
    func examplesPass(rule: String) throws {
        let policy = try #require(Self.loaded.policy)
        let outcomes = policy.runExamples(only: [rule])
        #expect(outcomes.contains { $0.example.fires }, "\(rule) has no firing example")
        #expect(outcomes.contains { !$0.example.fires }, "\(rule) has no passing example")
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.example.location): \(outcome.example.fires ? "fires" : "passes"): \(outcome.detail)")
        }
    }
}
