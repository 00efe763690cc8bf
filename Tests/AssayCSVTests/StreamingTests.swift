import Testing

@testable import AssayCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Streaming from files and descriptors")
struct StreamingTests {
    /// Input with a BOM, CRLF rows, CRLF and CR inside quotes, doubled quotes,
    /// CJK text, blank lines, every kind of error and no final newline, so that
    /// some tiny chunk size splits each construct.
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("Handle,Title,Body (HTML)\r\n"
                + "h1,\"高仿 \"\"一比一\"\"\",\"<p>第一行</p>\r\n<p>第二行</p>\rend\"\r\n"
                + "\r\n"
                + "h2,\"abc\"x,bad\r\n"
                + "h3,,\"\"\"\"\r\n"
                + "h4,\"never closed,\r\n"
                + "h5,\"ok\"  ,\"\r\"\r\n").utf8)
        + [0x68, 0x36, 0x2C, 0xE6, 0xAD, 0xA3, 0xFF, 0x0D, 0x0A]
        + Array("h7,\"最后\",末".utf8)

    @Test("tiny read chunks split quotes, CRLF, the BOM and CJK bytes anywhere without changing the result")
    func chunkBoundaries() {
        let expected = summary(Array(CSVReader(bytes: Self.tricky)))
        #expect(
            expected == [
                "1: Handle|Title|Body (HTML)",
                "2: h1|高仿 \"一比一\"|<p>第一行</p>\n<p>第二行</p>\nend",
                "error 6:2 unexpected 'x' after the closing quote of a quoted field"
                    + " (a quote inside a quoted field must be doubled)",
                "7: h3||\"",
                "error 8:2 unexpected 'o' after the closing quote of a quoted field"
                    + " (a quote inside a quoted field must be doubled)",
                "9: h5|ok|\n",
                "error 11:2 invalid UTF-8 (byte 0xFF at byte 4 of the field) in field 2; the row is skipped",
                "12: h7|最后|末",
            ])
        for chunk in 1...9 {
            let split = summary(Array(CSVReader(bytes: Self.tricky, chunkSize: chunk)))
            #expect(split == expected, "chunk size \(chunk)")
        }
        let lines = rows(Array(CSVReader(bytes: Self.tricky, chunkSize: 2))).map(\.fieldLines)
        #expect(lines == [[1, 1, 1], [2, 2, 2], [7, 7, 7], [9, 9, 9], [12, 12, 12]])
    }

    @Test("a CJK file of tens of megabytes streams from disk in 64 KiB chunks with the right line numbers")
    func largeFile() throws {
        let directory = TemporaryDirectory()
        var bytes: [UInt8] = Array("Handle,Title,Body (HTML),Vendor,Variant Price\n".utf8)
        let count = 260_000
        var expectedLines: [Int] = []
        var line = 2
        for index in 1...count {
            expectedLines.append(line)
            if index % 10 == 0 {
                // A three-line quoted HTML body every tenth row.
                bytes += Array(
                    "p\(index),\"正品保证 第一 \(index)\",\"<p>全网最低价，\"\"限时\"\"抢购</p>\n<ul><li>纯棉，透气</li>\n</ul>\",品牌\(index % 97),\(index).99\n"
                        .utf8)
                line += 3
            } else {
                bytes += Array("p\(index),高品质纯棉T恤 男款 \(index),<p>舒适透气，四季可穿</p>,品牌\(index % 97),\(index).00\r\n".utf8)
                line += 1
            }
        }
        #expect(bytes.count > 25_000_000)
        let path = directory.file("large.csv", containing: bytes)
        var seen = 0
        for event in try CSVReader(path: path) {
            guard case .row(let row) = event else {
                Issue.record("unexpected \(event)")
                break
            }
            if seen > 0 {
                let index = seen
                guard row.line == expectedLines[index - 1], row.fields[0] == "p\(index)", row.fields.count == 5 else {
                    Issue.record("row \(index) at line \(row.line): \(row.fields)")
                    break
                }
                if index % 10 == 0 {
                    #expect(row.fields[2] == "<p>全网最低价，\"限时\"抢购</p>\n<ul><li>纯棉，透气</li>\n</ul>")
                    #expect(row.fieldLines[3] == row.line + 2)
                }
            }
            seen += 1
        }
        #expect(seen == count + 1)
    }

    @Test("an unreadable path throws an error with the system's reason")
    func missingFile() {
        #expect(throws: CSVError(line: 0, column: nil, message: "cannot open '/nonexistent/assay/x.csv': No such file or directory")) {
            try CSVReader(path: "/nonexistent/assay/x.csv")
        }
        #expect(throws: CSVError(line: 0, column: nil, message: "cannot open '/tmp': Is a directory")) {
            try CSVReader(path: "/tmp")
        }
    }

    @Test("reading from a pipe descriptor works like reading a file")
    func pipeDescriptor() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,\"b\nc\"\r\n二,三".utf8)
        _ = payload.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        #expect(summary(Array(CSVReader(fileDescriptor: ends[0]))) == ["1: a|b\nc", "3: 二|三"])
    }

    @Test("a read error yields a final error event instead of silently stopping")
    func readError() {
        let descriptor = open("/tmp", O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(summary(Array(CSVReader(fileDescriptor: descriptor))) == ["error 1:- read error: Is a directory"])
    }
}
