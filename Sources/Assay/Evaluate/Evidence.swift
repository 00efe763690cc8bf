/// What made a condition hold: a piece of text in a field, or a field's compared value.
enum Evidence {
    /// `range` is in Unicode scalars of the original field value.
    case text(path: String, range: Range<Int>, text: String, canonical: String?)
    case value(path: String, value: ScalarValue)
}

/// A bound name's value while a rule is evaluated.
enum Binding {
    /// A `let` table row.
    case row(table: Int, row: Int)
    /// An `as` match.
    case match(text: String, canonical: String?)
}

/// One way a condition holds: its evidence and the bindings it made.
struct Witness {
    var evidence: [Evidence]
    var env: [Binding?]
}
