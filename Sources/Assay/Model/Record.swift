import AssayJSON

/// Where a record or one of its fields came from: the input file, the line, and the column where the
/// format has one (the CSV column number).
public struct RecordOrigin: Sendable, Hashable {
    /// The input path as given (`-` for standard input).
    public let file: String
    /// 1-based line number (the physical line a CSV field or XML element starts on).
    public let line: Int
    /// 1-based column, where the format gives one.
    public let column: Int?

    /// Creates an origin.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// How the text a rule saw was obtained from the input, when it is not the input value itself.
public enum TextSource: String, Sendable, Hashable {
    /// The visible text of an HTML field (tags removed, entities decoded).
    case htmlVisible = "html-visible"
    /// An `alt` attribute: invisible to shoppers, indexed by search engines.
    case htmlAlt = "html-hidden:alt"
    /// A `title` attribute.
    case htmlTitle = "html-hidden:title"
    /// An element hidden by the `hidden` attribute or inline style.
    case htmlHiddenElement = "html-hidden:element"
    /// An HTML comment.
    case htmlComment = "html-hidden:comment"

    /// True for text a shopper cannot see (hidden keyword stuffing is itself an evasion signal).
    public var isHidden: Bool { self != .htmlVisible }
}

/// One canonical record: an id, a kind and any other fields, addressable by dotted path.
public struct Record: Sendable {
    /// The record's id (`id` field, or `<file>:<line>` when absent).
    public let id: String
    /// The record's kind.
    public let kind: RecordKind
    /// All fields, as parsed.
    public let fields: JSONObject
    /// Where it came from.
    public let origin: RecordOrigin
    /// Where individual top-level fields came from, when the format tells (CSV cell, XML element).
    public let fieldOrigins: [String: RecordOrigin]
    /// Concrete field paths whose text was extracted from the input rather than copied (HTML), and how.
    public let textSources: [String: TextSource]

    /// Creates a record directly.
    public init(
        id: String, kind: RecordKind, fields: JSONObject, origin: RecordOrigin,
        fieldOrigins: [String: RecordOrigin] = [:], textSources: [String: TextSource] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.fields = fields
        self.origin = origin
        self.fieldOrigins = fieldOrigins
        self.textSources = textSources
    }

    /// The same record without its fields: id, kind and origin only.
    public var identityOnly: Record { Record(id: id, kind: kind, fields: JSONObject(), origin: origin) }

    /// The origin of a concrete field path: its own when known, else its top-level field's, else the record's.
    public func origin(ofField path: String?) -> RecordOrigin {
        guard let path else { return origin }
        if let own = fieldOrigins[path] { return own }
        let root = path.split(separator: ".", maxSplits: 1).first.map(String.init) ?? path
        return fieldOrigins[root] ?? origin
    }

    /// The id of a record without one (or with a null `id`): `<file>:<line>`.
    static func defaultID(at origin: RecordOrigin) -> String { "\(origin.file):\(origin.line)" }

    /// Builds a record from a parsed JSON value, checking the canonical contract: an object, with a
    /// `kind` of `listing`, `post` or `merchant`, and an `id` that is a string or number when present.
    public init(
        json: JSONValue, origin: RecordOrigin, fieldOrigins: [String: RecordOrigin] = [:],
        textSources: [String: TextSource] = [:]
    ) throws(RecordError) {
        guard case .object(let object) = json else {
            throw RecordError(origin: origin, message: "a record must be a JSON object, found \(json.typeName)")
        }
        let id: String
        switch object["id"] {
        case nil, .null?: id = Self.defaultID(at: origin)
        case .string(let text)?: id = text
        case .number(let number)?: id = number.text
        case let other?:
            throw RecordError(origin: origin, message: "'id' must be a string or a number, found \(other.typeName)")
        }
        guard let kindValue = object["kind"] else {
            throw RecordError(origin: origin, message: "record \(id) has no 'kind' (listing, post or merchant)")
        }
        guard case .string(let kindText) = kindValue, let kind = RecordKind(rawValue: kindText) else {
            throw RecordError(
                origin: origin,
                message: "record \(id) has kind \(kindValue.compactDescription); expected listing, post or merchant")
        }
        self.init(id: id, kind: kind, fields: object, origin: origin, fieldOrigins: fieldOrigins, textSources: textSources)
    }
}

/// A record that could not be read or does not fit the canonical contract.
public struct RecordError: Error, Sendable, Hashable {
    /// Where the record is.
    public let origin: RecordOrigin
    /// 1-based column, when the reader knows it.
    public let column: Int?
    /// What is wrong.
    public let message: String

    /// Creates a record error.
    public init(origin: RecordOrigin, column: Int? = nil, message: String) {
        self.origin = origin
        self.column = column
        self.message = message
    }

    /// `file:line[:col]: error: message`.
    public var rendered: String {
        let column = self.column ?? origin.column
        return "\(origin.file):\(origin.line)\(column.map { ":\($0)" } ?? ""): error: \(message)"
    }
}

extension JSONValue {
    /// `string`, `number`, `object` … for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A short rendering for messages.
    public var compactDescription: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .number(let number): return number.text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
