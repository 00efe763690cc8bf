/// One top-level member of a skimmed object: where its key and value are in the line.
public struct SkimmedMember: Sendable, Equatable {
    /// What kind of value a member has.
    public enum Kind: Sendable, Equatable {
        /// A string without escapes: `value` is its text, between the quotes.
        case string
        /// A string with escapes: `value` is its raw text between the quotes (``JSONSkimmer/decodeString(at:in:)``).
        case escapedString
        /// A number: `value` is its text.
        case number
        /// `true` or `false`.
        case boolean
        /// `null`.
        case null
        /// An array: `value` runs from `[` through `]`.
        case array
        /// An object: `value` runs from `{` through `}`.
        case object
    }

    /// The key's bytes between the quotes (a key with escapes makes the skim decline).
    public let key: Range<Int>
    /// The value's kind.
    public let kind: Kind
    /// The value's bytes (see ``Kind``).
    public let value: Range<Int>
}

/// Reads a JSON object's top-level members as byte ranges, without building any value: the first step
/// of checking a JSON Lines record that most likely breaks no rule, which needs a few of its fields and
/// none of the rest.
///
/// A skim accepts exactly what ``JSONParser`` accepts (the same string, number, literal and nesting rules,
/// sharing the parser's string and number scanners; strings with escapes are validated by the parser
/// itself), or declines: bytes the parser would reject, a document that is not an object, a top-level key
/// with escapes, nesting deeper than 64 levels. A declined line is simply parsed, so declining is never
/// wrong, only slower. The tests hold the skimmer to the parser on valid and broken lines.
public struct JSONSkimmer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var position = 0

    /// Deepest nesting a skim follows (one bit per open container).
    static let maximumNesting = 64

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Skims `bytes` as one JSON object into `members` (document order, duplicates kept: the last of a
    /// name is the one a parsed object's lookup returns). Returns false when the skim declines (see the
    /// type's description); `members` is then unspecified.
    ///
    /// - Parameter maxDepth: the nesting limit the parser would be given.
    public static func skimObject(
        _ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, into members: inout [SkimmedMember]
    ) -> Bool {
        members.removeAll(keepingCapacity: true)
        var skimmer = JSONSkimmer(bytes: bytes, maxDepth: maxDepth)
        return skimmer.skimDocument(into: &members)
    }

    /// Decodes a member's string (escapes included) from the line it was skimmed from.
    public static func decodeString(at value: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The range is the content between the quotes of a string the skim validated.
        (try? JSONByteParser.decodeString(bytes, at: value.lowerBound - 1).text) ?? ""
    }

    /// Calls `body` with every string and number in a skimmed array, in document order, leaving out
    /// whatever is inside objects (nested arrays are entered): the texts a field path ending at the array
    /// reads. Strings come with escapes decoded, numbers as written. `range` must be an `.array` member's.
    public static func forEachText(
        inArray range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var i = range.lowerBound
        var objectDepth = 0
        let end = range.upperBound
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"):
                objectDepth += 1
                i += 1
            case UInt8(ascii: "}"):
                objectDepth -= 1
                i += 1
            case UInt8(ascii: "\""):
                var j = i + 1
                var escaped = false
                while bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\") {
                        escaped = true
                        j += 2
                    } else {
                        j += 1
                    }
                }
                if objectDepth == 0 {
                    if escaped {
                        var text = decodeString(at: (i + 1)..<j, in: bytes)
                        text.withUTF8 { body($0) }
                    } else {
                        body(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]))
                    }
                }
                i = j + 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i + 1
                while j < end, Self.isNumberByte(bytes[j]) { j += 1 }
                if objectDepth == 0 { body(UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                i = j
            default:
                i += 1
            }
        }
    }

    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    // MARK: validation

    @inline(__always)
    private mutating func skipWhitespace() {
        position = JSONByteRuns.endOfWhitespace(bytes, from: position)
    }

    private mutating func skimDocument(into members: inout [SkimmedMember]) -> Bool {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            guard maxDepth > 0 else { return false }
            while true {
                guard let key = skimKey(), !key.escaped else { return false }
                skipWhitespace()
                let start = position
                guard let kind = skimValue(openAround: 1) else { return false }
                let isString = kind == .string || kind == .escapedString
                members.append(
                    SkimmedMember(key: key.range, kind: kind, value: isString ? (start + 1)..<(position - 1) : start..<position))
                skipWhitespace()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return false }
                position += 1
                break
            }
        }
        skipWhitespace()
        return position == bytes.count
    }

    /// `"key" :` at `position` (whitespace first): the key's content range and whether it has escapes.
    private mutating func skimKey() -> (range: Range<Int>, escaped: Bool)? {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        guard let escaped = skimString() else { return nil }
        let range = start..<(position - 1)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        return (range, escaped)
    }

    /// Validates the string whose quote is at `position` and moves past it: whether it has escapes, or
    /// nil when the parser would reject it.
    private mutating func skimString() -> Bool? {
        let open = position
        position += 1
        let n = bytes.count
        while position < n {
            position = JSONByteRuns.endOfPlainASCII(bytes, from: position)
            position = JSONByteRuns.endOfCommonThreeByteScalars(bytes, from: position)
            guard position < n else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return false
            }
            if byte == UInt8(ascii: "\\") {
                // Escapes are rare: the parser decodes (and so validates) the whole string.
                guard let decoded = try? JSONByteParser.decodeString(bytes, at: open) else { return nil }
                position = decoded.end
                return true
            }
            if byte < 0x20 { return nil }
            if byte < 0x80 {
                position += 1
                continue
            }
            guard let length = UTF8Sequence.length(in: bytes, at: position) else { return nil }
            position += length
        }
        return nil
    }

    private mutating func skimLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for k in 0..<count where position + k >= bytes.count || bytes[position + k] != text[k] { return false }
        position += count
        return true
    }

    /// Validates one value at `position` (whitespace first) inside `openAround` open non-empty containers,
    /// and moves past it. Containers are followed iteratively, one bit per open container.
    private mutating func skimValue(openAround: Int) -> SkimmedMember.Kind? {
        var isObject: UInt64 = 0  // bit k: the k-th container open inside this value is an object
        var open = 0
        var outermost: SkimmedMember.Kind?
        while true {
            // A value is expected at `position`.
            skipWhitespace()
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            let kind: SkimmedMember.Kind
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let object = byte == UInt8(ascii: "{")
                kind = object ? .object : .array
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                } else {
                    guard openAround + open < maxDepth, open < Self.maximumNesting else { return nil }
                    if open == 0 { outermost = kind }
                    if object { isObject |= 1 << UInt64(open) } else { isObject &= ~(1 << UInt64(open)) }
                    open += 1
                    if object { guard skimKey() != nil else { return nil } }
                    continue
                }
            case UInt8(ascii: "\""):
                guard let escaped = skimString() else { return nil }
                kind = escaped ? .escapedString : .string
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard case .number(let end) = JSONNumberSyntax.scan(bytes, from: position) else { return nil }
                position = end
                kind = .number
            case UInt8(ascii: "t"):
                guard skimLiteral("true") else { return nil }
                kind = .boolean
            case UInt8(ascii: "f"):
                guard skimLiteral("false") else { return nil }
                kind = .boolean
            case UInt8(ascii: "n"):
                guard skimLiteral("null") else { return nil }
                kind = .null
            default:
                return nil
            }
            // A value is complete: close what it completes.
            closing: while open > 0 {
                skipWhitespace()
                guard position < bytes.count else { return nil }
                let object = isObject >> UInt64(open - 1) & 1 != 0
                let next = bytes[position]
                if next == UInt8(ascii: ",") {
                    position += 1
                    if object { guard skimKey() != nil else { return nil } }
                    break closing
                }
                guard next == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return nil }
                position += 1
                open -= 1
            }
            if open == 0 { return outermost ?? kind }
        }
    }
}
