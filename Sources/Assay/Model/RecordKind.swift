/// The kinds of record Assay judges.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    /// A product listing (title, description, brand, price, market …).
    case listing
    /// A social post (text, author).
    case post
    /// A merchant record (public profile, tax figures, KYC fields).
    case merchant
}
