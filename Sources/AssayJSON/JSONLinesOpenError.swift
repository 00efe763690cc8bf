/// A JSON Lines input that could not be opened.
public struct JSONLinesOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// The `errno` value reported by the system.
    public let errno: Int32
    /// The system's text for `errno`, e.g. `No such file or directory`.
    public let reason: String

    /// Creates an error.
    public init(path: String, errno: Int32, reason: String) {
        self.path = path
        self.errno = errno
        self.reason = reason
    }

    /// `cannot open 'PATH': REASON`.
    public var description: String { "cannot open '\(path)': \(reason)" }
}
