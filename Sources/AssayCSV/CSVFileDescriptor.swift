#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns a file descriptor and closes it (if asked to) when the last reader copy goes away.
/// Immutable, so it is safely `Sendable`.
final class CSVFileDescriptor: Sendable {
    let descriptor: Int32
    private let closesOnDeinit: Bool

    init(descriptor: Int32, closesOnDeinit: Bool) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit { _ = close(descriptor) }
    }

    /// Opens `path` read-only, refusing directories, with the system's reason on failure.
    static func openForReading(path: String) throws(CSVError) -> CSVFileDescriptor {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw openError(path: path, code: errno)
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            _ = close(descriptor)
            throw openError(path: path, code: EISDIR)
        }
        return CSVFileDescriptor(descriptor: descriptor, closesOnDeinit: true)
    }

    /// `read(2)` into `buffer`, retrying on `EINTR`. Returns the byte count (0 at
    /// end of file) or `-errno`.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return -Int(errno) }
        }
    }

    /// The system's text for an `errno` value, e.g. `No such file or directory`.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func openError(path: String, code: Int32) -> CSVError {
        CSVError(line: 0, column: nil, message: "cannot open '\(path)': \(describe(errno: code))")
    }
}
