import AssayJSON

/// The syntax tree of one `.assay` file, exactly as written. Names are not resolved here: that is the
/// checker's job (in the `Assay` module), so the parser can run on any file.
public struct PackFile: Sendable {
    /// The file parsed.
    public let source: SourceFile
    /// The `pack { … }` header, if present.
    public var pack: PackDecl?
    /// Vocabulary declarations in order.
    public var vocabularies: [VocabularyDecl] = []
    /// Field-set declarations in order.
    public var fieldSets: [FieldSetDecl] = []
    /// Table declarations in order.
    public var tables: [TableDecl] = []
    /// Rules in order.
    public var rules: [RuleDecl] = []

    /// An empty file's tree.
    public init(source: SourceFile) { self.source = source }
}

/// `pack NAME { … }`: the pack's metadata.
public struct PackDecl: Sendable {
    public var name: Located<String>
    public var title: Located<String>?
    public var version: Located<String>?
    public var description: Located<String>?
    public var jurisdictions: [Located<String>] = []
    public var references: [ReferenceDecl] = []
}

/// `reference ID { title … url … checked … }`: a law article or platform policy a rule cites.
public struct ReferenceDecl: Sendable {
    public var id: Located<String>
    public var title: Located<String>?
    public var url: Located<String>?
    public var checked: Located<String>?
    public var note: Located<String>?
}

/// `vocabulary NAME from "file"` or `vocabulary NAME { "term" "alias" => "canonical" }`.
public struct VocabularyDecl: Sendable {
    /// Where the terms come from.
    public enum Source: Sendable {
        case file(Located<String>)
        case inline([TermDecl])
    }
    public var name: Located<String>
    public var source: Source
}

/// One vocabulary term, optionally mapped onto a canonical name.
public struct TermDecl: Sendable {
    public var text: Located<String>
    public var canonical: Located<String>?

    public init(text: Located<String>, canonical: Located<String>?) {
        self.text = text
        self.canonical = canonical
    }
}

/// `fields NAME = [a, b]`.
public struct FieldSetDecl: Sendable {
    public var name: Located<String>
    public var fields: [Located<String>]
}

/// A literal value written in a rule file.
public enum Literal: Sendable, Equatable {
    case string(String)
    case number(Double, text: String)
    case bool(Bool)
    case null
    /// A bare identifier used as a value (`CN`, `US-CA`, `listing`).
    case identifier(String)
    case date(String)

    /// The literal's text when used as a string (identifiers and dates included).
    public var stringValue: String? {
        switch self {
        case .string(let text), .identifier(let text), .date(let text): return text
        default: return nil
        }
    }
}

/// `table NAME { columns … key … row … }`.
public struct TableDecl: Sendable {
    public struct Column: Sendable {
        public var name: Located<String>
        public var type: Located<String>
    }
    public struct Row: Sendable {
        public var values: [Located<Literal>]
        public var span: SourceSpan
    }
    public var name: Located<String>
    public var columns: [Column] = []
    public var key: [Located<String>] = []
    public var rows: [Row] = []
}

/// `rule ID { … }`.
public struct RuleDecl: Sendable {
    public var id: Located<String>
    public var title: Located<String>?
    public var description: Located<String>?
    public var category: Located<String>?
    public var severity: Located<String>?
    public var kinds: [Located<String>] = []
    public var markets: [Located<String>] = []
    public var references: [Located<String>] = []
    public var message: Located<String>?
    public var lets: [LetDecl] = []
    public var when: ConditionNode?
    /// True when a `when` clause was written, even if it failed to parse (so no "missing when" follows).
    public var wroteWhen = false
    public var unless: ConditionNode?
    public var examples: [ExampleDecl] = []
    /// Span of the whole `rule … { … }`.
    public var span: SourceSpan
}

/// `let NAME = TABLE[key, …]`.
public struct LetDecl: Sendable {
    public var name: Located<String>
    public var lookup: LookupNode
}

/// `TABLE[key, …]`.
public struct LookupNode: Sendable {
    public var table: Located<String>
    public var keys: [OperandNode]
    public var span: SourceSpan
}

/// A value inside a condition.
public indirect enum OperandNode: Sendable {
    case literal(Located<Literal>)
    /// A field path or a binding member (`price`, `seller.name`, `t.amount`, `b.canonical`).
    case path(Located<String>)
    /// A table cell: `TABLE[keys].column`.
    case cell(LookupNode, column: Located<String>)

    /// Where the operand was written.
    public var span: SourceSpan {
        switch self {
        case .literal(let literal): return literal.span
        case .path(let path): return path.span
        case .cell(let lookup, let column): return lookup.span.through(column.span)
        }
    }
}

/// Which fields a text condition reads.
public enum SelectorNode: Sendable {
    /// A field path, or the name of a field set.
    case name(Located<String>)
    /// `any(a, b, c)`.
    case any([Located<String>], span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .name(let name): return name.span
        case .any(_, let span): return span
        }
    }
}

/// `terms(…)` or `regex(…)` with its `except` and `as` clauses.
public struct SingleMatcherNode: Sendable {
    public enum Kind: Sendable {
        case terms([Located<String>])
        case regex(pattern: Located<String>, flags: Located<String>?, validator: Located<String>?)
    }
    public var kind: Kind
    public var except: [Located<String>] = []
    public var binding: Located<String>?
    public var span: SourceSpan
}

/// A matcher, optionally `near` another one.
public struct MatcherNode: Sendable {
    public var primary: SingleMatcherNode
    public var near: SingleMatcherNode?
    public var within: Located<Int>?
}

/// Comparison operators.
public enum ComparatorOperator: String, Sendable, CaseIterable {
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
}

/// A condition as written.
public indirect enum ConditionNode: Sendable {
    case and([ConditionNode], span: SourceSpan)
    case or([ConditionNode], span: SourceSpan)
    case not(ConditionNode, span: SourceSpan)
    case atLeast(Located<Int>, [ConditionNode], span: SourceSpan)
    case matches(SelectorNode, MatcherNode, span: SourceSpan)
    case validity(SelectorNode, validator: Located<String>, expectValid: Bool, span: SourceSpan)
    case presence(SelectorNode, present: Bool, span: SourceSpan)
    case membership(OperandNode, [Located<Literal>], negated: Bool, span: SourceSpan)
    case comparison(OperandNode, Located<ComparatorOperator>, OperandNode, span: SourceSpan)
    /// `compare(left, comparatorOperand, right)`: the comparator itself comes from data.
    case dynamicComparison(OperandNode, OperandNode, OperandNode, span: SourceSpan)

    /// Where the condition was written.
    public var span: SourceSpan {
        switch self {
        case .and(_, let span), .or(_, let span), .not(_, let span), .atLeast(_, _, let span),
            .matches(_, _, let span), .validity(_, _, _, let span), .presence(_, _, let span),
            .membership(_, _, _, let span), .comparison(_, _, _, let span),
            .dynamicComparison(_, _, _, let span):
            return span
        }
    }
}

/// `fires …` / `passes …` inside `examples { }`.
public struct ExampleDecl: Sendable {
    public enum Input: Sendable {
        case text(Located<String>)
        case record(JSONObject, span: SourceSpan)
    }
    public var fires: Bool
    public var input: Input
    public var expect: Located<String>?
    public var span: SourceSpan
}
