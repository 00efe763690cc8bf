import AssayJSON

/// An embedded example of a rule: a record that must (or must not) make the rule fire.
public struct RuleExample: Sendable {
    /// True for `fires`, false for `passes`.
    public let fires: Bool
    /// The record to check.
    public let record: JSONObject
    /// The matched text a firing example must report, if given.
    public let expectedMatch: String?
    /// `file:line:col` of the example in its pack file.
    public let location: String
}
