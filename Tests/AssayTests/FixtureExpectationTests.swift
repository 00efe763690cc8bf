import Assay
import AssayJSON
import Foundation
import Testing

/// Every fixture file in `fixtures/` is checked with the bundled packs and the rules that fire on each
/// record must be exactly those listed in its `.expected.tsv` (`id<TAB>RULE,RULE` or `-`).
@Suite("Fixtures")
struct FixtureExpectationTests {
    static let fixtureFiles = RepositoryPaths.files(under: RepositoryPaths.fixtures, suffix: ".jsonl")
        .filter { FileManager.default.fileExists(atPath: expectationPath(for: $0)) }
        .map { ($0 as NSString).lastPathComponent }

    static func expectationPath(for fixture: String) -> String {
        String(fixture.dropLast(".jsonl".count)) + ".expected.tsv"
    }

    static func expectations(_ path: String) throws -> [String: Set<String>] {
        var expected: [String: Set<String>] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            guard !line.hasPrefix("#") else { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { continue }
            let rules = columns[1] == "-" ? [] : columns[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            expected[String(columns[0])] = Set(rules)
        }
        return expected
    }

    @Test("the rules firing on each fixture record are exactly the expected ones", arguments: fixtureFiles)
    func fixtureMatchesExpectations(file: String) throws {
        let policy = try #require(BundledPacksTests.loaded.policy)
        let path = RepositoryPaths.fixtures + "/" + file
        let expected = try Self.expectations(Self.expectationPath(for: path))
        var reader = try JSONLinesReader(path: path)
        var seen = Set<String>()
        while let line = reader.next() {
            let record = try Record(json: line.result.get(), origin: RecordOrigin(file: file, line: line.lineNumber))
            seen.insert(record.id)
            let fired = Set(policy.check(record).violations.map(\.rule))
            guard let wanted = expected[record.id] else {
                Issue.record("\(file):\(line.lineNumber): record \(record.id) has no line in the expectations")
                continue
            }
            #expect(fired == wanted, "\(file):\(line.lineNumber) record \(record.id): fired \(fired.sorted()), expected \(wanted.sorted())")
        }
        #expect(Set(expected.keys) == seen, "expectation lines without records: \(Set(expected.keys).subtracting(seen).sorted())")
    }

    @Test("every fixture file has lawful look-alikes that must stay quiet", arguments: fixtureFiles)
    func fixturesIncludeNegatives(file: String) throws {
        let expected = try Self.expectations(Self.expectationPath(for: RepositoryPaths.fixtures + "/" + file))
        #expect(expected.values.filter(\.isEmpty).count >= 3)
    }
}
