import AssayJSON
import Foundation
import Testing
@testable import Assay

/// A pack with one term rule over the text fields the baseline tests edit.
private let baselinePack = """
    vocabulary absolute { "最佳" "第一" "国家级" }

    """ + TestPolicy.rule("ADV-TEST", when: "any(title, description, variants.title) matches terms(absolute)")

private func findings(_ policy: PolicySet, _ json: String) throws -> (Record, [Violation]) {
    let record = try TestPolicy.record(json)
    return (record, policy.check(record).violations)
}

/// The findings of `json` that a filter built from `baseline` lets through.
private func newFindings(_ policy: PolicySet, baseline: Baseline, _ json: String) throws -> [Violation] {
    let (record, violations) = try findings(policy, json)
    return BaselineFilter(baseline).apply(violations, in: record)
}

/// Collects what a check run reports.
private struct CollectingReporter: CheckReporter {
    var violations: [Violation] = []
    mutating func record(_ record: Record, result: CheckResult) { violations += result.violations }
    mutating func inputError(_ error: RecordError) { Issue.record("unexpected input error: \(error.rendered)") }
    mutating func finish(_ summary: CheckSummary) {}
}

@Suite("Baselines")
struct BaselineTests {
    static let original = #"{"id": "L1", "kind": "listing", "title": "全网最佳面膜", "description": "温和"}"#

    @Test("a finding does not fire again after its record is edited elsewhere and the text moves in its field")
    func editedRecordDoesNotRefire() throws {
        let policy = try TestPolicy.load(baselinePack)
        let (_, before) = try findings(policy, Self.original)
        let edited = #"{"id": "L1", "kind": "listing", "price": 99, "description": "温和 不刺激 新配方", "title": "限时 新款 保湿 全网最佳面膜 特惠"}"#
        let (_, after) = try findings(policy, edited)
        // The finding really moved: same text, other offsets; the record is otherwise different.
        #expect(before.map(\.match) == ["最佳"] && after.map(\.match) == ["最佳"])
        #expect(before[0].start != after[0].start)
        #expect(try newFindings(policy, baseline: .from(before), edited).isEmpty)
    }

    @Test("a new finding fires against the baseline, and only it")
    func newFindingFires() throws {
        let policy = try TestPolicy.load(baselinePack)
        let baseline = Baseline.from(try findings(policy, Self.original).1)
        let edited = #"{"id": "L1", "kind": "listing", "title": "全网最佳面膜", "description": "温和，销量第一"}"#
        let new = try newFindings(policy, baseline: baseline, edited)
        #expect(new.map { "\($0.field ?? "")=\($0.match ?? "")" } == ["description=第一"])
    }

    @Test("the same text added a second time in the same field is a new finding; a count of 2 absorbs both")
    func repeatedTextCountsAsNew() throws {
        let policy = try TestPolicy.load(baselinePack)
        let baseline = Baseline.from(try findings(policy, Self.original).1)
        let twice = #"{"id": "L1", "kind": "listing", "title": "全网最佳面膜，最佳之选", "description": "温和"}"#
        let new = try newFindings(policy, baseline: baseline, twice)
        #expect(new.count == 1)
        #expect(new.first?.match == "最佳")
        let baselineOfTwo = Baseline.from(try findings(policy, twice).1)
        #expect(baselineOfTwo.entries.map(\.count) == [2])
        #expect(try newFindings(policy, baseline: baselineOfTwo, twice).isEmpty)
    }

    @Test("the same finding in another record is new")
    func otherRecordIsNew() throws {
        let policy = try TestPolicy.load(baselinePack)
        let baseline = Baseline.from(try findings(policy, Self.original).1)
        let other = Self.original.replacingOccurrences(of: "\"L1\"", with: "\"L2\"")
        #expect(try newFindings(policy, baseline: baseline, other).count == 1)
    }

    @Test("a variant moving to another array position, or respelled with an evasion, is the same finding")
    func indicesAndSpellingDoNotMatter() throws {
        let policy = try TestPolicy.load(baselinePack)
        let before = #"{"id": "L1", "kind": "listing", "variants": [{"title": "最佳 红"}, {"title": "蓝"}]}"#
        let after = #"{"id": "L1", "kind": "listing", "variants": [{"title": "绿"}, {"title": "蓝"}, {"title": "最 佳 红"}]}"#
        let baseline = Baseline.from(try findings(policy, before).1)
        #expect(baseline.entries.map(\.field) == ["variants.title"])
        #expect(try newFindings(policy, baseline: baseline, after).isEmpty)
    }

    @Test("entries no finding used are listed as stale, whole or in part")
    func staleEntriesListed() throws {
        let policy = try TestPolicy.load(baselinePack)
        let original = #"{"id": "L1", "kind": "listing", "title": "最佳 第一 最佳", "description": "国家级"}"#
        let fixed = #"{"id": "L1", "kind": "listing", "title": "最佳 好", "description": "温和"}"#
        let filter = BaselineFilter(.from(try findings(policy, original).1))
        let (record, violations) = try findings(policy, fixed)
        #expect(filter.apply(violations, in: record).isEmpty)
        #expect(filter.removed == 1)
        #expect(filter.staleEntries.map { "\($0.match ?? "")×\($0.count)" } == ["国家级×1", "最佳×1", "第一×1"])
        #expect(filter.finalWarnings() == [
            "baseline entry no longer found: ADV-TEST L1 description “国家级”",
            "baseline entry no longer found: ADV-TEST L1 title “最佳” (1 of 2 occurrences)",
            "baseline entry no longer found: ADV-TEST L1 title “第一”",
        ])
    }

    @Test("rendering is deterministic: finding order does not matter, and it round-trips byte for byte")
    func deterministicRendering() throws {
        let policy = try TestPolicy.load(baselinePack)
        var all: [Violation] = []
        for (id, title) in [("L2", "第一 最佳"), ("L1", "国家级 \\\"引号\\\""), ("L10", "最佳 最佳")] {
            all += try findings(policy, #"{"id": "\#(id)", "kind": "listing", "title": "\#(title)"}"#).1
        }
        let text = Baseline.from(all).render()
        #expect(Baseline.from(all.reversed()).render() == text)
        #expect(Baseline.from(all.shuffled()).render() == text)
        #expect(try Baseline.parse(text, path: "b.json").render() == text)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)  // header, 4 entries, footer
        #expect(lines.first == #"{"version": 1, "entries": ["#)
        #expect(lines.last == "]}")
        let first = String(lines[1])
        let fingerprint = try #require(Baseline.parse(text, path: "b.json").entries.first?.fingerprint)
        #expect(first == #"  {"fingerprint": "\#(fingerprint)", "rule": "ADV-TEST", "record": "L1", "field": "title", "match": "国家级", "count": 1},"#)
        #expect(lines[2].contains(#""record": "L10""#) && lines[2].hasSuffix(#""count": 2},"#))
        #expect(Baseline.from([]).render() == "{\"version\": 1, \"entries\": []}\n")
    }

    @Test("a broken baseline names the file, and the line and column of a syntax error")
    func brokenBaselineError() throws {
        let policy = try TestPolicy.load(baselinePack)
        let text = Baseline.from(try findings(policy, Self.original).1).render()
        let truncated = String(text.dropLast(5))
        let error = try #require(throws: BaselineError.self) { try Baseline.parse(truncated, path: "ci/baseline.json") }
        #expect(error.path == "ci/baseline.json" && error.line == 2 && error.column != nil)
        #expect(error.description.hasPrefix("ci/baseline.json:2:"))
        #expect(error.description.contains("error: invalid baseline"))
    }

    @Test(
        "a baseline with the wrong shape is rejected with the entry and key at fault",
        arguments: [
            (#"[]"#, "a baseline must be a JSON object"),
            (#"{"version": 2, "entries": []}"#, "baseline version 2 is not supported"),
            (#"{"entries": []}"#, "\"version\" must be the number 1"),
            (#"{"version": 1, "entries": [], "extra": 1}"#, "unknown key \"extra\""),
            (#"{"version": 1, "entries": [{"fingerprint": "XYZ", "rule": "R", "record": "L1", "count": 1}]}"#,
             "entries[0]: \"fingerprint\" must be 16 lower-case hex digits"),
            (#"{"version": 1, "entries": [{"fingerprint": "0123456789abcdef", "rule": "R", "record": "L1", "count": 0}]}"#,
             "entries[0]: \"count\" must be a whole number of at least 1"),
            (#"{"version": 1, "entries": [{"fingerprint": "0123456789abcdef", "record": "L1"}]}"#,
             "entries[0]: \"rule\" must be a non-empty string"),
        ])
    func wrongShapeRejected(text: String, message: String) throws {
        let error = try #require(throws: BaselineError.self) { try Baseline.parse(text, path: "b.json") }
        #expect(error.description.hasPrefix("b.json: error: invalid baseline: "))
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("the recorder removes nothing and records what a baseline of the same findings holds")
    func recorderRecordsEverything() throws {
        let policy = try TestPolicy.load(baselinePack)
        let recorder = BaselineRecorder()
        var all: [Violation] = []
        for json in [Self.original, #"{"id": "L2", "kind": "listing", "title": "第一 第一"}"#] {
            let (record, violations) = try findings(policy, json)
            #expect(recorder.apply(violations, in: record) == violations)
            all += violations
        }
        #expect(recorder.removed == 0 && recorder.name == "recorded")
        #expect(recorder.baseline() == Baseline.from(all))
        #expect(recorder.baseline().entries.map(\.count) == [1, 2])
    }

    @Test("end to end: write a baseline from one run; an edited input then reports only its new finding")
    func endToEndThroughInputChecker() throws {
        let policy = try TestPolicy.load(baselinePack)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("listings.jsonl").path
        let baselinePath = directory.appendingPathComponent("baseline.json").path

        try """
            {"id": "L1", "kind": "listing", "title": "全网最佳面膜"}
            {"id": "L2", "kind": "listing", "title": "国家级 工艺", "description": "第一"}
            """.write(toFile: input, atomically: true, encoding: .utf8)
        let recorder = BaselineRecorder()
        var first = CollectingReporter()
        InputChecker(policy: policy, filters: [recorder]).run(inputs: [input], reporter: &first)
        #expect(first.violations.count == 3)
        try AtomicFile.write(recorder.baseline().render(), to: baselinePath)

        // Lines added before, records reordered, text moved; one genuinely new finding.
        try """
            {"id": "L0", "kind": "listing", "title": "普通"}
            {"id": "L2", "kind": "listing", "description": "销量第一", "title": "传统 国家级 工艺"}
            {"id": "L1", "kind": "listing", "title": "新品 全网最佳面膜 第一"}
            """.write(toFile: input, atomically: true, encoding: .utf8)
        let filter = BaselineFilter(try Baseline.parse(String(contentsOfFile: baselinePath, encoding: .utf8), path: baselinePath))
        var second = CollectingReporter()
        let summary = InputChecker(policy: policy, filters: [filter]).run(inputs: [input], reporter: &second)
        #expect(second.violations.map { "\($0.record) \($0.match ?? "")" } == ["L1 第一"])
        #expect(summary.filtered["baseline"] == 3)
        #expect(summary.violations == 1)
        #expect(filter.staleEntries.isEmpty)
    }
}
