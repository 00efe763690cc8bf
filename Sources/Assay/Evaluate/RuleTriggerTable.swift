/// Every rule's `RuleTrigger` in flat arrays, asked once per record for the rules to evaluate.
///
/// The per-record question "which of the N rules may fire?" is the one loop every record runs over every
/// rule. Asking each `RuleTrigger` enum binds its two id arrays, retaining and releasing them: four atomic
/// reference-count operations per rule per record on arrays every worker thread shares, which made the
/// cores of a parallel check contend for the same cache lines. Here the ids live in flat arrays read
/// through one set of buffer pointers per record, so the loop touches no reference count at all.
/// `RuleTrigger.mayFire` stays the readable definition; the tests hold this table to it.
struct RuleTriggerTable: Sendable {
    /// Per rule: evaluated on every record (`RuleTrigger.always`).
    private let always: [Bool]
    /// Whether any rule is.
    private let hasAlways: Bool
    /// Per rule, and one past the last: where the rule's vocabulary ids start in `vocabularyIDs`.
    private let vocabularyStarts: [Int32]
    private let vocabularyIDs: [Int32]
    /// Per rule, and one past the last: where the rule's regex ids start in `regexIDs`.
    private let regexStarts: [Int32]
    private let regexIDs: [Int32]

    /// The table of these triggers (one per rule, in rule order).
    init(_ triggers: [RuleTrigger]) {
        var always: [Bool] = []
        var vocabularyStarts: [Int32] = [0]
        var vocabularyIDs: [Int32] = []
        var regexStarts: [Int32] = [0]
        var regexIDs: [Int32] = []
        for trigger in triggers {
            switch trigger {
            case .always:
                always.append(true)
            case .signals(let vocabularies, let regexes):
                always.append(false)
                vocabularyIDs += vocabularies.map { Int32($0) }
                regexIDs += regexes.map { Int32($0) }
            }
            vocabularyStarts.append(Int32(vocabularyIDs.count))
            regexStarts.append(Int32(regexIDs.count))
        }
        self.always = always
        self.hasAlways = always.contains(true)
        self.vocabularyStarts = vocabularyStarts
        self.vocabularyIDs = vocabularyIDs
        self.regexStarts = regexStarts
        self.regexIDs = regexIDs
    }

    /// Number of rules.
    var count: Int { always.count }

    /// Whether a rule is evaluated on every record (`RuleTrigger.always`).
    func isAlways(_ rule: Int) -> Bool { always[rule] }

    /// Calls `body` with the index of every rule that may fire on a record with these vocabulary hits and
    /// regex-atom occurrences (`RuleTrigger.mayFire`), in rule order.
    func forEachMayFire(vocabularies found: SignalSet, regexes candidates: SignalSet, _ body: (Int) -> Void) {
        visitMayFire(vocabularies: found, regexes: candidates) { rule in
            body(rule)
            return true
        }
    }

    /// Whether some rule for which `applies` holds may fire on a record with these vocabulary hits and
    /// regex-atom occurrences: ``forEachMayFire(vocabularies:regexes:_:)`` stopped at the first such rule,
    /// and without looking at any rule when nothing was found and no rule is evaluated on every record (the
    /// question the record screen asks of most records).
    func anyMayFire(vocabularies found: SignalSet, regexes candidates: SignalSet, where applies: (Int) -> Bool) -> Bool {
        if !hasAlways && found.isEmpty && candidates.isEmpty { return false }
        var any = false
        visitMayFire(vocabularies: found, regexes: candidates) { rule in
            any = applies(rule)
            return !any
        }
        return any
    }

    /// The loop of ``forEachMayFire(vocabularies:regexes:_:)``; stops when `body` returns false.
    private func visitMayFire(vocabularies found: SignalSet, regexes candidates: SignalSet, _ body: (Int) -> Bool) {
        always.withUnsafeBufferPointer { always in
            vocabularyStarts.withUnsafeBufferPointer { vocabularyStarts in
                vocabularyIDs.withUnsafeBufferPointer { vocabularyIDs in
                    regexStarts.withUnsafeBufferPointer { regexStarts in
                        regexIDs.withUnsafeBufferPointer { regexIDs in
                            rules: for rule in always.indices {
                                if always[rule] {
                                    if body(rule) { continue } else { return }
                                }
                                for slot in Int(vocabularyStarts[rule])..<Int(vocabularyStarts[rule + 1])
                                where found.contains(Int(vocabularyIDs[slot])) {
                                    if body(rule) { continue rules } else { return }
                                }
                                for slot in Int(regexStarts[rule])..<Int(regexStarts[rule + 1])
                                where candidates.contains(Int(regexIDs[slot])) {
                                    if body(rule) { continue rules } else { return }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
