import Assay
import Foundation
import Testing

/// The hostile and broken inputs in `fixtures/malformed/`: each is reported with its location, never
/// crashes, and the good records around a bad one are still checked.
@Suite("Malformed inputs")
struct MalformedInputTests {
    struct Outcome {
        var records: [Record] = []
        var errors: [RecordError] = []
    }

    static func read(_ name: String, options: InputOptions = InputOptions()) throws -> Outcome {
        var source = try InputOpener.open(RepositoryPaths.fixtures + "/malformed/" + name, label: name, options: options)
        var outcome = Outcome()
        while let event = source.next() {
            switch event {
            case .record(let record): outcome.records.append(record)
            case .error(let error): outcome.errors.append(error)
            }
        }
        return outcome
    }

    @Test("broken JSON lines are errors at their lines; the records around them are read")
    func brokenLines() throws {
        let outcome = try Self.read("broken-lines.jsonl")
        #expect(outcome.records.map(\.id) == ["B-1", "B-3", "B-5"])
        #expect(outcome.errors.map(\.origin.line) == [2, 4])
    }

    @Test("an unbalanced CSV quote is an error naming its line; later rows are still read")
    func unbalancedQuote() throws {
        let mapping = try FieldMapping.parse(
            String(contentsOfFile: RepositoryPaths.fixtures + "/malformed/unbalanced-quote.mapping", encoding: .utf8), name: "m")
        let outcome = try Self.read("unbalanced-quote.csv", options: InputOptions(mapping: mapping))
        #expect(outcome.records.map(\.id) == ["Q-1", "Q-3"])
        #expect(outcome.errors.first?.origin.line == 3)
    }

    @Test("an ill-formed feed item is an error with its line; the items around it are checked")
    func illFormedItem() throws {
        let outcome = try Self.read("ill-formed-item.xml")
        #expect(outcome.records.map(\.id).contains("X-1"))
        #expect(outcome.records.map(\.id).contains("X-3"))
        #expect(outcome.errors.contains { $0.origin.line == 12 })
    }

    @Test("XXE and entity bombs are rejected, and no local file content appears", arguments: ["xxe.xml", "billion-laughs.xml"])
    func entityAttacks(file: String) throws {
        let outcome = try Self.read(file)
        #expect(outcome.records.isEmpty)
        #expect(outcome.errors.count == 1)
        #expect(outcome.errors.first?.message.contains("entity") == true)
        #expect(!outcome.errors.contains { $0.message.contains("root:") })
    }

    @Test("a truncated gzip feed ends in an error, not a crash or silence")
    func truncatedGzip() throws {
        let outcome = try Self.read("truncated-feed.xml.gz")
        #expect(!outcome.errors.isEmpty)
    }
}
