/// A stable diagnostic code. Codes never change meaning; new problems get new codes.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    case unexpectedCharacter = "A001"
    case unterminatedString = "A002"
    case unexpectedToken = "A003"
    case invalidLiteral = "A004"
    case missingField = "A101"
    case unknownName = "A102"
    case duplicateDefinition = "A103"
    case invalidRegex = "A104"
    case typeMismatch = "A105"
    case invalidValue = "A106"
    case unreadableFile = "A107"
    case tableRowMismatch = "A108"
    case invalidExample = "A109"
    case nestingTooDeep = "A110"
    case ruleCanNeverFire = "W201"
    case nonCanonicalField = "W202"
    case duplicateTerm = "W203"

    /// Codes starting with `W` are warnings by default.
    public var defaultSeverity: Diagnostic.Severity {
        rawValue.hasPrefix("W") ? .warning : .error
    }
}

/// A problem found in a rule or vocabulary file. Diagnostics are values: the parser and checker never
/// print; `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Sendable, Hashable {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// The stable code.
    public let code: DiagnosticCode
    /// One-line description of the problem.
    public let message: String
    /// Where the problem is.
    public let span: SourceSpan
    /// Extra lines of explanation (shown after the caret).
    public let notes: [String]

    /// Creates a diagnostic; the severity defaults to the code's.
    public init(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan,
        severity: Severity? = nil, notes: [String] = []
    ) {
        self.code = code
        self.message = message
        self.span = span
        self.severity = severity ?? code.defaultSeverity
        self.notes = notes
    }

    /// `path:line:col`.
    public var location: String { span.description }
}

/// Collects diagnostics across lexing, parsing and checking so that every problem is reported in one run.
public struct DiagnosticBag: Sendable {
    /// Everything reported so far, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty bag.
    public init() {}

    /// Records a diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a diagnostic.
    public mutating func report(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, notes: [String] = []
    ) {
        diagnostics.append(Diagnostic(code, message, at: span, notes: notes))
    }

    /// Adds all diagnostics of another bag.
    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
