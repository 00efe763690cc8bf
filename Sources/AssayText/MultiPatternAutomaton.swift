/// Aho–Corasick over bytes, compiled to a DFA, for finding every occurrence of thousands of literal terms
/// in one pass over normalised text.
///
/// Layout:
/// - **Byte classes**: each byte that occurs in some pattern gets its own class; all other bytes share
///   class 0.
/// - **Transitions**: one flat `[Int32]` of `stateCount * classCount` entries in class-major order, with
///   states numbered breadth first: `transitions[columnOffset[byte] + state]` is the next state. Shallow
///   states, which text visits most, therefore share cache lines and pages (measured ≈ 25 % faster than
///   row-major on CJK text). An entry is stored bitwise-complemented (negative) when the next state has
///   output, so the per-state "has output" check is a sign test in the scan loop. Entries are `Int16` when
///   every complemented state number fits (at most 32,768 states: the 3,000-term bench pack has ~22,000),
///   else `Int32`: the narrow table is half the bytes, so twice as many of the entries the scan visits most
///   stay in the caches.
/// - **Outputs**: per state a range into one shared `[Int32]` of pattern ids: the state's own patterns
///   (ascending id) followed by everything inherited through the dictionary suffix link, so longer
///   matches come first. (Flattening costs memory only for vocabularies with many nested terms.)
/// - **Construction** never holds a second table: the trie is kept as per-state parent and byte arrays,
///   failure links are found by binary search over each state's byte-ordered children, and each column of
///   the DFA is then written once, in state order, from the state's own edge or its failure state's entry
///   (3,000 terms: ~4 ms; the earlier row-major build with a transpose took ~15 ms).
///
/// Instances are immutable after `init` and safe to share between threads.
public final class MultiPatternAutomaton: Sendable {
    /// Start of each byte value's column in `transitions` (its class times the state count; 256 entries).
    private let columnOffset: [Int32]
    /// Number of byte classes (the number of columns in `transitions`).
    private let classCount: Int
    /// DFA transitions, class-major: `transitions[columnOffset[byte] + state]` is the next state, stored as
    /// `~next` (negative) when the next state has output.
    private let transitions: Transitions
    /// `outputIds[outputStart[s] ..< outputStart[s + 1]]` are the pattern ids reported in state `s`.
    private let outputStart: [Int32]
    /// Flattened output lists.
    private let outputIds: [Int32]
    /// Byte length of each pattern.
    private let patternLengths: [Int32]
    /// Length of the longest pattern.
    private let longestPattern: Int

    /// Number of patterns the automaton was built from, empty ones included.
    public var patternCount: Int { patternLengths.count }

    /// Number of byte classes (bytes used by some pattern, plus one class for all other bytes).
    public var byteClassCount: Int { classCount }

    /// Number of DFA states (the root included).
    public var stateCount: Int { outputStart.count - 1 }

    /// Bytes per transition entry: 2 when every state number fits in an `Int16` entry, else 4.
    public var transitionEntryBytes: Int {
        switch transitions {
        case .narrow: 2
        case .wide: 4
        }
    }

    /// The transition table in the narrowest signed entry type that holds `~state` for every state.
    private enum Transitions: Sendable {
        case narrow(LargeTable<Int16>)
        case wide(LargeTable<Int32>)
    }

    /// Most states an automaton may have for `Int16` entries (`~32767` is `Int16.min`).
    static let narrowStateLimit = Int(Int16.max) + 1

    /// Pattern i gets id i. Empty patterns are ignored (never match). Identical patterns each report their own id.
    public init(patterns: [[UInt8]]) {
        // Byte classes.
        var classOf = [Int32](repeating: 0, count: 256)
        var classCount: Int32 = 1
        for pattern in patterns {
            for b in pattern where classOf[Int(b)] == 0 {
                classOf[Int(b)] = classCount
                classCount += 1
            }
        }
        let width = Int(classCount)

        // Trie, built from the patterns in sorted order: each pattern adds states only past the prefix it
        // shares with the previous one, so states are numbered depth first and every state's children are
        // created in byte order. Equal patterns sort by id, so each state's own ids are ascending.
        let sorted = Self.sortedIDs(of: patterns)
        var trieParent: [Int32] = [0]
        var trieByte: [UInt8] = [0]
        var trieDepth: [Int32] = [0]
        var ownHead: [Int32] = [-1]  // first own pattern id of each state, or -1
        var ownTail: [Int32] = [-1]
        var nextOwn = [Int32](repeating: -1, count: patterns.count)  // linked list of ids per state
        var path: [Int32] = [0]  // path[k]: the state after the first k bytes of the previous pattern
        var previous: Int? = nil
        for id in sorted {
            let pattern = patterns[id]
            var shared = 0
            if let previous {
                let other = patterns[previous]
                let limit = min(pattern.count, other.count)
                while shared < limit && pattern[shared] == other[shared] { shared += 1 }
            }
            path.removeSubrange((shared + 1)...)
            for depth in shared..<pattern.count {
                trieParent.append(path[depth])
                trieByte.append(pattern[depth])
                trieDepth.append(Int32(depth + 1))
                path.append(Int32(ownHead.count))
                ownHead.append(-1)
                ownTail.append(-1)
            }
            let state = Int(path[pattern.count])
            if ownTail[state] < 0 { ownHead[state] = Int32(id) } else { nextOwn[Int(ownTail[state])] = Int32(id) }
            ownTail[state] = Int32(id)
            previous = id
        }
        let stateCount = ownHead.count
        precondition(stateCount * width < Int(Int32.max), "automaton too large")

        // Breadth-first numbering: states by depth, ties in depth-first order. Every state then comes after
        // its parent and its failure state (both shallower), and the children of each state are
        // consecutive and in byte order (in depth-first order a level is grouped by ancestors).
        let longest = patterns.reduce(0) { max($0, $1.count) }
        var levelStart = [Int32](repeating: 0, count: longest + 2)
        for depth in trieDepth { levelStart[Int(depth) + 1] += 1 }
        for depth in 0...longest { levelStart[depth + 1] += levelStart[depth] }
        var order = [Int32](repeating: 0, count: stateCount)  // order[state] = trie state
        var renumbered = [Int32](repeating: 0, count: stateCount)  // trie state -> state
        for trieState in 0..<stateCount {
            let depth = Int(trieDepth[trieState])
            let state = levelStart[depth]
            levelStart[depth] += 1
            order[Int(state)] = Int32(trieState)
            renumbered[trieState] = state
        }
        var parent = [Int32](repeating: 0, count: stateCount)
        var byte = [UInt8](repeating: 0, count: stateCount)
        var firstChild = [Int32](repeating: 0, count: stateCount + 1)  // children of s: firstChild[s] ..< firstChild[s + 1]
        for state in 1..<max(stateCount, 1) {
            let trieState = Int(order[state])
            parent[state] = renumbered[Int(trieParent[trieState])]
            byte[state] = trieByte[trieState]
            firstChild[Int(parent[state]) + 1] += 1
        }
        firstChild[0] = 1
        for state in 0..<stateCount { firstChild[state + 1] += firstChild[state] }

        /// The child of `state` by `b`, or nil (binary search: children are in byte order).
        func child(of state: Int, by b: UInt8) -> Int32? {
            var low = Int(firstChild[state]), high = Int(firstChild[state + 1])
            while low < high {
                let middle = (low + high) / 2
                if byte[middle] < b { low = middle + 1 } else { high = middle }
            }
            return low < Int(firstChild[state + 1]) && byte[low] == b ? Int32(low) : nil
        }

        // Failure links, in state order (a state's parent is done before it).
        var fail = [Int32](repeating: 0, count: stateCount)
        for state in 1..<max(stateCount, 1) where parent[state] != 0 {
            let b = byte[state]
            var f = Int(fail[Int(parent[state])])
            while true {
                if let next = child(of: f, by: b) {
                    fail[state] = next
                    break
                }
                if f == 0 { break }
                f = Int(fail[f])
            }
        }

        // Outputs: own ids, then the (already flattened) outputs of the failure state, laid out in state
        // order so that state s owns outputIds[outputStart[s] ..< outputStart[s + 1]].
        var outputStart = [Int32](repeating: 0, count: stateCount + 1)
        var outputIds: [Int32] = []
        for state in 0..<stateCount {
            outputStart[state] = Int32(outputIds.count)
            var id = ownHead[Int(order[state])]
            while id >= 0 {
                outputIds.append(id)
                id = nextOwn[Int(id)]
            }
            if state != 0 {
                let f = Int(fail[state])
                for k in Int(outputStart[f])..<Int(outputStart[f + 1]) { outputIds.append(outputIds[k]) }
            }
        }
        outputStart[stateCount] = Int32(outputIds.count)

        // Each state as a transition target: complemented when it has output.
        var encoded = [Int32](repeating: 0, count: stateCount)
        for state in 0..<stateCount {
            encoded[state] = outputStart[state + 1] > outputStart[state] ? ~Int32(state) : Int32(state)
        }
        // The states entered by each byte class, in state order (so their parents ascend too).
        var classStart = [Int32](repeating: 0, count: width + 1)
        for state in 1..<max(stateCount, 1) { classStart[Int(classOf[Int(byte[state])]) + 1] += 1 }
        for c in 0..<width { classStart[c + 1] += classStart[c] }
        var entered = [Int32](repeating: 0, count: max(stateCount - 1, 0))
        var cursor = classStart
        for state in 1..<max(stateCount, 1) {
            let c = Int(classOf[Int(byte[state])])
            entered[Int(cursor[c])] = Int32(state)
            cursor[c] += 1
        }

        // The DFA, one class-major column at a time, written once: a state's entry is its child by the
        // class, or else its failure state's entry (already written: failure states come first). The
        // states with a child by the class ascend (`entered` is in state order), so a column is runs of
        // copied failure entries between them, each run a loop of its own.
        func table<Entry: FixedWidthInteger & SignedInteger>(of _: Entry.Type) -> LargeTable<Entry> {
            LargeTable(count: stateCount * width) { columns in
                parent.withUnsafeBufferPointer { parent in
                    fail.withUnsafeBufferPointer { fail in
                        encoded.withUnsafeBufferPointer { encoded in
                            entered.withUnsafeBufferPointer { entered in
                                let fail = fail.baseAddress!
                                for c in 0..<width {
                                    let column = columns.baseAddress! + c * stateCount
                                    var k = Int(classStart[c])
                                    let end = Int(classStart[c + 1])
                                    var state = 0
                                    while true {
                                        // The next state with a child by the class, or the end of the column.
                                        let stop = k < end ? Int(parent[Int(entered[k])]) : stateCount
                                        if state == 0 && stop > 0 {
                                            column[0] = 0  // the root's failure entry: itself
                                            state = 1
                                        }
                                        while state < stop {
                                            column[state] = column[Int(fail[state])]
                                            state &+= 1
                                        }
                                        guard k < end else { break }
                                        column[stop] = Entry(truncatingIfNeeded: encoded[Int(entered[k])])
                                        k += 1
                                        state = stop + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let transitions: Transitions =
            stateCount <= Self.narrowStateLimit ? .narrow(table(of: Int16.self)) : .wide(table(of: Int32.self))
        var columnOffset = [Int32](repeating: 0, count: 256)
        for b in 0..<256 { columnOffset[b] = classOf[b] * Int32(stateCount) }

        self.columnOffset = columnOffset
        self.classCount = width
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputIds = outputIds
        self.patternLengths = patterns.map { Int32($0.count) }
        self.longestPattern = longest
    }

    /// Calls `body` for every occurrence of every pattern, overlapping ones included, in order of `end` (ties: longer first).
    ///
    /// Occurrences of identical patterns with the same end are reported in ascending id order.
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (PatternMatch) -> Void) {
        switch transitions {
        case .narrow(let table): forEachMatch(in: bytes, trans: table.buffer, body)
        case .wide(let table): forEachMatch(in: bytes, trans: table.buffer, body)
        }
    }

    /// ``forEachMatch(in:_:)`` over one entry type of the transition table (specialised for each).
    private func forEachMatch<Entry: FixedWidthInteger & SignedInteger>(
        in bytes: UnsafeBufferPointer<UInt8>, trans: UnsafeBufferPointer<Entry>, _ body: (PatternMatch) -> Void
    ) {
        columnOffset.withUnsafeBufferPointer { columns in
            let n = bytes.count
            guard longestPattern > 0 else { return }  // no pattern (or only empty ones): nothing matches
            guard n >= Self.splitLength, longestPattern * 4 <= n else {
                scan(bytes, from: 0, to: n, trans: trans, columns: columns, body)
                return
            }
            // Each transition waits for the previous one (a load from a table of megabytes), so a long
            // text is walked as four quarters at once, split at b1, b2 and b3. Walk 0 reports the matches
            // ending in [0, b1] as it goes; walk k (1–3) starts `longestPattern - 1` bytes before b_k — enough
            // to see every match that ends after b_k — notes those ending in (b_k, b_k+1], and they are
            // reported after walk k - 1's.
            let b1 = n / 4, b2 = n / 2, b3 = n - n / 4
            let lead = longestPattern - 1
            var s0 = 0, s1 = 0, s2 = 0, s3 = 0
            var i0 = 0, i1 = b1 - lead, i2 = b2 - lead, i3 = b3 - lead
            // The later walks' outputs wait in room on the stack (a heap array only past it).
            withUnsafeTemporaryAllocation(of: DeferredOutput.self, capacity: 3 * DeferredOutputs.inlineCapacity) { room in
                var later1 = DeferredOutputs(room.baseAddress!)
                var later2 = DeferredOutputs(room.baseAddress! + DeferredOutputs.inlineCapacity)
                var later3 = DeferredOutputs(room.baseAddress! + 2 * DeferredOutputs.inlineCapacity)
                while i0 < b1 {
                    let t0 = trans[Int(columns[Int(bytes[i0])]) &+ s0]
                    let t1 = trans[Int(columns[Int(bytes[i1])]) &+ s1]
                    let t2 = trans[Int(columns[Int(bytes[i2])]) &+ s2]
                    let t3 = trans[Int(columns[Int(bytes[i3])]) &+ s3]
                    i0 &+= 1
                    i1 &+= 1
                    i2 &+= 1
                    i3 &+= 1
                    if t0 >= 0 { s0 = Int(t0) } else {
                        s0 = Int(~t0)
                        reportOutputs(ofState: s0, end: i0, body)
                    }
                    if t1 >= 0 { s1 = Int(t1) } else {
                        s1 = Int(~t1)
                        if i1 > b1 { later1.append(DeferredOutput(state: Int32(s1), end: Int32(i1))) }
                    }
                    if t2 >= 0 { s2 = Int(t2) } else {
                        s2 = Int(~t2)
                        if i2 > b2 { later2.append(DeferredOutput(state: Int32(s2), end: Int32(i2))) }
                    }
                    if t3 >= 0 { s3 = Int(t3) } else {
                        s3 = Int(~t3)
                        if i3 > b3 { later3.append(DeferredOutput(state: Int32(s3), end: Int32(i3))) }
                    }
                }
                // The later quarters may be longer than the first (by the lead and by rounding): finish them.
                Self.finishWalk(&s1, at: i1, to: b2, after: b1, bytes, trans, columns, into: &later1)
                Self.finishWalk(&s2, at: i2, to: b3, after: b2, bytes, trans, columns, into: &later2)
                Self.finishWalk(&s3, at: i3, to: n, after: b3, bytes, trans, columns, into: &later3)
                later1.forEach { reportOutputs(ofState: Int($0.state), end: Int($0.end), body) }
                later2.forEach { reportOutputs(ofState: Int($0.state), end: Int($0.end), body) }
                later3.forEach { reportOutputs(ofState: Int($0.state), end: Int($0.end), body) }
            }
        }
    }

    /// Continues a walk in `state` from byte `start` to `end`, noting the states with output it enters after
    /// byte `reportAfter`.
    @inline(__always)
    private static func finishWalk<Entry: FixedWidthInteger & SignedInteger>(
        _ state: inout Int, at start: Int, to end: Int, after reportAfter: Int, _ bytes: UnsafeBufferPointer<UInt8>,
        _ trans: UnsafeBufferPointer<Entry>, _ columns: UnsafeBufferPointer<Int32>, into later: inout DeferredOutputs
    ) {
        var i = start
        while i < end {
            let t = trans[Int(columns[Int(bytes[i])]) &+ state]
            i &+= 1
            if t >= 0 { state = Int(t) } else {
                state = Int(~t)
                if i > reportAfter { later.append(DeferredOutput(state: Int32(state), end: Int32(i))) }
            }
        }
    }

    /// Texts at least this long (and at least four times the longest pattern) are walked as four quarters at
    /// once; shorter ones as one stream.
    public static let splitLength = 128

    /// Walks `bytes[start..<end]` from the root, reporting every match.
    @inline(__always)
    private func scan<Entry: FixedWidthInteger & SignedInteger>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, trans: UnsafeBufferPointer<Entry>,
        columns: UnsafeBufferPointer<Int32>, _ body: (PatternMatch) -> Void
    ) {
        var state = 0
        var i = start
        while i < end {
            let t = trans[Int(columns[Int(bytes[i])]) &+ state]
            i &+= 1
            if t >= 0 {
                state = Int(t)
                continue
            }
            state = Int(~t)
            reportOutputs(ofState: state, end: i, body)
        }
    }

    /// All occurrences, in the order ``forEachMatch(in:_:)`` reports them.
    public func matches(in bytes: [UInt8]) -> [PatternMatch] {
        var result: [PatternMatch] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEachMatch(in: buffer) { result.append($0) }
        }
        return result
    }

    /// True when at least one pattern occurs in `bytes` (stops at the first occurrence).
    public func containsMatch(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch transitions {
        case .narrow(let table): containsMatch(in: bytes, trans: table.buffer)
        case .wide(let table): containsMatch(in: bytes, trans: table.buffer)
        }
    }

    private func containsMatch<Entry: FixedWidthInteger & SignedInteger>(
        in bytes: UnsafeBufferPointer<UInt8>, trans: UnsafeBufferPointer<Entry>
    ) -> Bool {
        columnOffset.withUnsafeBufferPointer { columns in
            var state = 0
            for b in bytes {
                let t = trans[Int(columns[Int(b)]) &+ state]
                if t < 0 { return true }
                state = Int(t)
            }
            return false
        }
    }

    /// The ids of the non-empty patterns in byte order, equal patterns by id. The comparisons read one
    /// flat copy of the patterns (comparing the arrays themselves retains and releases both every time).
    private static func sortedIDs(of patterns: [[UInt8]]) -> [Int] {
        var flat: [UInt8] = []
        flat.reserveCapacity(patterns.reduce(0) { $0 + $1.count })
        var start = [Int](repeating: 0, count: patterns.count + 1)
        for (id, pattern) in patterns.enumerated() {
            flat.append(contentsOf: pattern)
            start[id + 1] = flat.count
        }
        var ids = patterns.indices.filter { start[$0 + 1] > start[$0] }
        flat.withUnsafeBufferPointer { flat in
            start.withUnsafeBufferPointer { start in
                ids.sort { a, b in
                    var i = start[a], j = start[b]
                    let endA = start[a + 1], endB = start[b + 1]
                    while i < endA && j < endB {
                        if flat[i] != flat[j] { return flat[i] < flat[j] }
                        i += 1
                        j += 1
                    }
                    // One is a prefix of the other (the shorter sorts first), or they are equal.
                    return i == endA && j == endB ? a < b : i == endA
                }
            }
        }
        return ids
    }

    private func reportOutputs(ofState s: Int, end: Int, _ body: (PatternMatch) -> Void) {
        for k in Int(outputStart[s])..<Int(outputStart[s + 1]) {
            let id = outputIds[k]
            body(PatternMatch(pattern: id, start: end - Int(patternLengths[Int(id)]), end: end))
        }
    }
}
