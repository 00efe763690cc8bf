import Testing
@testable import Assay

/// `RuleTriggerTable` is the flat form of the rules' `RuleTrigger`s that every record asks; it must name
/// exactly the rules `RuleTrigger.mayFire` admits.
@Suite("Rule trigger table")
struct RuleTriggerTableTests {
    @Test("the table admits exactly the rules each trigger admits, in rule order, for random rules and records")
    func matchesEachTrigger() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let capacity = Int.random(in: 1...300, using: &generator)  // beyond 256: the spilled words too
            let triggers: [RuleTrigger] = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                if Int.random(in: 0..<6, using: &generator) == 0 { return .always }
                let ids = { (n: Int) in (0..<n).map { _ in Int.random(in: 0..<capacity, using: &generator) } }
                return .signals(
                    vocabularies: ids(Int.random(in: 0...3, using: &generator)),
                    regexes: ids(Int.random(in: 0...3, using: &generator)))
            }
            var vocabularies = SignalSet(capacity: capacity)
            var regexes = SignalSet(capacity: capacity)
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                vocabularies.insert(Int.random(in: 0..<capacity, using: &generator))
                regexes.insert(Int.random(in: 0..<capacity, using: &generator))
            }
            var admitted: [Int] = []
            RuleTriggerTable(triggers).forEachMayFire(vocabularies: vocabularies, regexes: regexes) { admitted.append($0) }
            let expected = triggers.indices.filter { triggers[$0].mayFire(vocabularies: vocabularies, regexes: regexes) }
            #expect(admitted == expected, "triggers \(triggers), vocabularies \(vocabularies), regexes \(regexes)")
            // The screen's question: does some rule of a given subset (its record kind's) fire?
            let applies = triggers.indices.map { _ in Bool.random(using: &generator) }
            let any = RuleTriggerTable(triggers).anyMayFire(vocabularies: vocabularies, regexes: regexes) { applies[$0] }
            #expect(any == expected.contains { applies[$0] }, "triggers \(triggers), applying \(applies)")
        }
    }

    @Test("asked whether any rule may fire, the table stops at the first that does and answers no for empty signals")
    func anyMayFireStopsEarly() {
        let table = RuleTriggerTable([
            .signals(vocabularies: [0], regexes: []), .signals(vocabularies: [], regexes: [1]), .signals(vocabularies: [0], regexes: [1]),
        ])
        var vocabularies = SignalSet(capacity: 4)
        var regexes = SignalSet(capacity: 4)
        var asked: [Int] = []
        #expect(!table.anyMayFire(vocabularies: vocabularies, regexes: regexes) { asked.append($0); return true })
        #expect(asked.isEmpty)
        vocabularies.insert(0)
        regexes.insert(1)
        #expect(table.anyMayFire(vocabularies: vocabularies, regexes: regexes) { asked.append($0); return $0 == 1 })
        #expect(asked == [0, 1])
        let withAlways = RuleTriggerTable([.signals(vocabularies: [2], regexes: []), .always])
        #expect(withAlways.anyMayFire(vocabularies: SignalSet(capacity: 4), regexes: SignalSet(capacity: 4)) { $0 == 1 })
    }

    @Test("a rule with no signals and not always-on is never admitted; an always-on rule always is")
    func edgeCases() {
        let table = RuleTriggerTable([.signals(vocabularies: [], regexes: []), .always])
        var admitted: [Int] = []
        table.forEachMayFire(vocabularies: SignalSet(capacity: 4), regexes: SignalSet(capacity: 4)) { admitted.append($0) }
        #expect(admitted == [1])
        #expect(table.count == 2)
    }
}
