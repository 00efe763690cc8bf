
/// Where a ``CSVReader`` gets more bytes from.
enum CSVByteSource: Sendable {
    /// All input was handed over up front.
    case memory
    /// In-memory bytes released a few at a time (tests use it to split input at every position).
    case chunkedMemory(bytes: [UInt8], offset: Int)
    /// A file descriptor read with `read(2)`.
    case descriptor(CSVFileDescriptor)

    /// Copies up to `buffer.count` bytes into `buffer`. Returns the count (0 at
    /// the end of input) or `-errno` on a read error.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch self {
        case .memory:
            return 0
        case .chunkedMemory(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            if count > 0 {
                bytes.withUnsafeBytes { all in
                    buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
                }
            }
            self = .chunkedMemory(bytes: bytes, offset: offset + count)
            return count
        case .descriptor(let file):
            return file.readChunk(into: buffer)
        }
    }
}
