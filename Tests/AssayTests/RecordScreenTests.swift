import AssayJSON
import AssayRegex
import Foundation
import Testing
@testable import Assay

/// The record screen clears JSON Lines records from their bytes when no rule can fire on them. It may only
/// ever change speed: a cleared record must have no findings in a full check, and a full check that starts
/// from the screen's scans must find exactly what a full check finds.
@Suite("Record screen")
struct RecordScreenTests {
    /// Screens one line and holds the outcome to a full check of the parsed record; returns the outcome.
    @discardableResult
    static func screenAgrees(
        _ policy: PolicySet, _ line: [UInt8], lineNumber: Int = 1, file: String = "test.jsonl",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> RecordScreen.Outcome {
        let origin = RecordOrigin(file: file, line: lineNumber)
        let scratch = RecordScreen.Scratch()
        let outcome = line.withUnsafeBufferPointer {
            policy.screen.screen($0, origin: origin, maxDepth: 512, policy: policy, scratch: scratch)
        }
        let text = String(decoding: line, as: UTF8.self)
        let record = (try? JSONParser.parse(line)).flatMap { try? Record(json: $0, origin: origin) }
        switch outcome {
        case .quiet(let identity):
            guard let record else {
                Issue.record("cleared a line that is no valid record: \(text)", sourceLocation: sourceLocation)
                break
            }
            #expect(identity.id == record.id && identity.kind == record.kind && identity.origin == record.origin, sourceLocation: sourceLocation)
            let result = policy.check(record)
            #expect(result.violations.isEmpty, "cleared a record with violations: \(text)", sourceLocation: sourceLocation)
            #expect(result.problems.isEmpty, "cleared a record with rule problems: \(text)", sourceLocation: sourceLocation)
        case .scanned(let prescan):
            guard let record else {
                Issue.record("scanned a line that is no valid record: \(text)", sourceLocation: sourceLocation)
                break
            }
            let full = policy.check(record)
            let fromScans = policy.check(record, prescan: prescan)
            #expect(fromScans.violations == full.violations, "\(text)", sourceLocation: sourceLocation)
            #expect(fromScans.problems == full.problems, "\(text)", sourceLocation: sourceLocation)
        case .declined:
            break
        }
        return outcome
    }

    static func isQuiet(_ outcome: RecordScreen.Outcome) -> Bool {
        if case .quiet = outcome { return true }
        return false
    }

    static func isScanned(_ outcome: RecordScreen.Outcome) -> Bool {
        if case .scanned = outcome { return true }
        return false
    }

    static let pack = """
        vocabulary claims { "最佳" "best ever" }
        vocabulary seller_words { "fake" }

        """
        + TestPolicy.rule("CLAIM", kinds: "listing, post", when: "title matches terms(claims) or tags matches terms(claims) or text matches terms(claims)")
        + TestPolicy.rule("SELLER", kinds: "listing", when: "seller.name matches terms(seller_words)")
        + TestPolicy.rule("PHONE", kinds: "post", when: #"text matches regex(r"1[3-9][0-9]{9}")"#)

    @Test("lines no rule can fire on are cleared with the record's identity; the id defaults as a parsed record's does")
    func clearsQuietLines() throws {
        let policy = try TestPolicy.load(Self.pack)
        for line in [
            #"{"id": "L1", "kind": "listing", "title": "普通 净水器", "tags": ["新品", 7], "price": 12.5}"#,
            #"{"kind": "listing", "title": "no claims here"}"#,
            #"{"id": 42, "kind": "post", "text": "call 12345"}"#,
            #"{"id": null, "kind": "listing", "title": ["最佳"], "title": "plain"}"#,
            #"{"kind": "listing", "tags": [{"note": "最佳"}], "seller_name": "fake"}"#,
        ] {
            let outcome = Self.screenAgrees(policy, Array(line.utf8), lineNumber: 9)
            #expect(Self.isQuiet(outcome), "not cleared: \(line)")
        }
        guard case .quiet(let identity) = Self.screenAgrees(policy, Array(#"{"kind": "listing"}"#.utf8), lineNumber: 9) else {
            Issue.record("an empty listing is not cleared")
            return
        }
        #expect(identity.id == "test.jsonl:9")
    }

    @Test("a term or pattern anywhere a rule reads sends the record to the full check, however it is written")
    func sendsTriggeredLinesOn() throws {
        let policy = try TestPolicy.load(Self.pack)
        for line in [
            #"{"kind": "listing", "title": "最佳 净水器"}"#,
            #"{"kind": "listing", "title": "\u6700\u4f73 escaped"}"#,  // escapes decoded before the scan
            #"{"kind": "listing", "title": "最 * 佳"}"#,  // normalised: separators between ideographs
            #"{"kind": "listing", "title": "Ｂｅｓｔ EVER"}"#,  // full-width letters and case folded
            #"{"kind": "listing", "tags": ["新品", ["最佳"]]}"#,  // nested arrays are read
            #"{"kind": "post", "text": "加我 13800138000"}"#,
            #"{"kind": "post", "text": "全網最佳"}"#,
        ] {
            let outcome = Self.screenAgrees(policy, Array(line.utf8))
            #expect(Self.isScanned(outcome), "not sent on: \(line)")
        }
    }

    @Test("what the screen cannot judge from the bytes goes to the full check untouched")
    func declines() throws {
        let policy = try TestPolicy.load(Self.pack)
        for line in [
            #"{"kind": "listing", "seller": {"name": "honest"}}"#,  // a nested match path's root is present
            #"{"kind": "shop", "title": "x"}"#,  // unknown kind: the full check reports it
            #"{"id": true, "kind": "listing"}"#,  // id of the wrong type
            #"{"title": "x"}"#,  // no kind
            #"{"kind": "list\u0069ng"}"#,  // kind with an escape
            #"{"ti\u0074le": "最佳", "kind": "listing"}"#,  // escaped key
            #"{"kind": "listing", "title": "broken"#,  // not JSON
            #"["kind", "listing"]"#,
        ] {
            let outcome = Self.screenAgrees(policy, Array(line.utf8))
            guard case .declined = outcome else {
                Issue.record("not declined: \(line)")
                continue
            }
        }
        // A kind with a rule evaluated on every record (a comparison) is never screened.
        let always = try TestPolicy.load(TestPolicy.rule("PRICE", kinds: "listing", when: "price > 100"))
        guard case .declined = Self.screenAgrees(always, Array(#"{"kind": "listing", "price": 1}"#.utf8)) else {
            Issue.record("a listing was screened although a listing rule runs on every record")
            return
        }
    }

    static let shelfLifePack = TestPolicy.rule("SHELF", kinds: "listing", when: #"description matches regex(r"保质期\s*[0-9]{2,3}\s*年")"#)
        + TestPolicy.rule("BACKTRACK", kinds: "post", when: #"text matches regex(r"x(a+)+$")"#)

    @Test("a regex whose required literals occur but which has no match is confirmed away by its first-match run, and the record is cleared")
    func confirmsRegexCandidates() throws {
        let policy = try TestPolicy.load(Self.shelfLifePack)
        let line = #"{"kind": "listing", "description": "保质期：18个月，生产年份见包装"}"#
        // The literals 保质期 and 年 and the digits are all there, so the term index nominates the regex...
        let text = "保质期：18个月，生产年份见包装"
        let nominated = policy.normalizer.withNormalizedBytes(of: text) {
            policy.termIndex.scan($0, using: RegexMatchData()).regexCandidates
        }
        #expect(!nominated.isEmpty)
        // ...but it does not match, so the signal scan drops it and nothing can fire.
        let confirmed = Array(text.utf8).withUnsafeBufferPointer {
            policy.signalScan(of: $0, using: RegexMatchData()).regexCandidates
        }
        #expect(confirmed.isEmpty)
        #expect(Self.isQuiet(Self.screenAgrees(policy, Array(line.utf8))))
        // Where it matches, the record goes on and the rule fires.
        let matching = #"{"kind": "listing", "description": "保质期 20 年 的收藏级普洱"}"#
        #expect(Self.isScanned(Self.screenAgrees(policy, Array(matching.utf8))))
    }

    @Test("a regex that stops on a match limit stays a candidate, so the full check reports the failure")
    func keepsCandidatesThatFailOnALimit() throws {
        let policy = try TestPolicy.load(Self.shelfLifePack)
        let line = #"{"kind": "post", "text": "x"# + String(repeating: "a", count: 40) + #"b"}"#
        #expect(Self.isScanned(Self.screenAgrees(policy, Array(line.utf8))))
        let record = try Record(json: JSONParser.parse(Array(line.utf8)), origin: RecordOrigin(file: "t.jsonl", line: 1))
        #expect(!policy.check(record).problems.isEmpty)
    }

    @Test("over a generated benchmark corpus and the bench pack, every screened line agrees with a full check")
    func agreesOnBenchCorpus() throws {
        let loaded = PolicyLoader.load(paths: [RepositoryPaths.root + "/bench/pack"])
        let policy = try #require(loaded.policy)
        let scratch = try ScratchDirectory()
        try #require(try BenchCorpus.generate(mb: "0.4", seed: 23, to: scratch.path("c.jsonl")) == 0)
        var quiet = 0
        var scanned = 0
        var lines = 0
        var reader = try JSONLinesReader(path: scratch.path("c.jsonl"))
        while let raw = reader.nextRaw() {
            guard case .success(let bytes) = raw.content else { continue }
            lines += 1
            let outcome = Self.screenAgrees(policy, bytes, lineNumber: raw.lineNumber)
            if Self.isQuiet(outcome) { quiet += 1 }
            if Self.isScanned(outcome) { scanned += 1 }
        }
        #expect(lines > 300)
        #expect(quiet + scanned == lines, "the bench corpus is all screenable")
        #expect(quiet * 2 > lines, "the screen clears most bench records (\(quiet) of \(lines))")
        #expect(scanned > 0)
    }

    @Test("over the bundled packs and the JSON Lines fixtures, every screened line agrees with a full check")
    func agreesOnFixtures() throws {
        let loaded = PolicyLoader.load(paths: [RepositoryPaths.rules])
        let policy = try #require(loaded.policy)
        var quiet = 0
        var scanned = 0
        for path in RepositoryPaths.files(under: RepositoryPaths.fixtures, suffix: ".jsonl") {
            var reader = try JSONLinesReader(path: path)
            while let raw = reader.nextRaw() {
                guard case .success(let bytes) = raw.content else { continue }
                let outcome = Self.screenAgrees(policy, bytes, lineNumber: raw.lineNumber, file: path)
                if Self.isQuiet(outcome) { quiet += 1 }
                if Self.isScanned(outcome) { scanned += 1 }
            }
        }
        // Listings and posts are screened (merchants are not: tax rules compare figures on every record).
        #expect(quiet > 0 && scanned > 0)
    }
}
