/// A strict RFC 8259 JSON parser working directly on UTF-8 bytes.
///
/// Rejected: trailing commas, leading zeros, `NaN`/`Infinity`, single quotes,
/// comments, unescaped control characters in strings, lone surrogates in
/// `\u` escapes, invalid UTF-8 anywhere, and anything but whitespace after the
/// value. A UTF-8 byte order mark before the value is skipped (RFC 8259 §8.1
/// allows ignoring it). Nesting deeper than `maxDepth` arrays/objects is an
/// error; the parser is iterative, so deep input never overflows the stack.
///
/// Errors carry the byte offset, 1-based line and 1-based column (in Unicode scalars).
public enum JSONParser {
    /// Parses one JSON text.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512) throws(JSONParseError)
        -> JSONValue
    {
        var parser = JSONByteParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one JSON text.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses one JSON text from its UTF-8 encoding.
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }
}
