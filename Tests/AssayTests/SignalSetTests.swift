import Testing
@testable import Assay

/// `SignalSet` holds the vocabulary and regex ids one scan found; it must behave as a set of integers,
/// for ids in its inline words and in its spilled ones alike.
@Suite("Signal set")
struct SignalSetTests {
    @Test("inserts and removals of scattered ids leave exactly the members a Set<Int> has, listed in ascending order", arguments: [1, 64, 256, 257, 700])
    func behavesLikeASet(capacity: Int) {
        var set = SignalSet(capacity: capacity)
        var reference = Set<Int>()
        for step in 0..<2_000 {
            let id = step * 7_919 % capacity  // a prime stride visits every word, in no order
            if step % 3 == 0 || step % 7 == 0 {
                set.remove(id)
                reference.remove(id)
            } else {
                set.insert(id)
                reference.insert(id)
            }
            #expect(set.contains(id) == reference.contains(id))
        }
        var listed: [Int] = []
        set.forEach { listed.append($0) }
        #expect(listed == reference.sorted())
        #expect(set.isEmpty == reference.isEmpty)
        for id in reference { set.remove(id) }
        #expect(set.isEmpty)
    }
}
