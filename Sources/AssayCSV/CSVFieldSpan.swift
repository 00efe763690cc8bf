/// Where one completed field of a row lies in the reader's buffer.
struct CSVFieldSpan: Sendable {
    /// First byte of the field's content (after the opening quote if quoted).
    var start: Int
    /// One past the content's last byte (the closing quote if quoted).
    var end: Int
    /// Physical line on which the field starts.
    let line: Int
    /// The field was quoted.
    let quoted: Bool
    /// The quoted content holds `""` or a CR that decoding must rewrite.
    let needsRewrite: Bool
}
