/// A loaded policy pack's metadata.
public struct Pack: Sendable {
    /// Pack id, e.g. `advertising`.
    public let id: String
    /// Title.
    public let title: String
    /// Version string.
    public let version: String
    /// Description, if any.
    public let description: String?
    /// Jurisdictions it covers.
    public let jurisdictions: [String]
    /// References its rules cite.
    public let references: [Reference]
    /// Path of the pack file.
    public let path: String
}
