/// `assay-bench`: the benchmark peers and probes that need Swift (see bench/README.md).
///
///     assay-bench naive-regex PACKDIR CORPUS    every regex of PACKDIR/regexes.tsv over every text field, PCRE2 JIT
///     assay-bench latency PACKDIR CORPUS [N]    packs loaded once; N records checked one at a time (default 10000)
///     assay-bench load PACKDIR [RUNS] [THREADS] PolicyLoader parse + check + compile, median of RUNS (default 5),
///                                               on THREADS threads (default 1; 2 overlaps regex JIT with the automaton)
///     assay-bench text-stages PACKDIR CORPUS [N]  normalisation and the term automaton alone, texts in memory
///     assay-bench regex-stage PACKDIR CORPUS [N]  regex stage alone, records parsed up front: naive loop vs
///                                               Assay's check with PACKDIR/regex.assay only
///
/// Timing uses the monotonic clock (`DispatchTime`); output is `key=value` pairs on one line, for bench/bench.py.
import Assay
import AssayJSON
import Dispatch
import Foundation

/// Nanoseconds on the monotonic clock.
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Seconds taken by the fastest of three runs of `body`.
func bestOfThree(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let start = now()
        body()
        best = min(best, Double(now() - start) / 1e9)
    }
    return best
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

/// Loads packs or exits with the rendered diagnostics.
func loadPolicy(_ packDir: String, threads: Int = 1) throws -> PolicySet {
    let loaded = PolicyLoader.load(paths: [packDir], threads: threads)
    guard let policy = loaded.policy else {
        throw BenchError("the packs in \(packDir) do not load: \(loaded.diagnostics.count) diagnostics")
    }
    return policy
}

func naiveRegex(packDir: String, corpus: String) throws {
    let scanner = try NaiveRegexScanner(tsvPath: packDir + "/regexes.tsv")
    let start = now()
    let result = try scanner.run(corpus: corpus)
    let seconds = Double(now() - start) / 1e9
    let bytes = fileSize(corpus)
    print(
        "regexes=\(scanner.patternCount) jit=\(scanner.allJIT) records=\(result.records)"
            + " records_matched=\(result.recordsMatched) matches=\(result.matches) text_bytes=\(result.textBytes)"
            + " bytes=\(bytes) seconds=\(format(seconds, 3)) mb_per_s=\(format(Double(bytes) / 1e6 / seconds))")
}

func latency(packDir: String, corpus: String, count: Int) throws {
    let policy = try loadPolicy(packDir)
    var records: [Record] = []
    var reader = try JSONLinesReader(path: corpus)
    while records.count < count, let line = reader.next() {
        guard case .success(let value) = line.result else { continue }
        records.append(try Record(json: value, origin: RecordOrigin(file: corpus, line: line.lineNumber)))
    }
    guard !records.isEmpty else { throw BenchError("no records in \(corpus)") }
    // Warm-up: first touch of tables and allocator pools is not what a long-running service sees.
    var sink = 0
    for record in records.prefix(200) { sink &+= policy.check(record).violations.count }
    var samples: [Double] = []
    samples.reserveCapacity(records.count)
    for record in records {
        let start = now()
        let result = policy.check(record)
        let elapsed = now() - start
        sink &+= result.violations.count
        samples.append(Double(elapsed) / 1000)
    }
    samples.sort()
    let mean = samples.reduce(0, +) / Double(samples.count)
    print(
        "records=\(samples.count) p50_us=\(format(percentile(samples, 50))) p90_us=\(format(percentile(samples, 90)))"
            + " p99_us=\(format(percentile(samples, 99))) max_us=\(format(samples.last ?? 0)) mean_us=\(format(mean))"
            + " violations=\(sink)")
}

func load(packDir: String, runs: Int, threads: Int) throws {
    var samples: [Double] = []
    var rules = 0
    for _ in 0..<max(runs, 1) {
        let start = now()
        let policy = try loadPolicy(packDir, threads: threads)
        samples.append(Double(now() - start) / 1e6)
        rules = policy.rules.count
    }
    samples.sort()
    print(
        "rules=\(rules) threads=\(threads) runs=\(samples.count) median_ms=\(format(percentile(samples, 50)))"
            + " min_ms=\(format(samples.first ?? 0)) max_ms=\(format(samples.last ?? 0))")
}

/// The regex stage without reading, parsing or loading: the first N records are parsed up front, then the
/// naive loop (every regex over every field) and `PolicySet.check` with the regex pack alone (normalisation,
/// atom automaton, digit counts, set prefilters, the regexes that remain, validators, violations) each run
/// over all of them, three times; the best time of each is reported.
func regexStage(packDir: String, corpus: String, count: Int) throws {
    let scanner = try NaiveRegexScanner(tsvPath: packDir + "/regexes.tsv")
    let policy = try loadPolicy(packDir + "/regex.assay")
    var values: [JSONValue] = []
    var records: [Record] = []
    var reader = try JSONLinesReader(path: corpus)
    while records.count < count, let line = reader.next() {
        guard case .success(let value) = line.result else { continue }
        values.append(value)
        records.append(try Record(json: value, origin: RecordOrigin(file: corpus, line: line.lineNumber)))
    }
    guard !records.isEmpty else { throw BenchError("no records in \(corpus)") }
    var naiveBest = Double.infinity
    var assayBest = Double.infinity
    var naiveMatches = 0
    var violations = 0
    var textBytes = 0
    for _ in 0..<3 {
        var start = now()
        naiveMatches = 0
        textBytes = 0
        for value in values { naiveMatches += scanner.countMatches(inRecord: value, textBytes: &textBytes) }
        naiveBest = min(naiveBest, Double(now() - start) / 1e9)
        start = now()
        violations = 0
        for record in records { violations += policy.check(record).violations.count }
        assayBest = min(assayBest, Double(now() - start) / 1e9)
    }
    print(
        "records=\(records.count) text_bytes=\(textBytes) naive_s=\(format(naiveBest, 3)) assay_s=\(format(assayBest, 3))"
            + " naive_text_mb_per_s=\(format(Double(textBytes) / 1e6 / naiveBest))"
            + " assay_text_mb_per_s=\(format(Double(textBytes) / 1e6 / assayBest))"
            + " ratio=\(format(naiveBest / assayBest, 2)) naive_matches=\(naiveMatches) assay_violations=\(violations)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("naive-regex", 3):
        try naiveRegex(packDir: arguments[1], corpus: arguments[2])
    case ("latency", 3), ("latency", 4):
        try latency(packDir: arguments[1], corpus: arguments[2], count: arguments.count == 4 ? Int(arguments[3]) ?? 10000 : 10000)
    case ("regex-stage", 3), ("regex-stage", 4):
        try regexStage(packDir: arguments[1], corpus: arguments[2], count: arguments.count == 4 ? Int(arguments[3]) ?? 20000 : 20000)
    case ("text-stages", 3), ("text-stages", 4):
        try textStages(packDir: arguments[1], corpus: arguments[2], count: arguments.count == 4 ? Int(arguments[3]) ?? 20000 : 20000)
    case ("load", 2), ("load", 3), ("load", 4):
        try load(
            packDir: arguments[1], runs: arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5,
            threads: arguments.count == 4 ? max(1, Int(arguments[3]) ?? 1) : 1)
    default:
        FileHandle.standardError.write(Data("""
            usage: assay-bench naive-regex PACKDIR CORPUS
                   assay-bench latency PACKDIR CORPUS [N]
                   assay-bench load PACKDIR [RUNS] [THREADS]
                   assay-bench regex-stage PACKDIR CORPUS [N]
                   assay-bench text-stages PACKDIR CORPUS [N]

            """.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("assay-bench: \(error)\n".utf8))
    exit(2)
}
