/// A lexical token of the rule language. Keywords are ordinary identifiers: the parser gives them meaning
/// by position, so a field may be named `title` or `kinds`.
public struct Token: Sendable {
    /// What kind of token this is.
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        case number(Double, text: String)
        case date(String)
        case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
        case comma, colon, equals, arrow, dot
        case less, lessEqual, greater, greaterEqual, equalEqual, notEqual
        case endOfFile
    }

    /// The token's kind and payload.
    public let kind: Kind
    /// Where it was written.
    public let span: SourceSpan

    /// The identifier's text, if this is an identifier.
    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// True when the token is the identifier `word`.
    public func isWord(_ word: String) -> Bool { identifier == word }

    /// A short human description for "expected …, found …" messages.
    public var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .number(_, let text): return "number \(text)"
        case .date(let text): return "date \(text)"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .colon: return "':'"
        case .equals: return "'='"
        case .arrow: return "'=>'"
        case .dot: return "'.'"
        case .less: return "'<'"
        case .lessEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterEqual: return "'>='"
        case .equalEqual: return "'=='"
        case .notEqual: return "'!='"
        case .endOfFile: return "end of file"
        }
    }
}
