/// The byte-level state machine behind ``CSVReader``: finds where each field of
/// a row starts and ends in the reader's buffer, counting physical lines, and
/// decides how to resynchronise after a malformed row.
///
/// It never copies bytes. Positions are indices into the buffer the reader
/// passes to ``scan(_:count:atEnd:)``; when the reader compacts its buffer it
/// calls ``shift(by:)``. Scanning stops and asks for more input whenever the
/// next decision needs a byte that has not been read yet (a quote that might be
/// doubled, a CR that might be followed by LF), and resumes where it stopped, so
/// the result does not depend on where the input was split into chunks.
///
/// Resynchronisation: when a field cannot be read, the scanner reports it and
/// skips to the end of a physical line, then starts a new row on the next line.
/// - A quoted field that is malformed (a character other than the delimiter, a
///   newline, a space or a tab right after its closing quote), never closed
///   before the end of input, still open after ``maxFieldLines`` physical
///   lines, or longer than ``maxFieldBytes`` while still open is treated as an
///   unbalanced quote: the error names the line on which the field started and
///   reading restarts on the line after that one. Lines the bad quote
///   swallowed are thus read again as rows of their own.
/// - A field over ``maxFieldBytes`` that did end (unquoted, or a closed quoted
///   field), or a row over ``maxRowBytes``, skips the rest of the physical line
///   on which the limit was noticed.
struct CSVRowScanner: Sendable {
    /// What a call to ``scan(_:count:atEnd:)`` found.
    enum Outcome: Sendable {
        /// The bytes read so far end inside a row; read more and call again.
        case needMore
        /// A row is complete; its fields are in ``spans`` until the next scan.
        case row
        /// A malformed row; the scanner is already skipping to the resynchronisation point.
        case error(CSVError)
        /// The input is exhausted.
        case end
    }

    private enum State: Sendable {
        case fieldStart, unquoted, quoted, afterQuote, rowEnd, rowDone, skipping
    }

    var delimiter: UInt8 = CSVByte.comma
    var maxFieldBytes = 16 << 20
    var maxFieldLines = 10_000
    var maxRowBytes = 64 << 20

    private var state = State.fieldStart
    /// The next byte to examine.
    private(set) var position = 0
    /// The physical line (1-based) that `position` is on.
    private(set) var line = 1
    /// First byte of the current row; the reader may discard everything before it.
    private(set) var rowStart = 0
    /// Line on which the current row starts.
    private(set) var rowLine = 1

    /// Where the field being scanned starts as written (its opening quote if quoted).
    private var fieldStart = 0
    private var fieldLine = 1
    private var fieldNeedsRewrite = false
    /// For a closed quoted field: index of its closing quote.
    private var contentEnd = 0

    /// The completed fields of the current row.
    private(set) var spans: [CSVFieldSpan] = []

    /// Skips `count` bytes at the very start of the input (a byte order mark).
    mutating func skipPrefix(_ count: Int) {
        position += count
        rowStart = position
    }

    /// The reader moved its buffer's contents `delta` bytes towards the front.
    mutating func shift(by delta: Int) {
        position -= delta
        rowStart -= delta
        fieldStart -= delta
        contentEnd -= delta
        for index in spans.indices {
            spans[index].start -= delta
            spans[index].end -= delta
        }
    }

    /// Scans `bytes[position..<count]`; `atEnd` says no more input will follow.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, count fill: Int, atEnd: Bool) -> Outcome {
        // An empty buffer means nothing is retained, so no row is in progress.
        guard let p = bytes.baseAddress else { return atEnd ? .end : .needMore }
        let lineFeed = CSVByte.lineFeed
        let carriageReturn = CSVByte.carriageReturn
        let quote = CSVByte.quote
        let delimiter = self.delimiter

        while true {
            switch state {
            case .rowDone:
                beginRow()

            case .fieldStart:
                if position == fill {
                    if !atEnd { return .needMore }
                    if spans.isEmpty { return .end }
                    // A delimiter just before the end of input: one more, empty, field.
                    appendField(start: position, end: position, line: line, quoted: false)
                    state = .rowEnd
                    continue
                }
                fieldStart = position
                fieldLine = line
                if p[position] == quote {
                    position += 1
                    fieldNeedsRewrite = false
                    state = .quoted
                } else {
                    state = .unquoted
                }

            case .unquoted:
                var index = position
                while index < fill {
                    let byte = p[index]
                    if byte > carriageReturn && byte != delimiter {
                        index += 1
                        continue
                    }
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    index += 1
                }
                position = index
                if index - fieldStart > maxFieldBytes {
                    return fail(fieldTooLong, column: spans.count + 1, on: fieldLine, resumeAt: index, line: line)
                }
                if index == fill {
                    if !atEnd { return rowLimitExceeded(quoted: false) ?? .needMore }
                    appendField(start: fieldStart, end: index, line: fieldLine, quoted: false)
                    state = .rowEnd
                    continue
                }
                appendField(start: fieldStart, end: index, line: fieldLine, quoted: false)
                if p[index] == delimiter {
                    position = index + 1
                    state = .fieldStart
                } else {
                    state = .rowEnd
                }

            case .quoted:
                var index = position
                var lineNow = line
                var waitForByte = false
                while index < fill {
                    let byte = p[index]
                    if byte > carriageReturn && byte != quote {
                        index += 1
                        continue
                    }
                    if byte == quote { break }
                    if byte == lineFeed {
                        lineNow += 1
                    } else if byte == carriageReturn {
                        fieldNeedsRewrite = true
                        if index + 1 == fill {
                            if !atEnd {
                                waitForByte = true
                                break
                            }
                            lineNow += 1
                        } else if p[index + 1] != lineFeed {
                            lineNow += 1
                        }
                    } else {
                        index += 1
                        continue
                    }
                    index += 1
                    if lineNow - fieldLine >= maxFieldLines {
                        line = lineNow
                        return fail(
                            "quoted field is still open after \(maxFieldLines) lines (unbalanced quote?)",
                            column: spans.count + 1, on: fieldLine, resumeAt: fieldStart, line: fieldLine)
                    }
                }
                position = index
                line = lineNow
                if index == fill || waitForByte {
                    if index == fill && atEnd {
                        return fail(
                            "quoted field is never closed (unbalanced quote)",
                            column: spans.count + 1, on: fieldLine, resumeAt: fieldStart, line: fieldLine)
                    }
                    if index - fieldStart > maxFieldBytes {
                        return fail(
                            fieldTooLong + " before its closing quote (unbalanced quote?)",
                            column: spans.count + 1, on: fieldLine, resumeAt: fieldStart, line: fieldLine)
                    }
                    return rowLimitExceeded(quoted: true) ?? .needMore
                }
                // p[index] is a quote: doubled (an escaped quote) or closing.
                if index + 1 == fill && !atEnd { return .needMore }
                if index + 1 < fill && p[index + 1] == quote {
                    fieldNeedsRewrite = true
                    position = index + 2
                    continue
                }
                contentEnd = index
                position = index + 1
                state = .afterQuote

            case .afterQuote:
                while position < fill, p[position] != delimiter,
                    p[position] == CSVByte.space || p[position] == CSVByte.tab
                {
                    position += 1
                }
                if position == fill && !atEnd { return .needMore }
                if contentEnd - fieldStart > maxFieldBytes {
                    return fail(fieldTooLong, column: spans.count + 1, on: fieldLine, resumeAt: position, line: line)
                }
                if position == fill {
                    appendField(start: fieldStart + 1, end: contentEnd, line: fieldLine, quoted: true)
                    state = .rowEnd
                    continue
                }
                let byte = p[position]
                if byte == delimiter {
                    appendField(start: fieldStart + 1, end: contentEnd, line: fieldLine, quoted: true)
                    position += 1
                    state = .fieldStart
                } else if byte == lineFeed || byte == carriageReturn {
                    appendField(start: fieldStart + 1, end: contentEnd, line: fieldLine, quoted: true)
                    state = .rowEnd
                } else {
                    return fail(
                        "unexpected \(Self.describe(byte)) after the closing quote of a quoted field"
                            + " (a quote inside a quoted field must be doubled)",
                        column: spans.count + 1, on: fieldLine, resumeAt: fieldStart, line: fieldLine)
                }

            case .rowEnd:
                // `position` is on the row's newline, or at the end of input.
                if position < fill {
                    if !consumeLineEnd(p, at: position, fill: fill, atEnd: atEnd) { return .needMore }
                }
                state = .rowDone
                if isBlankRow(p) { continue }
                return .row

            case .skipping:
                var index = position
                while index < fill, p[index] != lineFeed, p[index] != carriageReturn { index += 1 }
                position = index
                rowStart = index
                if index == fill {
                    if atEnd {
                        beginRow()
                        continue
                    }
                    return .needMore
                }
                if !consumeLineEnd(p, at: index, fill: fill, atEnd: atEnd) { return .needMore }
                beginRow()
            }
        }
    }

    private var fieldTooLong: String { "field is longer than maxFieldBytes (\(maxFieldBytes) bytes)" }

    /// Starts a new row at `position`.
    /// Steps over the line ending at `index` (LF, CR or CRLF) and counts the line. False when a CR ends
    /// the buffer and more input may still bring its LF.
    @inline(__always)
    private mutating func consumeLineEnd(_ p: UnsafePointer<UInt8>, at index: Int, fill: Int, atEnd: Bool) -> Bool {
        if p[index] == CSVByte.carriageReturn {
            if index + 1 == fill && !atEnd { return false }
            position = index + (index + 1 < fill && p[index + 1] == CSVByte.lineFeed ? 2 : 1)
        } else {
            position = index + 1
        }
        line += 1
        return true
    }

    private mutating func beginRow() {
        state = .fieldStart
        rowStart = position
        rowLine = line
        spans.removeAll(keepingCapacity: true)
    }

    private mutating func appendField(start: Int, end: Int, line: Int, quoted: Bool) {
        spans.append(
            CSVFieldSpan(start: start, end: end, line: line, quoted: quoted, needsRewrite: quoted && fieldNeedsRewrite))
    }

    /// Reports an error and skips from `resumeAt` (on line `resumeLine`) to the end of that physical line.
    private mutating func fail(
        _ message: String, column: Int?, on errorLine: Int, resumeAt: Int, line resumeLine: Int
    ) -> Outcome {
        position = resumeAt
        line = resumeLine
        rowStart = resumeAt
        state = .skipping
        return .error(CSVError(line: errorLine, column: column, message: message))
    }

    /// An error if the row in progress has grown past ``maxRowBytes``.
    private mutating func rowLimitExceeded(quoted: Bool) -> Outcome? {
        guard position - rowStart > maxRowBytes else { return nil }
        return fail(
            "row is longer than maxRowBytes (\(maxRowBytes) bytes)", column: nil, on: rowLine,
            resumeAt: quoted ? fieldStart : position, line: quoted ? fieldLine : line)
    }

    /// A row that is a single unquoted field of nothing but spaces and tabs
    /// (neither of them the delimiter) is a blank line, not a row.
    private func isBlankRow(_ p: UnsafePointer<UInt8>) -> Bool {
        guard spans.count == 1, !spans[0].quoted else { return false }
        for index in spans[0].start..<spans[0].end {
            let byte = p[index]
            if byte == delimiter || (byte != CSVByte.space && byte != CSVByte.tab) { return false }
        }
        return true
    }

    /// `'x'` for printable ASCII, `byte 0xNN` otherwise.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
