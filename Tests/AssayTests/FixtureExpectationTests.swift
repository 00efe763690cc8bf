import Assay
import Foundation
import Testing

/// Every fixture with an `.expected.tsv` beside it (any input format, `fixtures/` and `fixtures/mapped/`)
/// is checked with the bundled packs; the rules that fire on each record must be exactly those listed
/// (`id<TAB>RULE,RULE` or `-`). A `<stem>.mapping` beside a fixture is its field mapping.
@Suite("Fixtures")
struct FixtureExpectationTests {
    static let inputExtensions = [".jsonl", ".json", ".csv", ".xml", ".xml.gz"]

    /// Fixture inputs (relative to `fixtures/`) that have expectations.
    static let fixtureFiles: [String] = {
        let expectations = RepositoryPaths.files(under: RepositoryPaths.fixtures, suffix: ".expected.tsv")
        return expectations.compactMap { expectation -> String? in
            let stem = String(expectation.dropLast(".expected.tsv".count))
            guard let input = inputExtensions.map({ stem + $0 }).first(where: { FileManager.default.fileExists(atPath: $0) })
            else { return nil }
            return String(input.dropFirst(RepositoryPaths.fixtures.count + 1))
        }.sorted()
    }()

    static func stem(_ path: String) -> String {
        for ext in inputExtensions.sorted(by: { $0.count > $1.count }) where path.hasSuffix(ext) {
            return String(path.dropLast(ext.count))
        }
        return path
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

    static func options(for path: String) throws -> InputOptions {
        let mappingPath = stem(path) + ".mapping"
        guard FileManager.default.fileExists(atPath: mappingPath) else { return InputOptions() }
        return InputOptions(mapping: try FieldMapping.parse(String(contentsOfFile: mappingPath, encoding: .utf8), name: mappingPath))
    }

    @Test("the rules firing on each fixture record are exactly the expected ones", arguments: fixtureFiles)
    func fixtureMatchesExpectations(file: String) throws {
        let policy = try #require(BundledPacksTests.loaded.policy)
        let path = RepositoryPaths.fixtures + "/" + file
        let expected = try Self.expectations(Self.stem(path) + ".expected.tsv")
        var source = try InputOpener.open(path, label: file, options: Self.options(for: path))
        var seen = Set<String>()
        while let event = source.next() {
            guard case .record(let record) = event else {
                Issue.record("\(file): unexpected input error \(event)")
                continue
            }
            seen.insert(record.id)
            let fired = Set(policy.check(record).violations.map(\.rule))
            guard let wanted = expected[record.id] else {
                Issue.record("\(file):\(record.origin.line): record \(record.id) has no line in the expectations")
                continue
            }
            #expect(fired == wanted, "\(file):\(record.origin.line) record \(record.id): fired \(fired.sorted()), expected \(wanted.sorted())")
        }
        #expect(Set(expected.keys) == seen, "expectation lines without records: \(Set(expected.keys).subtracting(seen).sorted())")
    }

    @Test("every format has a fixture with expectations")
    func everyFormatCovered() {
        for ext in [".jsonl", ".json", ".csv", ".xml"] {
            #expect(Self.fixtureFiles.contains { $0.hasSuffix(ext) }, "no \(ext) fixture")
        }
        #expect(Self.fixtureFiles.contains("mapped/amazon-flat-file.csv"))
    }

    @Test("the JSON Lines fixtures have lawful look-alikes that must stay quiet", arguments: ["listings.jsonl", "posts.jsonl", "merchants.jsonl"])
    func fixturesIncludeNegatives(file: String) throws {
        let expected = try Self.expectations(RepositoryPaths.fixtures + "/" + Self.stem(file) + ".expected.tsv")
        #expect(expected.values.filter(\.isEmpty).count >= 3)
    }
}
