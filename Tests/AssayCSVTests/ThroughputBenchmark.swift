import Testing

@testable import AssayCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opt-in throughput measurement on a generated CJK-heavy Shopify-style export:
///
///     ASSAY_CSV_BENCH_MB=200 swift test -c release --scratch-path .build-csv-release \
///         --disable-xctest --filter "AssayCSVTests.ThroughputBenchmark"
///
/// Without the variable the test only checks a small file, so it stays fast.
@Suite("Throughput")
struct ThroughputBenchmark {
    @Test("a generated CJK-heavy export is read completely, reporting MB/s when asked")
    func throughput() throws {
        let megabytes = getenv("ASSAY_CSV_BENCH_MB").flatMap { Int(String(cString: $0)) } ?? 1
        let directory = TemporaryDirectory()
        let path = directory.path + "/bench.csv"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        var chunk: [UInt8] = Array("Handle,Title,Body (HTML),Vendor,Product Category,Tags,Variant SKU,Variant Price\n".utf8)
        var written = 0
        var products = 0
        while written < megabytes << 20 {
            products += 1
            chunk += Array(
                ("p\(products),景德镇手工青花瓷茶具套装 正品保证 \(products),\"<p>精选高岭土，手工拉坯，釉下彩绘，\"\"最\"\"适合送礼。</p>\n"
                    + "<ul><li>容量：一百五十毫升，适合两到三人</li><li>产地：江西景德镇</li></ul>\",瓷韵旗舰店,"
                    + "家居 > 茶具 > 茶壶,\"茶具,礼品,青花瓷\",SKU-\(products),\(products % 500).00\n").utf8)
            if chunk.count >= 1 << 20 || written + chunk.count >= megabytes << 20 {
                written += chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        close(descriptor)

        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var rows = 0
        var lastLine = 0
        for event in try CSVReader(path: path) {
            guard case .row(let row) = event else {
                Issue.record("unexpected \(event)")
                break
            }
            rows += 1
            lastLine = row.line
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        #expect(rows == products + 1)
        #expect(lastLine == 2 * products)
        let mib = Double(written) / Double(1 << 20)
        print("CSVReader: \(rows) rows, \(Int(mib)) MiB in \(seconds) s = \(Int(mib / seconds)) MiB/s")
    }
}
