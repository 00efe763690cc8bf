/// A compiled vocabulary: its terms in written and normalised form.
struct Vocabulary: Sendable {
    struct Term: Sendable {
        /// As written in the rule or vocabulary file.
        let text: String
        /// The canonical name (`alias => canonical`), or nil.
        let canonical: String?
        /// Normalised UTF-8 bytes, as matched.
        let normalized: [UInt8]
    }
    /// The pack that declares it.
    let pack: String
    /// The vocabulary's name inside its pack.
    let name: String
    /// Its terms.
    let terms: [Term]
}
