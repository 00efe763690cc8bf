#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the rows of an RFC 4180 CSV file with bounded memory, as UTF-8.
///
/// - Input is read with `read(2)` in 64 KiB chunks; only the row being read is
///   kept (memory grows only up to the size limits below).
/// - Fields are separated by ``delimiter`` (`,` by default; `;` and tab work
///   too, see ``CSVSniffer``). A field that starts with `"` is quoted: it may
///   hold delimiters, doubled quotes `""` (read as one `"`) and newlines (CR, LF
///   or CRLF, each read as `\n`). Spaces or tabs between a closing quote and the
///   delimiter are ignored. A quote elsewhere in an unquoted field is kept as a
///   literal character, as spreadsheet exports expect.
/// - Rows end at LF, CRLF or a lone CR; the last row needs no final newline.
///   A UTF-8 BOM at the very start is skipped.
/// - Blank lines (empty, or only spaces and tabs) are skipped but counted, so
///   line numbers are physical 1-based lines of the file.
/// - Rows are not checked against the header's field count.
///
/// Errors are events, and reading goes on after them:
/// - A field with invalid UTF-8 turns its row into an error naming the line on
///   which that field starts and its field number; it is not repaired.
/// - An unbalanced quote — a quoted field never closed before the end of input
///   or still open after ``maxFieldLines`` physical lines, or a character other
///   than the delimiter or a newline right after a closing quote (`"abc"x`) —
///   is reported on the line where the field started. Reading restarts at the
///   next physical line after that one: the lines a stray quote swallowed are
///   read again, so good rows after the bad one still come out. (A stray quote
///   is usually caught at the next quoted field, whose opening quote it takes
///   as its closing quote and then finds text after it.)
/// - A field longer than ``maxFieldBytes`` or a row longer than ``maxRowBytes``
///   is reported and the rest of its line skipped (an open quoted field over the
///   limit counts as an unbalanced quote, as above).
/// - A read error yields one final error event and then the sequence ends.
///
/// Copies of a reader share the underlying file descriptor (and its position),
/// so iterate only one copy.
public struct CSVReader: Sequence, IteratorProtocol, Sendable {
    /// The field separator; `,` by default. Any ASCII byte other than `"`, CR and LF.
    public var delimiter: UInt8 {
        get { scanner.delimiter }
        set {
            precondition(
                newValue < 0x80 && newValue != CSVByte.quote && newValue != CSVByte.lineFeed
                    && newValue != CSVByte.carriageReturn, "unsupported CSV delimiter")
            scanner.delimiter = newValue
        }
    }
    /// Longest field, in bytes as written, before the row is reported as an error; default 16 MiB.
    public var maxFieldBytes: Int {
        get { scanner.maxFieldBytes }
        set { scanner.maxFieldBytes = newValue }
    }
    /// Most physical lines a quoted field may span before it is taken for an
    /// unbalanced quote; default 10,000.
    public var maxFieldLines: Int {
        get { scanner.maxFieldLines }
        set { scanner.maxFieldLines = Swift.max(1, newValue) }
    }
    /// Longest row, in bytes as written, before it is reported as an error; default 64 MiB.
    public var maxRowBytes: Int {
        get { scanner.maxRowBytes }
        set { scanner.maxRowBytes = newValue }
    }
    /// Bytes requested per `read(2)` call (internal so tests can force tiny chunks).
    var chunkSize = 64 << 10

    private var source: CSVByteSource
    /// Unconsumed input is `buffer[scanner.rowStart..<fill]`.
    private var buffer: [UInt8]
    private var fill: Int
    private var atEnd: Bool
    private var finished = false
    private var checkedByteOrderMark = false
    private var scanner = CSVRowScanner()
    /// Reused while decoding fields that hold `""` or CR.
    private var scratch: [UInt8] = []

    /// Opens `path` for reading; `"-"` reads standard input.
    ///
    /// - Throws: a ``CSVError`` on line 0 whose message is
    ///   `cannot open 'PATH': REASON` with the system's reason, if the file
    ///   cannot be opened or is a directory.
    public init(path: String) throws(CSVError) {
        if path == "-" {
            self.init(fileDescriptor: STDIN_FILENO)
            return
        }
        self.init(source: .descriptor(try CSVFileDescriptor.openForReading(path: path)))
    }

    /// Reads from an open file descriptor (a pipe, say), which the reader does not close.
    public init(fileDescriptor: Int32) {
        self.init(source: .descriptor(CSVFileDescriptor(descriptor: fileDescriptor, closesOnDeinit: false)))
    }

    /// Reads from bytes already in memory.
    public init(bytes: [UInt8]) {
        source = .memory
        buffer = bytes
        fill = bytes.count
        atEnd = true
    }

    /// Reads in-memory bytes as if they arrived `chunkSize` bytes per `read(2)` (for tests).
    init(bytes: [UInt8], chunkSize: Int) {
        self.init(source: .chunkedMemory(bytes: bytes, offset: 0))
        self.chunkSize = chunkSize
    }

    private init(source: CSVByteSource) {
        self.source = source
        buffer = []
        fill = 0
        atEnd = false
    }

    /// The next row or error, or `nil` at the end of the input.
    public mutating func next() -> CSVEvent? {
        while !finished {
            if !checkedByteOrderMark {
                if fill < CSVByte.byteOrderMark.count && !atEnd {
                    if let failure = readMore() { return failure }
                    continue
                }
                checkedByteOrderMark = true
                if fill >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                    scanner.skipPrefix(3)
                }
            }
            switch scanOnce() {
            case .event(let event): return event
            case .end: finished = true
            case .needMore:
                if let failure = readMore() { return failure }
            }
        }
        return nil
    }

    private enum Step {
        case event(CSVEvent)
        case needMore
        case end
    }

    /// Runs the scanner over the buffered bytes and turns a finished row into an event.
    private mutating func scanOnce() -> Step {
        let bytes = buffer
        return bytes.withUnsafeBufferPointer { all -> Step in
            switch scanner.scan(all, count: fill, atEnd: atEnd) {
            case .needMore: return atEnd ? .end : .needMore
            case .end: return .end
            case .error(let error): return .event(.error(error))
            case .row: return .event(makeRow(all))
            }
        }
    }

    /// Decodes the scanner's field spans into a row, or an error if a field is not UTF-8.
    private mutating func makeRow(_ all: UnsafeBufferPointer<UInt8>) -> CSVEvent {
        var fields: [String] = []
        var lines: [Int] = []
        fields.reserveCapacity(scanner.spans.count)
        lines.reserveCapacity(scanner.spans.count)
        for (index, span) in scanner.spans.enumerated() {
            let raw = UnsafeBufferPointer(rebasing: all[span.start..<span.end])
            let value: String?
            if span.needsRewrite {
                CSVFieldDecoding.unescape(raw, into: &scratch)
                value = scratch.withUnsafeBufferPointer { CSVFieldDecoding.string(validating: $0) }
            } else {
                value = CSVFieldDecoding.string(validating: raw)
            }
            guard let value else {
                let problem = CSVFieldDecoding.firstInvalidByte(raw).map { "invalid UTF-8 (\($0))" } ?? "invalid UTF-8"
                return .error(
                    CSVError(
                        line: span.line, column: index + 1,
                        message: "\(problem) in field \(index + 1); the row is skipped"))
            }
            fields.append(value)
            lines.append(span.line)
        }
        return .row(CSVRow(fields: fields, fieldLines: lines, line: scanner.rowLine))
    }

    /// Makes room and reads one more chunk. Returns an error event on a read error.
    private mutating func readMore() -> CSVEvent? {
        if atEnd { return nil }
        let keepFrom = scanner.rowStart
        if buffer.count - fill < chunkSize {
            if keepFrom > 0 && keepFrom >= buffer.count / 2 {
                // At least half the buffer is behind the current row: slide the row to the front.
                let remaining = fill - keepFrom
                if remaining > 0 {
                    buffer.withUnsafeMutableBufferPointer { all in
                        let base = all.baseAddress!
                        base.update(from: base + keepFrom, count: remaining)
                    }
                }
                fill = remaining
                scanner.shift(by: keepFrom)
            }
            if buffer.count - fill < chunkSize {
                // A long row: grow geometrically so sliding and reading stay linear.
                let target = Swift.max(fill + chunkSize, buffer.count * 2)
                buffer.append(contentsOf: repeatElement(0, count: target - buffer.count))
            }
        }
        let end = fill + chunkSize
        let count = buffer.withUnsafeMutableBytes { raw in
            source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[fill..<end]))
        }
        if count < 0 {
            finished = true
            let reason = CSVFileDescriptor.describe(errno: Int32(-count))
            return .error(CSVError(line: scanner.line, column: nil, message: "read error: \(reason)"))
        }
        if count == 0 { atEnd = true }
        fill += count
        return nil
    }
}
