/// A regex as a pack writes it: the pattern and its options — what ``CompiledRegex`` compiles, and all
/// that reading a regex for its literals or combining it with others needs, without compiling it.
public struct RegexPattern: Sendable, Hashable {
    /// The pattern text.
    public let pattern: String
    /// The options it is compiled with.
    public let options: RegexOptions

    /// A pattern with options.
    public init(_ pattern: String, options: RegexOptions = []) {
        self.pattern = pattern
        self.options = options
    }
}
