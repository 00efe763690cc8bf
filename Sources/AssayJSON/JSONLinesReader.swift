#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the records of a JSON Lines file (one JSON value per line) with bounded memory.
///
/// - Input is read with `read(2)` in 64 KiB chunks and split on `\n`; a
///   trailing `\r` is stripped (CRLF files) and a UTF-8 BOM at the very start of
///   the input is skipped.
/// - Blank and whitespace-only lines are not records: they are skipped, but
///   still counted, so ``Line/lineNumber`` is the 1-based line in the file.
/// - A line that fails to parse yields a `.failure` and reading goes on. In
///   such errors ``JSONParseError/line`` is the file line number, while
///   `byteOffset` and `column` are positions within that line.
/// - A line longer than ``maxLineBytes`` yields a failure for that line without
///   buffering it; reading resumes after its newline.
/// - The last line is returned even without a final newline.
/// - A read error yields one final failure line (message `read error: …`)
///   and then the sequence ends.
///
/// Copies of a reader share the underlying file descriptor (and its position),
/// so iterate only one copy.
public struct JSONLinesReader: Sequence, IteratorProtocol, Sendable {
    /// One non-blank line of the input.
    public struct Line: Sendable {
        /// 1-based line number in the input.
        public let lineNumber: Int
        /// The parsed record, or why this line is not valid JSON.
        public let result: Result<JSONValue, JSONParseError>
    }

    /// Longest accepted line in bytes (excluding the newline); default 64 MiB.
    public var maxLineBytes: Int = 64 << 20
    /// Maximum nesting depth passed to ``JSONParser``.
    public var maxDepth: Int = 512
    /// Bytes requested per `read(2)` call (internal so tests can force tiny chunks).
    var chunkSize: Int = 64 << 10

    private let source: FileDescriptorOwner?
    private var buffer: [UInt8]
    /// Unconsumed data is `buffer[start..<fill]`.
    private var start = 0
    private var fill: Int
    /// Where to continue searching for `\n` (everything in `start..<scanFrom` has none).
    private var scanFrom = 0
    private var atEnd: Bool
    private var finished = false
    private var lineNumber = 0
    private var atFileStart = true
    /// Set while skipping the rest of an over-long line.
    private var discardingLongLine = false

    /// Opens `path` for reading; `"-"` reads standard input.
    ///
    /// - Throws: ``JSONLinesOpenError`` with the system's reason if the file
    ///   cannot be opened or is a directory.
    public init(path: String) throws {
        if path == "-" {
            self.init(fileDescriptor: STDIN_FILENO)
            return
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            throw JSONLinesOpenError(path: path, errno: code, reason: FileDescriptorOwner.describe(errno: code))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            _ = close(descriptor)
            throw JSONLinesOpenError(path: path, errno: EISDIR, reason: FileDescriptorOwner.describe(errno: EISDIR))
        }
        self.init(owner: FileDescriptorOwner(descriptor: descriptor, closesOnDeinit: true))
    }

    /// Reads from an open file descriptor, which the reader does not close.
    public init(fileDescriptor: Int32) {
        self.init(owner: FileDescriptorOwner(descriptor: fileDescriptor, closesOnDeinit: false))
    }

    /// Reads from bytes already in memory.
    public init(bytes: [UInt8]) {
        source = nil
        buffer = bytes
        fill = bytes.count
        atEnd = true
    }

    private init(owner: FileDescriptorOwner) {
        source = owner
        buffer = []
        fill = 0
        atEnd = false
    }

    /// The next non-blank line, or `nil` at the end of the input.
    public mutating func next() -> Line? {
        guard let raw = nextRaw() else { return nil }
        switch raw.content {
        case .failure(let error): return Line(lineNumber: raw.lineNumber, result: .failure(error))
        case .success(let bytes): return Line(lineNumber: raw.lineNumber, result: Self.parse(bytes, lineNumber: raw.lineNumber, maxDepth: maxDepth))
        }
    }

    /// One non-blank line, not yet parsed (byte-order mark and trailing CR removed), or a read/length
    /// error: lets the caller parse lines on other threads with ``parse(_:lineNumber:maxDepth:)``.
    public struct RawLine: Sendable {
        /// 1-based physical line number.
        public let lineNumber: Int
        /// The line's bytes, or why it could not be read.
        public let content: Result<[UInt8], JSONParseError>
    }

    /// Parses one line's bytes as a JSON value; errors carry `lineNumber`.
    public static func parse(_ bytes: [UInt8], lineNumber: Int, maxDepth: Int = 512) -> Result<JSONValue, JSONParseError> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(buffer, maxDepth: maxDepth))
            } catch {
                return .failure(error.onLine(lineNumber))
            }
        }
    }

    /// The next non-blank line without parsing it; nil at the end of the input.
    public mutating func nextRaw() -> RawLine? {
        while !finished {
            let newline = findNewline()
            if let newline {
                let lineStart = start
                start = newline + 1
                scanFrom = start
                lineNumber += 1
                if discardingLongLine {
                    discardingLongLine = false
                    return longLineFailure()
                }
                if let line = process(lineStart..<newline) { return line }
                continue
            }
            if discardingLongLine {
                // Drop what we have of the long line; keep looking for its end.
                start = fill
                scanFrom = fill
            } else if fill - start > maxLineBytes {
                discardingLongLine = true
                start = fill
                scanFrom = fill
                atFileStart = false
            }
            if atEnd {
                finished = true
                if discardingLongLine {
                    lineNumber += 1
                    discardingLongLine = false
                    return longLineFailure()
                }
                if start < fill {
                    lineNumber += 1
                    let range = start..<fill
                    start = fill
                    return process(range)
                }
                return nil
            }
            if let failure = readMore() { return failure }
        }
        return nil
    }

    /// Index of the next `\n` in the unconsumed data, or `nil`.
    private mutating func findNewline() -> Int? {
        guard scanFrom < fill else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress,
                let hit = memchr(base + scanFrom, 0x0A, fill - scanFrom)
            else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        if found == nil { scanFrom = fill }
        return found
    }

    /// Parses one line's bytes, or returns `nil` for a blank line.
    private mutating func process(_ range: Range<Int>) -> RawLine? {
        var lower = range.lowerBound
        var upper = range.upperBound
        if atFileStart {
            atFileStart = false
            if upper - lower >= 3, buffer[lower] == 0xEF, buffer[lower + 1] == 0xBB, buffer[lower + 2] == 0xBF {
                lower += 3
            }
        }
        if upper > lower, buffer[upper - 1] == 0x0D { upper -= 1 }
        if upper - lower > maxLineBytes { return longLineFailure() }
        var blank = true
        for index in lower..<upper {
            let byte = buffer[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                blank = false
                break
            }
        }
        if blank { return nil }
        return RawLine(lineNumber: lineNumber, content: .success(Array(buffer[lower..<upper])))
    }

    private func longLineFailure() -> RawLine {
        let error = JSONParseError(
            message: "line is longer than maxLineBytes (\(maxLineBytes) bytes); skipped",
            byteOffset: maxLineBytes, line: lineNumber, column: 1)
        return RawLine(lineNumber: lineNumber, content: .failure(error))
    }

    /// Compacts the buffer and reads one more chunk. Returns a failure line on a read error.
    private mutating func readMore() -> RawLine? {
        guard let source else {
            atEnd = true
            return nil
        }
        if start > 0 {
            let remaining = fill - start
            if remaining > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    let base = all.baseAddress!
                    base.update(from: base + start, count: remaining)
                }
            }
            scanFrom -= start
            fill = remaining
            start = 0
        }
        let needed = fill + chunkSize
        if buffer.count < needed {
            buffer.append(contentsOf: repeatElement(0, count: needed - buffer.count))
        }
        let count = buffer.withUnsafeMutableBytes { raw in
            source.readChunk(into: UnsafeMutableRawBufferPointer(rebasing: raw[fill..<(fill + chunkSize)]))
        }
        if count < 0 {
            finished = true
            let reason = FileDescriptorOwner.describe(errno: Int32(-count))
            let error = JSONParseError(
                message: "read error: \(reason)", byteOffset: fill - start, line: lineNumber + 1, column: 1)
            return RawLine(lineNumber: lineNumber + 1, content: .failure(error))
        }
        if count == 0 { atEnd = true }
        fill += count
        return nil
    }
}
