import Assay
import Foundation
import Testing

/// The HTML triage report in a real browser: headless Chromium from Debian's packages
/// (`bash scripts/install-browser.sh` installs `chromium` and `fonts-noto-cjk`). The report is rendered
/// from the repository's packs over the fixtures plus a hostile record, written to a temporary file and
/// loaded with a URL fragment; `--dump-dom` gives the DOM after the page's script ran.
@Suite(.serialized) struct HTMLReportBrowserTests {
    /// The hostile record: markup in the title, the seller and the id, meant to run script if unescaped.
    static let hostile = #"""
        {"id": "H<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">", "kind": "listing", "market": "CN", "title": "<script>document.title=1</script>全网最低价 gucci <svg onload=document.title=3>", "seller_id": "\"><script>document.documentElement.setAttribute('data-pwned','1')</script>"}
        """#

    struct Report {
        let path: String
        let rows: [(severity: String, seller: String, rule: String)]
        let severities: [String: Int]
    }

    /// Ignores everything (the fan-out collects the run and writes the report).
    struct Quiet: CheckReporter {
        mutating func record(_ record: Record, result: CheckResult) {}
        mutating func inputError(_ error: RecordError) {}
        mutating func finish(_ summary: CheckSummary) {}
    }

    static let report: Result<Report, any Error> = Result {
        let root = AssayProcess.repositoryRoot
        let loaded = PolicyLoader.load(paths: [root + "/rules"])
        guard let policy = loaded.policy else { throw BrowserTestError("the repository packs do not load") }
        let directory = try AssayProcess.temporaryDirectory()
        let hostilePath = directory + "/hostile.jsonl"
        try (hostile + "\n").write(toFile: hostilePath, atomically: true, encoding: .utf8)
        let inputs = ["listings.jsonl", "posts.jsonl", "merchants.jsonl", "google-merchant-feed.xml"].map { root + "/fixtures/" + $0 }
            + [hostilePath]
        let path = directory + "/report.html"
        var reporter = FanOutReporter(live: Quiet(), policy: policy, documents: [(reporter: HTMLReportReporter(), path: path)])
        InputChecker(policy: policy).run(inputs: inputs, reporter: &reporter)
        guard reporter.writeErrors.isEmpty else { throw BrowserTestError("report not written: \(reporter.writeErrors)") }
        // What the table should hold: one row per fingerprint within a record.
        var seen = Set<String>()
        var rows: [(severity: String, seller: String, rule: String)] = []
        var severities: [String: Int] = [:]
        for finding in reporter.run.findings where seen.insert(finding.record.origin.file + "|" + finding.record.id + "|" + finding.fingerprint).inserted {
            let fields = finding.record.fields
            let seller: String
            switch finding.record.kind {
            case .listing: seller = fields["seller_id"]?.stringValue ?? ""
            case .post: seller = fields["author"]?.stringValue ?? ""
            case .merchant: seller = finding.record.id
            }
            rows.append((finding.violation.severity.rawValue, seller, finding.violation.rule))
            severities[finding.violation.severity.rawValue, default: 0] += 1
        }
        return Report(path: path, rows: rows, severities: severities)
    }

    struct BrowserTestError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `chromium` (or `chromium-browser`) on PATH; records an issue saying how to install it when absent.
    static func browser(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for directory in path.split(separator: ":") {
                let candidate = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        Issue.record(
            "Chromium is missing, so the HTML report cannot be checked in a browser: run `bash scripts/install-browser.sh` (apt-get install chromium fonts-noto-cjk)",
            sourceLocation: sourceLocation)
        return nil
    }

    /// Runs headless Chromium with `arguments` and the report's URL plus `fragment`; returns standard output.
    static func chromium(_ browser: String, _ arguments: [String], fragment: String = "") throws -> String {
        let report = try Self.report.get()
        let profile = try AssayProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=2000",
        ] + arguments + [URL(fileURLWithPath: report.path).absoluteString + fragment]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var data = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            data = out.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        if done.wait(timeout: .now() + 90) == .timedOut {
            process.terminate()
            throw BrowserTestError("chromium did not finish within 90 s")
        }
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The DOM after scripts ran, for the report opened at `fragment`.
    static func dom(_ browser: String, fragment: String) throws -> String {
        let dom = try chromium(browser, ["--dump-dom"], fragment: fragment)
        guard dom.contains("data-ready=\"true\"") else {
            throw BrowserTestError("the page's script did not run (no data-ready on <html>):\n\(dom.prefix(600))")
        }
        return dom
    }

    /// The opening tags of the finding rows, in document order, as attribute dictionaries.
    static func rows(in dom: String) -> [[String: String]] {
        let tag = try! Regex(#"<tr class="finding[^"]*"[^>]*>"#)
        let attribute = try! Regex(#"([a-z-]+)(?:="([^"]*)")?"#)
        return dom.matches(of: tag).map { match in
            var attributes: [String: String] = [:]
            for pair in String(dom[match.range]).dropFirst(3).matches(of: attribute) {
                let name = pair.output[1].substring.map(String.init) ?? ""
                attributes[name] = pair.output[2].substring.map(String.init) ?? ""
            }
            return attributes
        }
    }

    static func shownText(in dom: String) -> String? {
        let counter = try! Regex(#"id="shown-count"[^>]*>([^<]*)<"#)
        return dom.firstMatch(of: counter).flatMap { $0.output[1].substring.map(String.init) }
    }

    @Test func rendersAndFiltersBySeverityFromTheFragment() throws {
        guard let browser = Self.browser() else { return }
        let report = try Self.report.get()
        let dom = try Self.dom(browser, fragment: "#severity=high")
        #expect(dom.contains("id=\"summary\""))
        #expect(dom.contains("id=\"chart-severity\""))
        let rows = Self.rows(in: dom)
        #expect(rows.count == report.rows.count)
        let visible = rows.filter { $0["data-visible"] == "true" }
        let hidden = rows.filter { $0["data-visible"] == "false" }
        #expect(visible.count == report.severities["high"] ?? -1)
        #expect(visible.count > 0 && hidden.count > 0)
        #expect(visible.allSatisfy { $0["data-severity"] == "high" && $0["hidden"] == nil })
        #expect(hidden.allSatisfy { $0["data-severity"] != "high" && $0["hidden"] != nil })
        #expect(Self.shownText(in: dom) == "\(visible.count) of \(rows.count) shown")
    }

    @Test func combinedAndFreeTextFiltersFromTheFragment() throws {
        guard let browser = Self.browser() else { return }
        let report = try Self.report.get()
        // A Chinese author, percent-encoded in the fragment, matched as free text.
        let author = "同城闲置小王"
        let query = author.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let dom = try Self.dom(browser, fragment: "#q=" + query)
        let visible = Self.rows(in: dom).filter { $0["data-visible"] == "true" }
        let expected = report.rows.filter { $0.seller == author }.count
        #expect(expected > 0)
        #expect(visible.count == expected)
        #expect(visible.allSatisfy { $0["data-seller"] == author })
        #expect(Self.shownText(in: dom) == "\(expected) of \(report.rows.count) shown")

        // Several filters at once: severity and category and a free-text term.
        let combined = try Self.dom(browser, fragment: "#severity=high,critical&category=counterfeit&q=gucci")
        let shown = Self.rows(in: combined).filter { $0["data-visible"] == "true" }
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { ["high", "critical"].contains($0["data-severity"] ?? "") && $0["data-category"] == "counterfeit" })
        #expect(shown.count < report.rows.count)

        // A text nobody wrote: nothing shown, the empty-state row appears.
        let none = try Self.dom(browser, fragment: "#q=zz-no-such-text-zz")
        #expect(Self.rows(in: none).allSatisfy { $0["data-visible"] == "false" })
        #expect(Self.shownText(in: none) == "0 of \(report.rows.count) shown")
        #expect(none.contains("<tr id=\"no-match\">"))
    }

    @Test func sortsByAColumnFromTheFragment() throws {
        guard let browser = Self.browser() else { return }
        let rank = ["info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4]
        // Default order: most severe first.
        let ranked = Self.rows(in: try Self.dom(browser, fragment: "")).map { rank[$0["data-severity"] ?? ""] ?? -1 }
        #expect(ranked == ranked.sorted(by: >))
        // `sort=severity`: ascending, least severe first; the header says so.
        let dom = try Self.dom(browser, fragment: "#sort=severity")
        let ascending = Self.rows(in: dom).map { rank[$0["data-severity"] ?? ""] ?? -1 }
        #expect(ascending == ascending.sorted())
        #expect(ascending.first != ranked.first)
        #expect(dom.contains(#"<th data-key="severity" aria-sort="ascending""#))
        #expect(dom.contains(#"data-sort="severity""#))
        // `sort=-seller`: descending by seller, every row still there.
        let bySeller = Self.rows(in: try Self.dom(browser, fragment: "#sort=-seller"))
        #expect(bySeller.count == ranked.count)
        #expect(bySeller.first?["data-seller"] != Self.rows(in: try Self.dom(browser, fragment: "#sort=seller")).first?["data-seller"])
    }

    @Test func chineseTextAndHostileInputInTheDOM() throws {
        guard let browser = Self.browser() else { return }
        let dom = try Self.dom(browser, fragment: "")
        // Chinese evidence and names exactly as in the input.
        #expect(dom.contains("<mark>國家級</mark>"))
        #expect(dom.contains("美妆博主小鹿"))
        #expect(dom.contains("全网<mark>最低价</mark>"))
        // Hostile markup stayed text: nothing ran, nothing became an element.
        #expect(!dom.contains("data-pwned=\""))
        #expect(dom.contains("<title>Assay triage report</title>"))
        #expect(dom.contains("&lt;script&gt;document.title=1&lt;/script&gt;全网<mark>最低价</mark> gucci &lt;svg onload=document.title=3&gt;"))
        #expect(dom.contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt;"))
        #expect(!dom.contains("<img src=\"x\""))
        #expect(!dom.contains("<svg onload"))
        #expect(dom.contains("hidden from shoppers"))
        // Rule anchors and links.
        #expect(dom.contains("id=\"rule-ADV-CN-ABSOLUTE\""))
        #expect(dom.contains("href=\"#rule-ADV-CN-ABSOLUTE\""))
    }

    @Test func screenshotShowsThePage() throws {
        guard let browser = Self.browser() else { return }
        let fonts = Process()
        fonts.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        fonts.arguments = ["fc-list", ":lang=zh", "family"]
        let fontOut = Pipe()
        fonts.standardOutput = fontOut
        fonts.standardError = FileHandle.nullDevice
        if (try? fonts.run()) != nil {
            let list = String(decoding: fontOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            fonts.waitUntilExit()
            if list.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                Issue.record("no Chinese font is installed, so Chinese would show as boxes: run `bash scripts/install-browser.sh` (fonts-noto-cjk)")
            }
        }
        let directory = try AssayProcess.temporaryDirectory()
        let png = directory + "/report.png"
        _ = try Self.chromium(browser, ["--screenshot=" + png, "--window-size=1440,2400", "--hide-scrollbars"], fragment: "")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(data.count > 60_000, "a rendered report is not a blank page: \(data.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["ASSAY_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: png, toPath: keep)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
