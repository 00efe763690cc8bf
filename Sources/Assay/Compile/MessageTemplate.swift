/// A rule's message with its `{placeholders}` resolved at compile time.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case literal(String)
        case match, canonical, field, value
        case operand(Operand)
    }
    let parts: [Part]
    let source: String
}
