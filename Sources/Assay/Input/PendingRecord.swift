import AssayJSON

/// A record event that may still need decoding: lets a parallel check read input on one thread and
/// leave parsing to the workers.
public enum PendingRecord: Sendable {
    /// Already decoded (or an error).
    case ready(RecordEvent)
    /// One JSON Lines line, not yet parsed.
    case jsonLine(RawJSONLine)

    /// The record or error this stands for.
    public func resolve() -> RecordEvent {
        switch self {
        case .ready(let event): return event
        case .jsonLine(let line): return line.decode()
        }
    }

    /// Roughly how many input bytes this stands for (to size work batches).
    var approximateBytes: Int {
        if case .jsonLine(let line) = self, case .success(let bytes) = line.raw.content { return bytes.count }
        return 512
    }
}

/// One raw JSON Lines line and the file it came from.
public struct RawJSONLine: Sendable {
    let raw: JSONLinesReader.RawLine
    let file: String
    let maxDepth: Int

    /// What the policy's screen makes of the line before it is parsed (see `RecordScreen`).
    func screen(_ policy: PolicySet, scratch: RecordScreen.Scratch) -> RecordScreen.Outcome {
        guard case .success(let bytes) = raw.content else { return .declined }
        return bytes.withUnsafeBufferPointer { line in
            policy.screen.screen(
                line, origin: RecordOrigin(file: file, line: raw.lineNumber), maxDepth: maxDepth, policy: policy,
                scratch: scratch)
        }
    }

    /// Parses the line into a canonical record, or a located error.
    func decode() -> RecordEvent {
        let origin = RecordOrigin(file: file, line: raw.lineNumber)
        switch raw.content {
        case .failure(let error):
            return .error(RecordError(origin: origin, column: error.column, message: error.message))
        case .success(let bytes):
            switch JSONLinesReader.parse(bytes, lineNumber: raw.lineNumber, maxDepth: maxDepth) {
            case .failure(let error):
                return .error(RecordError(origin: origin, column: error.column, message: error.message))
            case .success(let value):
                do {
                    return .record(try Record(json: value, origin: origin))
                } catch {
                    return .error(error)
                }
            }
        }
    }
}

extension RecordSource {
    /// The next event, possibly undecoded. Sources that can defer decoding override this; the default
    /// decodes on the calling thread.
    public mutating func nextPending() -> PendingRecord? {
        next().map(PendingRecord.ready)
    }
}
