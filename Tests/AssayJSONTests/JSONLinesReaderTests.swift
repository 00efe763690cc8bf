import Testing

@testable import AssayJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private func lines(_ text: String) -> [JSONLinesReader.Line] {
    Array(JSONLinesReader(bytes: Array(text.utf8)))
}

private func summary(_ lines: [JSONLinesReader.Line]) -> [String] {
    lines.map { line in
        switch line.result {
        case .success(let value): "\(line.lineNumber): \(JSONWriter.string(value))"
        case .failure(let error): "\(line.lineNumber): error \(error.line):\(error.column) \(error.message)"
        }
    }
}

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    @Test("each line is one record, numbered from 1")
    func basic() {
        #expect(summary(lines("{\"a\":1}\n[2]\n\"三\"\n")) == [#"1: {"a":1}"#, "2: [2]", #"3: "三""#])
    }

    @Test("CRLF line endings are stripped")
    func crlf() {
        #expect(summary(lines("{\"a\":1}\r\n{\"b\":\"二\"}\r\n")) == [#"1: {"a":1}"#, #"2: {"b":"二"}"#])
    }

    @Test("a UTF-8 BOM at the start of the file is skipped")
    func bom() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"b\":2}".utf8)
        #expect(summary(Array(JSONLinesReader(bytes: bytes))) == [#"1: {"a":1}"#, #"2: {"b":2}"#])
    }

    @Test("a file without a final newline still yields its last line")
    func missingFinalNewline() {
        #expect(summary(lines("[1]\n[2]")) == ["1: [1]", "2: [2]"])
    }

    @Test("blank and whitespace-only lines are skipped but counted")
    func blankLines() {
        #expect(summary(lines("\n[1]\n   \n\t\r\n\n[2]\n\n")) == ["2: [1]", "6: [2]"])
        #expect(lines("").isEmpty)
        #expect(lines("\n\n  \n").isEmpty)
    }

    @Test("a broken line between two good ones fails alone and reading goes on")
    func brokenLineInTheMiddle() {
        let result = summary(lines("{\"ok\":1}\n{\"标题\": \"高仿\" \"x\": 1}\n{\"ok\":3}\n"))
        #expect(
            result == [
                #"1: {"ok":1}"#,
                "2: error 2:13 expected ',' or '}' after object member",
                #"3: {"ok":3}"#,
            ])
    }

    @Test("a line longer than maxLineBytes is a failure and the next line is read normally")
    func overlongLineInMemory() {
        var reader = JSONLinesReader(bytes: Array("[1]\n\"\(String(repeating: "x", count: 100))\"\n[3]\n".utf8))
        reader.maxLineBytes = 50
        let result = summary(Array(reader))
        #expect(result.count == 3)
        #expect(result[0] == "1: [1]")
        #expect(result[1].hasPrefix("2: error 2:1 line is longer than maxLineBytes (50 bytes)"))
        #expect(result[2] == "3: [3]")
    }

    @Test("an overlong line spanning many read chunks is skipped without buffering it")
    func overlongLineStreamed() throws {
        let directory = TemporaryDirectory()
        let long = "\"" + String(repeating: "长", count: 10_000) + "\""
        let path = directory.file("long.jsonl", containing: Array("[1]\n\(long)\n[3]\n\(long)".utf8))
        var reader = try JSONLinesReader(path: path)
        reader.maxLineBytes = 1_000
        reader.chunkSize = 100
        let result = summary(Array(reader))
        #expect(result.count == 4)
        #expect(result[0] == "1: [1]")
        #expect(result[1].hasPrefix("2: error 2:1 line is longer than maxLineBytes"))
        #expect(result[2] == "3: [3]")
        #expect(result[3].hasPrefix("4: error 4:1 line is longer than maxLineBytes"))
    }

    @Test("tiny read chunks split lines, CRLF, BOM and CJK bytes anywhere without changing the result")
    func chunkBoundaries() throws {
        let directory = TemporaryDirectory()
        let text = "{\"标题\":\"正品\\u4fdd证\"}\r\n\n[1,2,3]\r\nbroken\n\"末行\""
        let path = directory.file("chunks.jsonl", containing: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let expected = summary(Array(JSONLinesReader(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))))
        #expect(expected.count == 4)
        for chunk in [1, 2, 3, 5, 7, 64] {
            var reader = try JSONLinesReader(path: path)
            reader.chunkSize = chunk
            #expect(summary(Array(reader)) == expected, "chunk size \(chunk)")
        }
    }

    @Test("a multi-megabyte file streams record by record with the right line numbers")
    func largeFile() throws {
        let directory = TemporaryDirectory()
        var bytes: [UInt8] = []
        let count = 40_000
        for index in 1...count {
            bytes += Array(
                #"{"id":\#(index),"title":"大牌同款 高仿包 一比一 \#(index)","price":"¥199.00","tags":["原单","尾单"]}"#.utf8)
            bytes.append(0x0A)
        }
        #expect(bytes.count > 4_000_000)
        let path = directory.file("large.jsonl", containing: bytes)
        var seen = 0
        for line in try JSONLinesReader(path: path) {
            seen += 1
            guard case .success(let value) = line.result, value["id"]?.numberValue?.intValue == line.lineNumber else {
                Issue.record("line \(line.lineNumber) did not parse to its id")
                break
            }
        }
        #expect(seen == count)
    }

    @Test("an unreadable path throws an error with the system's reason")
    func missingFile() {
        do {
            _ = try JSONLinesReader(path: "/nonexistent/assay/records.jsonl")
            Issue.record("expected an error")
        } catch let error as JSONLinesOpenError {
            #expect(error.errno == ENOENT)
            #expect(error.description == "cannot open '/nonexistent/assay/records.jsonl': No such file or directory")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a directory path is refused when opening")
    func directoryPath() {
        #expect(throws: JSONLinesOpenError.self) { try JSONLinesReader(path: "/tmp") }
    }

    @Test("a read error yields a final failure line instead of silently stopping")
    func readError() throws {
        let descriptor = open("/tmp", O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let result = summary(Array(JSONLinesReader(fileDescriptor: descriptor)))
        #expect(result == ["1: error 1:1 read error: Is a directory"])
    }

    @Test("reading from a pipe descriptor works like reading a file")
    func pipeDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = Array("[1]\n{\"a\":\"二\"}".utf8)
        _ = payload.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        #expect(summary(Array(JSONLinesReader(fileDescriptor: ends[0]))) == ["1: [1]", #"2: {"a":"二"}"#])
    }
}
