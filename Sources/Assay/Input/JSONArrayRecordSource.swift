import AssayJSON
import Foundation

/// Canonical records from a JSON document: a top-level array of records (streamed element by element,
/// so its size does not matter), or an object holding arrays (`{"products": […]}`: every array member
/// whose elements are objects; such a document is parsed whole and may be at most 256 MiB).
public struct JSONArrayRecordSource: RecordSource {
    private var splitter: JSONArraySplitter
    private let file: String
    private var pending: [RecordEvent] = []
    private var started = false

    /// Largest object-holding-arrays document accepted (a top-level array streams at any size).
    public static let maxDocumentBytes = 256 << 20

    /// Reads from a path (`-` for standard input); `label` names it in locations.
    public init(path: String, label: String? = nil) throws {
        splitter = try JSONArraySplitter(path: path)
        file = label ?? path
    }

    /// Reads from bytes in memory.
    public init(bytes: [UInt8], name: String) {
        splitter = JSONArraySplitter(bytes: bytes)
        file = name
    }

    public mutating func next() -> RecordEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        guard let element = splitter.next() else { return nil }
        switch element {
        case .element(let bytes, let line):
            return record(from: bytes, line: line)
        case .wholeDocument(let bytes):
            pending = records(inDocument: bytes)
            return pending.isEmpty ? nil : pending.removeFirst()
        case .failure(let message, let line, let column):
            return .error(RecordError(origin: RecordOrigin(file: file, line: line), column: column, message: message))
        }
    }

    private func record(from bytes: ArraySlice<UInt8>, line: Int) -> RecordEvent {
        let origin = RecordOrigin(file: file, line: line)
        do {
            let value = try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONParseError) in
                try JSONParser.parse(buffer)
            }
            return .record(try Record(json: value, origin: origin))
        } catch let error as JSONParseError {
            return .error(RecordError(origin: RecordOrigin(file: file, line: line + error.line - 1), column: error.column, message: error.message))
        } catch let error as RecordError {
            return .error(error)
        } catch {
            return .error(RecordError(origin: origin, message: "\(error)"))
        }
    }

    private func records(inDocument bytes: [UInt8]) -> [RecordEvent] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return [.error(RecordError(origin: RecordOrigin(file: file, line: error.line), column: error.column, message: error.message))]
        }
        guard case .object(let object) = value else { return [] }
        var events: [RecordEvent] = []
        for entry in object.entries {
            guard case .array(let items) = entry.value, items.contains(where: { if case .object = $0 { return true } else { return false } })
            else { continue }
            for (index, item) in items.enumerated() {
                // Records inside a document have no line of their own; the path says where they are.
                let origin = RecordOrigin(file: "\(file)#/\(entry.key)/\(index)", line: 1)
                do {
                    events.append(.record(try Record(json: item, origin: origin)))
                } catch {
                    events.append(.error(error))
                }
            }
        }
        if events.isEmpty {
            events.append(.error(RecordError(origin: RecordOrigin(file: file, line: 1), message: "the JSON object holds no array of records")))
        }
        return events
    }
}

/// Splits a top-level JSON array into its elements' bytes without parsing them, reading in chunks, so
/// memory holds one element at a time. Tracks strings and escapes so brackets inside text are ignored.
struct JSONArraySplitter {
    enum Piece {
        case element(ArraySlice<UInt8>, line: Int)
        case wholeDocument([UInt8])
        case failure(String, line: Int, column: Int?)
    }

    private var input: ByteChunkReader
    private var state = State.start
    private var element: [UInt8] = []
    private var elementLine = 1
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var line = 1
    private var pendingFailure: Piece?

    private enum State { case start, inArray, done }

    init(path: String) throws { input = try ByteChunkReader(path: path) }
    init(bytes: [UInt8]) { input = ByteChunkReader(bytes: bytes) }

    mutating func next() -> Piece? {
        if let failure = pendingFailure {
            pendingFailure = nil
            return failure
        }
        while state != .done {
            guard let byte = input.nextByte() else {
                if let error = input.error {
                    state = .done
                    return .failure("read error: \(error)", line: line, column: nil)
                }
                let wasInArray = state == .inArray
                state = .done
                if wasInArray {
                    // Hand out the last element first; the missing bracket is reported after it.
                    pendingFailure = .failure("unexpected end of input inside the top-level array (missing ']')", line: line, column: nil)
                    if let last = flush() { return last }
                    defer { pendingFailure = nil }
                    return pendingFailure
                }
                return nil
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            switch state {
            case .start:
                if byte == 0xEF || byte == 0xBB || byte == 0xBF || isSpace(byte) { continue }
                if byte == UInt8(ascii: "[") {
                    state = .inArray
                    continue
                }
                if byte == UInt8(ascii: "{") {
                    state = .done
                    var document: [UInt8] = [byte]
                    while let more = input.nextByte() {
                        document.append(more)
                        if document.count > JSONArrayRecordSource.maxDocumentBytes {
                            return .failure(
                                "a JSON object document over \(JSONArrayRecordSource.maxDocumentBytes >> 20) MiB; use JSON Lines or a top-level array for large inputs",
                                line: 1, column: nil)
                        }
                    }
                    return .wholeDocument(document)
                }
                state = .done
                return .failure("expected a JSON array '[' or object '{' at the top level", line: line, column: nil)
            case .inArray:
                if let piece = consume(byte) { return piece }
            case .done:
                return nil
            }
        }
        return nil
    }

    /// Feeds one byte inside the array; returns an element when one ends.
    private mutating func consume(_ byte: UInt8) -> Piece? {
        if inString {
            element.append(byte)
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return nil
        }
        switch byte {
        case UInt8(ascii: "\""):
            if element.isEmpty { elementLine = line }
            inString = true
            element.append(byte)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if element.isEmpty { elementLine = line }
            depth += 1
            element.append(byte)
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 0 {
                // `]` closes the top-level array.
                state = .done
                return flush()
            }
            depth -= 1
            element.append(byte)
        case UInt8(ascii: ",") where depth == 0:
            return flush() ?? .failure("empty element in the array (two commas)", line: line, column: nil)
        default:
            if isSpace(byte), element.isEmpty { return nil }
            if element.isEmpty { elementLine = line }
            element.append(byte)
        }
        return nil
    }

    private mutating func flush() -> Piece? {
        defer { element.removeAll(keepingCapacity: true) }
        while let last = element.last, isSpace(last) { element.removeLast() }
        guard !element.isEmpty else { return nil }
        return .element(element[...], line: elementLine)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
