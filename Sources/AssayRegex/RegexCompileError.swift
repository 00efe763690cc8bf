/// A pattern that PCRE2 refused to compile.
public struct RegexCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's explanation, e.g. `missing closing parenthesis`.
    public let message: String
    /// Offset into the pattern's UTF-8 bytes where PCRE2 detected the error.
    public let byteOffset: Int
    /// The same position counted in Unicode scalars (for display in editors).
    public let scalarOffset: Int

    /// Creates a compile error.
    public init(message: String, byteOffset: Int, scalarOffset: Int) {
        self.message = message
        self.byteOffset = byteOffset
        self.scalarOffset = scalarOffset
    }

    /// `message at offset N` (scalar offset).
    public var description: String {
        "\(message) at offset \(scalarOffset)"
    }
}
