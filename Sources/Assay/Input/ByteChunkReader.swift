import Foundation

/// Reads a file (or standard input, `-`) in 64 KiB chunks and hands out bytes one at a time, so readers
/// built on it stream with bounded memory. Read errors are kept in `error`, not swallowed.
struct ByteChunkReader {
    private var descriptor: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    private let ownsDescriptor: Bool
    private var memory: [UInt8]?
    private(set) var error: String?

    init(path: String) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputOpenError(path: path, reason: String(cString: strerror(errno)))
            }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    init(bytes: [UInt8]) {
        descriptor = -1
        ownsDescriptor = false
        buffer = bytes
        count = bytes.count
        memory = bytes
    }

    mutating func nextByte() -> UInt8? {
        if position < count {
            defer { position += 1 }
            return buffer[position]
        }
        guard memory == nil, descriptor >= 0, error == nil else { return nil }
        while true {
            let read = buffer.withUnsafeMutableBytes { raw in Foundation.read(descriptor, raw.baseAddress, raw.count) }
            if read < 0 {
                if errno == EINTR { continue }
                error = String(cString: strerror(errno))
                closeIfOwned()
                return nil
            }
            if read == 0 {
                closeIfOwned()
                return nil
            }
            count = read
            position = 1
            return buffer[0]
        }
    }

    private mutating func closeIfOwned() {
        if ownsDescriptor, descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }
}

/// An input that cannot be opened, with the system's reason.
public struct InputOpenError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// Why it could not be opened.
    public let reason: String

    public var description: String { "cannot open \(path): \(reason)" }
}
