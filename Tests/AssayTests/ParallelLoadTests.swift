import Assay
import AssayJSON
import Testing

/// Loading on two threads (`PolicyLoader.load(…, threads: 2)`, what `assay check --jobs 2` does) compiles
/// the regexes on a second thread while the term automaton is built; the policy must be the same one.
@Suite("Loading packs on two threads")
struct ParallelLoadTests {
    @Test("the bundled packs loaded on two threads find exactly what they find loaded on one, in every fixture")
    func bundledPacksFindTheSame() throws {
        let one = try #require(PolicyLoader.load(paths: [RepositoryPaths.rules], threads: 1).policy)
        let two = try #require(PolicyLoader.load(paths: [RepositoryPaths.rules], threads: 2).policy)
        var checked = 0
        var found = 0
        for path in RepositoryPaths.files(under: RepositoryPaths.fixtures, suffix: ".jsonl") {
            var source = try JSONLinesRecordSource(path: path)
            while let event = source.next() {
                guard case .record(let record) = event else { continue }
                let expected = one.check(record)
                #expect(two.check(record).violations == expected.violations, "\(record.origin)")
                checked += 1
                found += expected.violations.count
            }
        }
        #expect(checked > 100)
        #expect(found > 50)
    }

    @Test("the bench pack's 100 regexes compiled on a second thread pass every embedded example")
    func benchPackExamplesPass() throws {
        let policy = try #require(PolicyLoader.load(paths: [BenchPackTests.packDirectory], threads: 2).policy)
        let outcomes = policy.runExamples()
        #expect(outcomes.count > 100)
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.example.location): \(outcome.detail)")
        }
    }
}
