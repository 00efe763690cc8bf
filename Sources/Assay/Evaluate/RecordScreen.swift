import AssayJSON
import AssayRegex

/// Clears JSON Lines records on which no rule can fire straight from the line's bytes, without parsing
/// them into a ``Record``: the lane most records of an audit take.
///
/// The line is skimmed (``JSONSkimmer``: validated exactly as the parser would, members as byte ranges);
/// the texts of the fields the record kind's rules match in are normalised and scanned from those bytes
/// with the same term index a full check uses; and if the rule triggers (`RuleTriggerTable`) then name no
/// rule of the record's kind, the record has no violations and no rule problems — what a full check
/// would conclude, since a full check evaluates only the rules its identical scan triggers. Anything else
/// goes to the full check: a line the skim declines, a missing or malformed `id` or `kind`, a kind with a
/// rule evaluated on every record (comparisons, presence, `not` …), a record holding the top-level field
/// of a nested match path (`seller.name`), and every record some rule may fire on. The screen therefore
/// never changes a result, only how fast a quiet record is passed.
struct RecordScreen: Sendable {
    /// What the screen needs to know about one record kind.
    struct KindPlan: Sendable {
        let kind: RecordKind
        /// The kind's name as it appears in a `kind` value.
        let name: [UInt8]
        /// Whether records of this kind can be screened at all (no rule of the kind is `always`).
        let screenable: Bool
        /// The fields the kind's rules match terms or regexes in (`PolicySet.matchFields` order): the id,
        /// the top-level key, and whether the path goes deeper (a record holding such a key is checked in
        /// full, unscreened).
        let fields: [(id: Int, key: [UInt8], isDeep: Bool)]
        /// Per rule: whether it applies to this kind.
        let appliesToRule: [Bool]
    }

    /// What the screen concluded about one line.
    enum Outcome {
        /// No rule can fire: the record's identity (id, kind, origin; no fields).
        case quiet(Record)
        /// Some rule may fire: the scans made, for the full check to start from.
        case scanned(Prescan)
        /// Not screened: the full check does everything.
        case declined
    }

    /// A record's signal scan, made from its line (what `RecordEvaluation.scanSignals` would make).
    struct Prescan {
        let vocabularies: SignalSet
        let regexes: SignalSet
        /// Per field id: the scans of the field's texts in `RecordEvaluation.texts(_:)` order (nil: not a
        /// match field of the record's kind).
        let scansByField: [[TermIndex.FieldScan]?]
    }

    /// Per-thread working storage: reused from record to record, never shared.
    final class Scratch {
        let matchData = RegexMatchData()
        var members: [SkimmedMember] = []
        /// The scans of the line being screened, and per match field where its scans end.
        var scans: [TermIndex.FieldScan] = []
        var scanEnds: [Int] = []

        init() {}
    }

    private let plans: [KindPlan]
    /// Whether any kind is screenable (if none, lines are not even skimmed).
    private let screensAnyKind: Bool

    init(rules: [Rule], triggers: RuleTriggerTable, matchFields: [RecordKind: [FieldRef]]) {
        plans = RecordKind.allCases.map { kind in
            let applies = rules.map { $0.kinds.contains(kind) }
            let screenable = !applies.indices.contains { applies[$0] && triggers.isAlways($0) }
            return KindPlan(
                kind: kind, name: Array(kind.rawValue.utf8), screenable: screenable,
                fields: (matchFields[kind] ?? []).map { ($0.id, Array($0.path.root.utf8), $0.path.components.count > 1) },
                appliesToRule: applies)
        }
        screensAnyKind = plans.contains(where: \.screenable)
    }

    /// Screens the record on a JSON Lines line: quiet (no rule can fire), scanned (some rule may: the full
    /// check starts from these scans) or declined.
    func screen(
        _ line: UnsafeBufferPointer<UInt8>, origin: RecordOrigin, maxDepth: Int, policy: PolicySet, scratch: Scratch
    ) -> Outcome {
        guard screensAnyKind, JSONSkimmer.skimObject(line, maxDepth: maxDepth, into: &scratch.members) else {
            return .declined
        }
        let members = scratch.members
        func holds(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
            range.count == name.count && name.elementsEqual(UnsafeBufferPointer(rebasing: line[range]))
        }
        // The last member of a name is the one a parsed object's lookup returns.
        func last(_ name: [UInt8]) -> SkimmedMember? { members.last { holds($0.key, name) } }
        guard let kindMember = last(Self.kindKey), kindMember.kind == .string,
            let plan = plans.first(where: { holds(kindMember.value, $0.name) }), plan.screenable
        else { return .declined }
        let id: String
        let idMember = last(Self.idKey)
        switch idMember?.kind {
        case nil, .null?:
            id = Record.defaultID(at: origin)
        case .string?, .number?:
            id = String(decoding: UnsafeBufferPointer(rebasing: line[idMember!.value]), as: UTF8.self)
        case .escapedString?:
            id = JSONSkimmer.decodeString(at: idMember!.value, in: line)
        case .boolean?, .array?, .object?:
            return .declined  // the full check reports it
        }
        for field in plan.fields where field.isDeep && last(field.key) != nil { return .declined }

        // The scratch arrays are borrowed for the record (a class's stored array, or a local a nested
        // function captures, has every access checked for exclusivity at run time; a local struct's fields
        // do not) and handed back with their capacity.
        var found = Gathered(
            vocabularies: SignalSet(capacity: policy.termIndex.vocabularyCount),
            regexes: SignalSet(capacity: policy.termIndex.regexCount), policy: policy, matchData: scratch.matchData)
        swap(&found.scans, &scratch.scans)
        swap(&found.scanEnds, &scratch.scanEnds)
        defer {
            found.scans.removeAll(keepingCapacity: true)
            found.scanEnds.removeAll(keepingCapacity: true)
            swap(&found.scans, &scratch.scans)
            swap(&found.scanEnds, &scratch.scanEnds)
        }
        for field in plan.fields {
            defer { found.scanEnds.append(found.scans.count) }
            guard !field.isDeep, let member = last(field.key) else { continue }
            switch member.kind {
            case .string, .number:
                found.scan(UnsafeBufferPointer(rebasing: line[member.value]))
            case .escapedString:
                var text = JSONSkimmer.decodeString(at: member.value, in: line)
                text.withUTF8 { found.scan($0) }
            case .array:
                JSONSkimmer.forEachText(inArray: member.value, of: line) { found.scan($0) }
            case .boolean, .null, .object:
                break  // a one-component path reads no text from these (as `RecordEvaluation.scanSignals`)
            }
        }
        let mayFire = policy.triggers.anyMayFire(vocabularies: found.vocabularies, regexes: found.regexes) {
            plan.appliesToRule[$0]
        }
        guard mayFire else { return .quiet(Record(id: id, kind: plan.kind, fields: JSONObject(), origin: origin)) }
        var scansByField = [[TermIndex.FieldScan]?](repeating: nil, count: policy.fieldCount)
        var start = 0
        for (field, end) in zip(plan.fields, found.scanEnds) {
            scansByField[field.id] = Array(found.scans[start..<end])
            start = end
        }
        return .scanned(Prescan(vocabularies: found.vocabularies, regexes: found.regexes, scansByField: scansByField))
    }

    /// The scans of one line's texts as they are made, and what they found together.
    private struct Gathered {
        var vocabularies: SignalSet
        var regexes: SignalSet
        let policy: PolicySet
        let matchData: RegexMatchData
        /// Every text's scan, in order, and per match field where its scans end.
        var scans: [TermIndex.FieldScan] = []
        var scanEnds: [Int] = []

        mutating func scan(_ text: UnsafeBufferPointer<UInt8>) {
            let found = policy.signalScan(of: text, using: matchData)
            vocabularies.formUnion(found.vocabularies)
            regexes.formUnion(found.regexCandidates)
            scans.append(found)
        }
    }

    private static let kindKey = Array("kind".utf8)
    private static let idKey = Array("id".utf8)
}
