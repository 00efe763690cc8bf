import AssayDSL

/// A compiled rule. Its public metadata (id, title, category …) is what reports and `rules list` show.
public struct Rule: Sendable {
    /// Stable id, e.g. `ADV-CN-ABSOLUTE`.
    public let id: String
    /// One-line title.
    public let title: String
    /// Longer rationale, if any.
    public let description: String?
    /// Policy area.
    public let category: Category
    /// Severity.
    public let severity: Severity
    /// Record kinds the rule judges.
    public let kinds: [RecordKind]
    /// Markets the rule applies to (upper-case ISO codes); nil for every market.
    public let markets: [String]?
    /// Whether records naming no market are judged.
    public let admitsUnknownMarket: Bool
    /// The id of the pack that declares it.
    public let pack: String
    /// What it cites.
    public let references: [Reference]
    /// `file:line:col` of the rule in its pack file.
    public let location: String
    /// Embedded examples.
    public let examples: [RuleExample]

    let message: MessageTemplate
    let lets: [(slot: Int, table: Int, keys: [Operand])]
    let when: Condition
    let unless: Condition?
    let slotCount: Int
}
