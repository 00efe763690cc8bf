#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns a file descriptor and closes it when the last reader copy goes away.
/// Immutable, so it is safely `Sendable`; reads through it are plain `read(2)` calls.
final class FileDescriptorOwner: Sendable {
    let descriptor: Int32
    private let closesOnDeinit: Bool

    init(descriptor: Int32, closesOnDeinit: Bool) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit { _ = close(descriptor) }
    }

    /// `read(2)` into `buffer`, retrying on `EINTR`. Returns the byte count
    /// (0 at end of file) or `-errno`.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return -Int(errno) }
        }
    }

    /// The system's text for an `errno` value.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
