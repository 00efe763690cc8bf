/// Lists of small values stored back to back in one array (list `i` is `items[starts[i] ..< starts[i + 1]]`).
///
/// The scan loop reads such lists for every automaton match; as an array of arrays each read would retain
/// and release an inner array that every worker thread shares, bouncing its reference count between cores.
/// Reading a flat list copies and retains nothing.
struct FlatLists<Element: BitwiseCopyable & Sendable>: Sendable {
    private let starts: [Int32]
    private let items: [Element]

    init(_ lists: [[Element]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var items: [Element] = []
        for list in lists {
            items += list
            starts.append(Int32(items.count))
        }
        self.starts = starts
        self.items = items
    }

    /// Whether list `index` is empty.
    @inline(__always)
    func isEmpty(_ index: Int) -> Bool { starts[index] == starts[index + 1] }

    /// Calls `body` with each element of list `index`, in order.
    @inline(__always)
    func forEach(_ index: Int, _ body: (Element) -> Void) {
        var position = Int(starts[index])
        let end = Int(starts[index + 1])
        while position < end {
            body(items[position])
            position += 1
        }
    }

    /// Whether every element of list `index` satisfies `predicate`.
    @inline(__always)
    func allSatisfy(_ index: Int, _ predicate: (Element) -> Bool) -> Bool {
        var position = Int(starts[index])
        let end = Int(starts[index + 1])
        while position < end {
            if !predicate(items[position]) { return false }
            position += 1
        }
        return true
    }
}
