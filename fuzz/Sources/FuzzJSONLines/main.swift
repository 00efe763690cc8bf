// Fuzz target: the JSON parser, writer and JSON Lines reader, and the canonical-record contract.
// Asserts: every non-blank line yields exactly one result, line numbers increase and stay within the
// input's line count; Record(json:) either builds a record or throws a RecordError at that line;
// JSONParser.parse of the whole input, when it succeeds, round-trips: parse(write(v)) == v, and
// write is a fixed point (write(parse(write(v))) == write(v)); the skimmer accepts a line only if the
// parser accepts it as an object with the same member names, in order.
import Assay
import AssayJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let physicalLines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }

    var members: [SkimmedMember] = []
    var reader = JSONLinesReader(bytes: bytes)
    while let raw = reader.nextRaw() {
        guard case .success(let line) = raw.content else { continue }
        let skimmed = line.withUnsafeBufferPointer { JSONSkimmer.skimObject($0, maxDepth: reader.maxDepth, into: &members) }
        guard skimmed else { continue }
        guard case .success(.object(let object)) = JSONLinesReader.parse(line, lineNumber: raw.lineNumber, maxDepth: reader.maxDepth) else {
            fatalError("line \(raw.lineNumber): skimmed, but the parser rejects it or it is no object")
        }
        let keys = members.map { String(decoding: line[$0.key], as: UTF8.self) }
        if keys != object.keys { fatalError("line \(raw.lineNumber): skimmed keys \(keys), parsed \(object.keys)") }
    }

    var previous = 0
    for line in JSONLinesReader(bytes: bytes) {
        if line.lineNumber <= previous || line.lineNumber > physicalLines {
            fatalError("line number \(line.lineNumber) after \(previous), input has \(physicalLines) lines")
        }
        previous = line.lineNumber
        let origin = RecordOrigin(file: "f.jsonl", line: line.lineNumber)
        switch line.result {
        case .success(let value):
            do {
                let record = try Record(json: value, origin: origin)
                if record.origin != origin { fatalError("record origin \(record.origin) != \(origin)") }
            } catch {
                if error.origin != origin { fatalError("record error origin \(error.origin) != \(origin)") }
            }
            roundTrip(value)
        case .failure(let error):
            _ = error.message
        }
    }

    if let value = try? JSONParser.parse(bytes) {
        roundTrip(value)
    }
    return 0
}

func roundTrip(_ value: JSONValue) {
    let written = JSONWriter.string(value)
    let reparsed: JSONValue
    do {
        reparsed = try JSONParser.parse(written)
    } catch {
        fatalError("JSONWriter output does not parse (\(error)): \(written.debugDescription)")
    }
    if reparsed != value {
        fatalError("round trip changed the value: \(written.debugDescription)")
    }
    let again = JSONWriter.string(reparsed)
    if again != written {
        fatalError("JSONWriter is not a fixed point: \(written.debugDescription) vs \(again.debugDescription)")
    }
}
