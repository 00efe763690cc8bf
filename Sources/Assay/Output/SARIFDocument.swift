import AssayJSON

/// Small pieces shared by the SARIF reporter (and reused by the other CI reporters): JSON object building
/// that leaves out absent members, severity mappings, artifact URIs and Markdown escaping.
enum SARIFDocument {
    /// An object with the members whose value is present, in the given order.
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(JSONObject(members.compactMap { key, value in value.map { JSONObject.Entry(key: key, value: $0) } }))
    }

    /// A JSON string.
    static func string(_ text: String?) -> JSONValue? { text.map { .string($0) } }

    /// A JSON integer.
    static func number(_ value: Int?) -> JSONValue? { value.map { .number(JSONNumber($0)) } }

    /// A JSON number written with the given text (`9.5`).
    static func decimal(_ text: String) -> JSONValue { .number(JSONNumber(text: text) ?? JSONNumber(0)) }

    /// `{"text": …}` — a SARIF message or multiformat string.
    static func message(_ text: String) -> JSONValue { object([("text", .string(text))]) }

    /// SARIF `level` for a severity: critical/high → `error`, medium → `warning`, low/info → `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub code scanning's `security-severity` (0.0–10.0, CVSS-like bands) for a severity, as JSON
    /// number text.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "1.0"
        }
    }

    /// A rule id (or title) as an UpperCamelCase identifier: `ADV-CN-ABSOLUTE` → `AdvCnAbsolute`.
    static func camelCase(_ text: String) -> String {
        var result = ""
        var word = ""
        func flush() {
            guard let first = word.first else { return }
            result += first.uppercased() + word.dropFirst().lowercased()
            word = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Characters kept as they are in a URI path (RFC 3986 unreserved, sub-delims, `:`, `@`, `/`).
    private static let pathSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/".utf8)

    /// Percent-encodes a file path for use in a URI (UTF-8, upper-case hex).
    static func percentEncodedPath(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if pathSafe.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The SARIF artifact location of an input path: a relative path becomes a relative URI against
    /// `%SRCROOT%` (a leading `./` dropped); an absolute path under `sourceRoot` becomes relative to it;
    /// any other absolute path becomes a `file://` URI.
    static func artifactLocation(_ file: String, sourceRoot: String?) -> JSONValue {
        var path = file
        if path.hasPrefix("/"), let root = sourceRoot.map(directoryPrefix), path.hasPrefix(root), path.count > root.count {
            path = String(path.dropFirst(root.count))
        }
        if path.hasPrefix("/") {
            return object([("uri", .string("file://" + percentEncodedPath(path)))])
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return object([("uri", .string(percentEncodedPath(path))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    /// `path` ending in exactly one `/`.
    static func directoryPrefix(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed == "/" ? "/" : trimmed + "/"
    }

    /// Text with Markdown's inline punctuation escaped, so titles such as `工商广字[1997]` read literally.
    static func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Text as a Markdown code span, fenced with more backticks than it contains.
    static func markdownCode(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}
