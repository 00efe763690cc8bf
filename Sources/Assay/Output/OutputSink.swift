import Foundation

/// Where reporters write: a buffered file descriptor (standard output or error), or memory (tests).
/// Writes are buffered and flushed in 64 KiB blocks and at `flush()`.
public final class OutputSink {
    private let descriptor: Int32?
    private var buffer: [UInt8] = []
    /// Everything written, when the sink collects into memory.
    public private(set) var collected = ""

    /// A sink writing to standard output.
    public static func standardOutput() -> OutputSink { OutputSink(descriptor: 1) }
    /// A sink writing to standard error (unbuffered beyond each call, so messages interleave sensibly).
    public static func standardError() -> OutputSink { OutputSink(descriptor: 2) }
    /// A sink collecting into `collected`.
    public static func memory() -> OutputSink { OutputSink(descriptor: nil) }

    private init(descriptor: Int32?) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    /// Writes text as is.
    public func write(_ text: String) {
        write { $0.append(contentsOf: text.utf8) }
    }

    /// Writes the bytes `body` appends (UTF-8 text), straight into the buffer.
    public func write(appending body: (inout [UInt8]) -> Void) {
        guard descriptor != nil else {
            var bytes: [UInt8] = []
            body(&bytes)
            collected += String(decoding: bytes, as: UTF8.self)
            return
        }
        body(&buffer)
        if buffer.count >= 1 << 16 || descriptor == 2 { flush() }
    }

    /// Writes out buffered output.
    public func flush() {
        guard let descriptor, !buffer.isEmpty else { return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the reader went away (EPIPE); nothing sensible is left to do with the output
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// True when the sink is a terminal (colour is used only then).
    public var isTerminal: Bool {
        guard let descriptor else { return false }
        return isatty(descriptor) != 0
    }
}
