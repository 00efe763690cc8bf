/// The policy area a rule belongs to.
public enum Category: String, Sendable, CaseIterable, Hashable {
    case advertising, privacy, counterfeit, tax
}
