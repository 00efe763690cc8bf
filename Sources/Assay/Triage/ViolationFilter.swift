/// Removes findings before they are reported and counted: a baseline (known findings), suppressions
/// (accepted findings with a reason). Filters are objects because they keep state over a run (what
/// matched, what went unused).
public protocol ViolationFilter: AnyObject {
    /// A short name for the summary (`baseline`, `suppressed`).
    var name: String { get }
    /// The violations of one record that remain after this filter.
    func apply(_ violations: [Violation], in record: Record) -> [Violation]
    /// How many findings it removed so far.
    var removed: Int { get }
    /// Warnings for the end of the run: stale baseline entries, expired or unused suppressions.
    func finalWarnings() -> [String]
}
