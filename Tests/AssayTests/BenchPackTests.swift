import Assay
import AssayDSL
import AssayJSON
import Foundation
import Testing

/// The benchmark's inputs stay usable: bench/pack loads cleanly with every embedded example passing, and
/// bench/gen_corpus.py is deterministic. No timing is asserted anywhere (bench/README.md).
@Suite("Benchmark pack and corpus generator")
struct BenchPackTests {
    static let packDirectory = RepositoryPaths.root + "/bench/pack"
    static let loaded = PolicyLoader.load(paths: [packDirectory])

    @Test("bench/pack loads with no diagnostics: 3,000 terms and 100 regexes in 72 rules")
    func loadsCleanly() throws {
        let rendered = DiagnosticRenderer.render(Self.loaded.diagnostics)
        #expect(Self.loaded.diagnostics.isEmpty, "\(rendered)")
        let policy = try #require(Self.loaded.policy)
        #expect(policy.rules.count == 72)
        let terms = try String(contentsOfFile: Self.packDirectory + "/terms.txt", encoding: .utf8)
            .split(separator: "\n").count
        #expect(terms == 3000)
    }

    @Test("every bench rule fires and passes as its embedded examples say")
    func examplesPass() throws {
        let policy = try #require(Self.loaded.policy)
        let outcomes = policy.runExamples()
        for rule in policy.rules {
            let own = outcomes.filter { $0.rule == rule.id }
            #expect(own.contains { $0.example.fires }, "\(rule.id) has no firing example")
            #expect(own.contains { !$0.example.fires }, "\(rule.id) has no passing example")
        }
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.example.location): \(outcome.example.fires ? "fires" : "passes"): \(outcome.detail)")
        }
    }

    @Test("gen_corpus.py writes the same bytes twice for the same seed and size, in canonical records")
    func corpusIsDeterministic() throws {
        let scratch = try ScratchDirectory()
        var outputs: [Data] = []
        for name in ["a.jsonl", "b.jsonl"] {
            #expect(try BenchCorpus.generate(mb: "0.05", seed: 7, to: scratch.path(name)) == 0)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: scratch.path(name))))
        }
        #expect(outputs[0].count >= 50_000)
        #expect(outputs[0] == outputs[1], "gen_corpus.py output differs between two runs with the same seed")
        var records = 0
        for line in JSONLinesReader(bytes: Array(outputs[0])) {
            let value = try line.result.get()
            let record = try Record(json: value, origin: RecordOrigin(file: "corpus", line: line.lineNumber))
            #expect(record.kind == .listing)
            records += 1
        }
        #expect(records > 20)
    }
}
