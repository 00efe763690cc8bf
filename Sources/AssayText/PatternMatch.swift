/// One occurrence of a pattern found by ``MultiPatternAutomaton``.
public struct PatternMatch: Sendable, Equatable, Hashable {
    /// Id of the pattern (its index in the array the automaton was built from).
    public var pattern: Int32
    /// First byte of the occurrence (offset into ``NormalizedText/bytes``).
    public var start: Int
    /// One past the last byte of the occurrence.
    public var end: Int

    /// Creates a match for pattern `pattern` covering bytes `start..<end`.
    public init(pattern: Int32, start: Int, end: Int) {
        self.pattern = pattern
        self.start = start
        self.end = end
    }

    /// The matched byte range, `start..<end`.
    public var range: Range<Int> { start..<end }
}
