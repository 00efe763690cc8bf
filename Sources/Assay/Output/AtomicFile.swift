import Foundation

/// Writes report and baseline files atomically: to a temporary file beside the target, then renamed
/// over it, so a killed run never leaves a half-written file.
public enum AtomicFile {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: path, reason: reason)
        }
    }
}

/// An output file that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The target path.
    public let path: String
    /// Why.
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
