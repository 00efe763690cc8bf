/// A problem reading a feed: an unreadable file, a malformed spot in the
/// markup, a truncated stream, or a document rejected for safety.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line where the problem was detected; `0` when it concerns the
    /// file as a whole (e.g. it cannot be opened).
    public let line: Int
    /// 1-based column where libxml2 reports one.
    public let column: Int?
    /// What went wrong, in libxml2's words or ours (one line, no trailing newline).
    public let message: String

    /// Creates an error.
    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message` (or just `message` for file-level errors).
    public var description: String {
        guard line > 0 else { return message }
        if let column { return "\(line):\(column): \(message)" }
        return "\(line): \(message)"
    }

    /// The message for documents whose DOCTYPE declares entities or points at
    /// an external DTD.
    public static let entityDeclarationsRejected =
        "XML entity declarations are not accepted (XXE / entity expansion)"

    /// The message for a NUL byte in the feed (an item holding one is reported with it, not checked).
    public static let nulByte = "NUL byte (U+0000) is not allowed in XML"
}
