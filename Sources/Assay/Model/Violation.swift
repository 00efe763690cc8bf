import AssayJSON

/// A reference (law article or platform policy) a rule cites.
public struct Reference: Sendable, Hashable {
    /// The reference id inside its pack.
    public let id: String
    /// Human title, e.g. "PRC Advertising Law, Art. 9(3)".
    public let title: String
    /// Where to read it.
    public let url: String?
    /// When the source was last checked (`YYYY-MM-DD`).
    public let checked: String?
    /// A free note.
    public let note: String?
}

/// One violation: which rule, which record, which field and characters, and why.
///
/// `start`/`end` are Unicode scalar offsets into the original field value, so that in Python
/// `value[start:end] == match`. Non-text evidence (a threshold comparison) has `start == end == nil`
/// and `match` holds the compared value as text.
public struct Violation: Sendable, Hashable {
    /// Rule id.
    public let rule: String
    /// Rule title.
    public let title: String
    /// The rule's pack id.
    public let pack: String
    /// Category.
    public let category: Category
    /// Severity.
    public let severity: Severity
    /// Record id.
    public let record: String
    /// Record kind.
    public let kind: RecordKind
    /// Concrete field path (`title`, `variants.1.title`), or nil when the rule has no field evidence.
    public let field: String?
    /// Start offset in Unicode scalars, nil for non-text evidence.
    public let start: Int?
    /// End offset in Unicode scalars, nil for non-text evidence.
    public let end: Int?
    /// The text as written (or the compared value).
    public let match: String?
    /// The rendered message.
    public let message: String
    /// What the rule cites.
    public let references: [Reference]
    /// Where the violating field (or, failing that, the record) came from.
    public let origin: RecordOrigin
    /// How the text was obtained when it is not the input value itself (HTML visible or hidden text);
    /// then `start`/`end` index `sourceText`.
    public let textSource: TextSource?
    /// The extracted text `start`/`end` refer to, when `textSource` is set.
    public let sourceText: String?
}
