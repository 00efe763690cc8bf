import AssayJSON
import Foundation
import Testing
@testable import Assay

/// The HTML triage report as text: escaping of hostile input, folding of identical findings, ranking,
/// rule anchors and reference links, determinism, the empty run. (`HTMLReportBrowserTests` in the CLI
/// tests drives the same report through headless Chromium.)
@Suite struct HTMLReportTests {
    static let policy: PolicySet? = PolicyLoader.load(paths: [RepositoryPaths.rules]).policy

    /// Ignores everything (the fan-out collects the run).
    struct Quiet: CheckReporter {
        mutating func record(_ record: Record, result: CheckResult) {}
        mutating func inputError(_ error: RecordError) {}
        mutating func finish(_ summary: CheckSummary) {}
    }

    /// Checks `inputs` with the repository's packs and returns the collected run.
    static func collect(_ inputs: [String], filters: [any ViolationFilter] = []) throws -> CollectedRun {
        let policy = try #require(Self.policy, "the repository packs load")
        var reporter = FanOutReporter(
            live: Quiet(), policy: policy,
            documents: [(reporter: HTMLReportReporter(), path: NSTemporaryDirectory() + "assay-html-unused-\(UUID().uuidString).html")])
        InputChecker(policy: policy, filters: filters).run(inputs: inputs, reporter: &reporter)
        return reporter.run
    }

    /// Writes JSON Lines to a temporary file and returns its path.
    static func jsonl(_ lines: [String]) throws -> String {
        let path = NSTemporaryDirectory() + "assay-html-\(UUID().uuidString).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func hostileTextIsEscaped() throws {
        let path = try Self.jsonl([
            #"{"id": "X<1>", "kind": "listing", "market": "CN", "title": "<script>alert('x')</script>最低价 \"><img src=x onerror=alert(1)>", "seller_id": "\"><script>alert(2)</script>"}"#
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.collect([path])
        #expect(!run.findings.isEmpty)
        let html = HTMLReportReporter().render(run)
        // Exactly one script element: the report's own.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<script>alert"))
        // The match is highlighted inside the escaped context.
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<mark>最低价</mark> &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("data-seller=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""))
        #expect(html.contains("<option value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</option>"))
        #expect(html.contains("data-record=\"X&lt;1&gt;\""))
    }

    @Test func escapingPrimitives() {
        #expect(HTMLEscaping.text("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTMLEscaping.text("nul\u{0}bel\u{7}") == "nul\u{FFFD}bel\u{FFFD}")
        #expect(HTMLEscaping.visible("最\u{200B}佳\u{202E}x\ny").contains("<span class=\"cp\" title=\"invisible character U+200B\">U+200B</span>"))
        #expect(HTMLEscaping.visible("a\u{202E}b").contains("U+202E"))
        #expect(!HTMLEscaping.visible("a\u{202E}b").unicodeScalars.contains("\u{202E}"))
        #expect(HTMLEscaping.safeURL("javascript:alert(1)") == nil)
        #expect(HTMLEscaping.safeURL("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&amp;c=2")
        #expect(HTMLEscaping.safeURL("https://x\" onmouseover=\"y") == nil)
        #expect(HTMLEscaping.fragmentValue("同城 小王&x=1") == "%E5%90%8C%E5%9F%8E%20%E5%B0%8F%E7%8E%8B%26x%3D1")
    }

    @Test func sha256AndContentSecurityPolicy() {
        #expect(HTMLReportSHA256.hex(HTMLReportSHA256.digest(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(HTMLReportSHA256.hex(HTMLReportSHA256.digest([UInt8]()))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(HTMLReportSHA256.hex(HTMLReportSHA256.digest(long))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(HTMLReportSHA256.base64(Array("Ma".utf8)) == "TWE=")
        let html = HTMLReportReporter().render(CollectedRun(policy: Self.policy!))
        #expect(html.contains("script-src '\(HTMLReportSHA256.cspSource(HTMLReportStyle.script))'"))
        #expect(html.contains("<script>" + HTMLReportStyle.script + "</script>"))
        #expect(!HTMLReportStyle.script.contains("</script"))
    }

    @Test func identicalFindingsInARecordFoldIntoOneRowWithACount() throws {
        let path = try Self.jsonl([
            #"{"id": "D1", "kind": "listing", "market": "CN", "title": "最佳面膜 最佳口感 最 佳", "seller_id": "S9"}"#,
            #"{"id": "D2", "kind": "listing", "market": "CN", "title": "最佳面膜", "seller_id": "S9"}"#,
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.collect([path])
        let absolute = run.findings.filter { $0.violation.rule == "ADV-CN-ABSOLUTE" }
        #expect(absolute.count == 4)
        let rows = HTMLReportReporter.rows(run).filter { $0.finding.violation.rule == "ADV-CN-ABSOLUTE" }
        #expect(rows.map(\.count) == [3, 1])
        #expect(rows.map(\.finding.record.id) == ["D1", "D2"])
        let html = HTMLReportReporter().render(run)
        #expect(html.contains("data-record=\"D1\" data-fingerprint=\"\(rows[0].finding.fingerprint)\" data-count=\"3\""))
        #expect(html.contains(">×3</span>"))
        let all = HTMLReportReporter.rows(run).count
        #expect(html.contains("\(all) of \(all) shown"))
    }

    @Test func rowsAreRankedBySeverityThenRuleThenRecord() throws {
        let run = try Self.collect([RepositoryPaths.fixtures + "/listings.jsonl", RepositoryPaths.fixtures + "/posts.jsonl",
            RepositoryPaths.fixtures + "/merchants.jsonl"])
        let rows = HTMLReportReporter.rows(run)
        #expect(rows.count > 10)
        for (a, b) in zip(rows, rows.dropFirst()) {
            let va = a.finding.violation, vb = b.finding.violation
            #expect(va.severity >= vb.severity)
            if va.severity == vb.severity {
                #expect(va.rule <= vb.rule)
                if va.rule == vb.rule { #expect(va.record <= vb.record) }
            }
        }
        // The rows appear in that order in the document.
        let html = HTMLReportReporter().render(run)
        var cursor = html.startIndex
        for row in rows {
            let marker = "data-fingerprint=\"\(row.finding.fingerprint)\""
            let found = try #require(html.range(of: marker, range: cursor..<html.endIndex), "row \(row.rank) in order")
            cursor = found.upperBound
        }
        #expect(html.contains("id=\"finding-1\" data-index=\"0\" data-severity=\"\(rows[0].finding.violation.severity.rawValue)\""))
    }

    @Test func ruleAnchorsReferencesAndExamples() throws {
        let run = try Self.collect([RepositoryPaths.fixtures + "/listings.jsonl", RepositoryPaths.fixtures + "/posts.jsonl"])
        let html = HTMLReportReporter().render(run)
        let policy = try #require(Self.policy)
        for rule in policy.rules { #expect(html.contains("id=\"rule-\(rule.id)\""), "anchor for \(rule.id)") }
        #expect(html.contains("<a href=\"#rule-ADV-CN-ABSOLUTE\" class=\"rule-link\">"))
        // The rule's references: title linked to its URL, with the checked date.
        let absolute = try #require(policy.rule("ADV-CN-ABSOLUTE"))
        let first = try #require(absolute.references.first)
        #expect(html.contains("<a href=\"\(first.url!)\" target=\"_blank\" rel=\"noopener noreferrer\">\(HTMLEscaping.text(first.title))</a><span class=\"checked\">checked \(first.checked!)</span>"))
        // Each finding links to its first reference with a URL.
        #expect(html.contains("<a class=\"law\" href=\"\(first.url!)\""))
        // Description, pack and examples (an evasion's zero-width space shown as a tag).
        #expect(html.contains(HTMLEscaping.visible(absolute.description!)))
        #expect(html.contains("<dt>Pack</dt><dd><code>advertising</code>"))
        #expect(html.contains("<span class=\"tag tag-fires\">fires</span>"))
        #expect(html.contains("<span class=\"tag tag-passes\">passes</span>"))
        #expect(html.contains("补水最<span class=\"cp\" title=\"invisible character U+200B\">U+200B</span>佳"))
        // Chart bars link to fragment filters.
        #expect(html.contains("href=\"#severity=high\""))
        #expect(html.contains("href=\"#rule=ADV-CN-ABSOLUTE\""))
    }

    @Test func summaryCountsSellersAndFilteredFindings() throws {
        var run = try Self.collect([RepositoryPaths.fixtures + "/listings.jsonl", RepositoryPaths.fixtures + "/posts.jsonl",
            RepositoryPaths.fixtures + "/merchants.jsonl", RepositoryPaths.fixtures + "/malformed"])
        run.summary.filtered = ["baseline": 7, "suppressed": 2]
        let html = HTMLReportReporter().render(run)
        #expect(html.contains("<div class=\"card kpi\" id=\"kpi-filtered-baseline\"><div class=\"value\">7</div><div class=\"label\">Removed by baseline</div>"))
        #expect(html.contains("id=\"kpi-filtered-suppressed\"><div class=\"value\">2</div>"))
        #expect(html.contains("id=\"kpi-records-checked\"><div class=\"value\">\(run.summary.recordsChecked)</div>"))
        #expect(run.summary.inputErrors > 0)
        #expect(html.contains("id=\"input-errors\""))
        for id in ["chart-severity", "chart-category", "chart-rule", "chart-seller"] { #expect(html.contains("id=\"\(id)\"")) }
        // Sellers: a listing's seller_id, a post's author, a merchant's id.
        let sellers = Set(run.findings.compactMap { HTMLReportReporter.seller(of: $0.record) })
        #expect(sellers.contains("S1001"))
        #expect(sellers.contains("同城闲置小王"))
        #expect(sellers.contains("m03"))
        #expect(html.contains("<option value=\"同城闲置小王\">同城闲置小王</option>"))
        // The seller chart's top entry links to a fragment filter (percent-encoded).
        var counts: [String: Int] = [:]
        for finding in run.findings { if let s = HTMLReportReporter.seller(of: finding.record) { counts[s, default: 0] += 1 } }
        let top = try #require(HTMLReportReporter.ranked(counts).first)
        #expect(html.contains("href=\"#seller=\(HTMLEscaping.fragmentValue(top.0))\""))
    }

    @Test func hiddenTextIsFlagged() throws {
        let run = try Self.collect([RepositoryPaths.fixtures + "/google-merchant-feed.xml"])
        let hidden = run.findings.filter { $0.violation.textSource?.isHidden == true }
        #expect(!hidden.isEmpty)
        let html = HTMLReportReporter().render(run)
        #expect(html.contains("class=\"finding hidden-text\""))
        #expect(html.contains("hidden from shoppers · alt"))
        // The evidence is cut from the extracted text the offsets index.
        let alt = try #require(hidden.first { $0.violation.match == "1:1 mirror" })
        #expect(HTMLReportReporter.evidenceHTML(alt.violation, in: alt.record) == "LV replica tote <mark>1:1 mirror</mark> quality")
        #expect(html.contains("id=\"kpi-hidden\"><div class=\"value\">\(hidden.count)</div>"))
    }

    @Test func evidenceIsCutAroundTheMatch() throws {
        let long = String(repeating: "甲", count: 60) + "最佳" + String(repeating: "乙", count: 60)
        let path = try Self.jsonl([#"{"id": "E1", "kind": "listing", "market": "CN", "title": "\#(long)"}"#])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.collect([path])
        let finding = try #require(run.findings.first { $0.violation.rule == "ADV-CN-ABSOLUTE" })
        let evidence = HTMLReportReporter.evidenceHTML(finding.violation, in: finding.record)
        let radius = HTMLReportReporter.contextRadius
        #expect(evidence == "<span class=\"ellipsis\">…</span>" + String(repeating: "甲", count: radius) + "<mark>最佳</mark>"
            + String(repeating: "乙", count: radius) + "<span class=\"ellipsis\">…</span>")
    }

    @Test func outputIsDeterministic() throws {
        let inputs = [RepositoryPaths.fixtures + "/listings.jsonl", RepositoryPaths.fixtures + "/posts.jsonl",
            RepositoryPaths.fixtures + "/merchants.jsonl"]
        let first = HTMLReportReporter().render(try Self.collect(inputs))
        let second = HTMLReportReporter().render(try Self.collect(inputs))
        #expect(first == second)
        #expect(!first.contains("Generated 2"))
        let stamped = HTMLReportReporter(title: "Weekly <review>", generatedAt: "2026-11-20 09:00 UTC").render(try Self.collect(inputs))
        #expect(stamped.contains("<span>Generated 2026-11-20 09:00 UTC</span>"))
        #expect(stamped.contains("<title>Weekly &lt;review&gt;</title>"))
    }

    @Test func emptyRunRenders() throws {
        let policy = try #require(Self.policy)
        let html = HTMLReportReporter().render(CollectedRun(policy: policy))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("0 of 0 shown"))
        #expect(html.contains("id=\"no-findings\""))
        #expect(html.contains("id=\"rule-ADV-CN-ABSOLUTE\""))
        #expect(!html.contains("http-equiv=\"refresh\""))
        // Self-contained: the only URLs are the rules' references.
        #expect(!html.contains("<link "))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("@import"))
    }
}
