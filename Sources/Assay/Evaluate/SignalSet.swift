/// A fixed-size set of small non-negative integers (vocabulary or regex ids) as a bit array: what one
/// scan of a field or record found, asked many times per record, so membership is one shift and mask.
/// The first 256 ids live inline (no allocation per field); larger ids spill into an array.
struct SignalSet: Sendable, Equatable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var overflow: [UInt64]

    /// An empty set able to hold ids `0..<capacity`.
    init(capacity: Int) {
        overflow = capacity > 256 ? [UInt64](repeating: 0, count: (capacity - 256 + 63) / 64) : []
    }

    mutating func insert(_ id: Int) {
        let bit: UInt64 = 1 << UInt64(id & 63)
        switch id >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        case 3: w3 |= bit
        case let word: overflow[word - 4] |= bit
        }
    }

    mutating func remove(_ id: Int) {
        let mask = ~(1 << UInt64(id & 63) as UInt64)
        switch id >> 6 {
        case 0: w0 &= mask
        case 1: w1 &= mask
        case 2: w2 &= mask
        case 3: w3 &= mask
        case let word: overflow[word - 4] &= mask
        }
    }

    /// Calls `body` with every member, in ascending order.
    func forEach(_ body: (Int) -> Void) {
        func walk(_ word: UInt64, base: Int) {
            var bits = word
            while bits != 0 {
                body(base + bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
        }
        walk(w0, base: 0)
        walk(w1, base: 64)
        walk(w2, base: 128)
        walk(w3, base: 192)
        for (index, word) in overflow.enumerated() { walk(word, base: 256 + index * 64) }
    }

    func contains(_ id: Int) -> Bool {
        let word: UInt64
        switch id >> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        case 3: word = w3
        case let index: word = overflow[index - 4]
        }
        return word >> UInt64(id & 63) & 1 != 0
    }

    /// Adds every member of `other` (same capacity).
    mutating func formUnion(_ other: SignalSet) {
        w0 |= other.w0
        w1 |= other.w1
        w2 |= other.w2
        w3 |= other.w3
        for index in overflow.indices { overflow[index] |= other.overflow[index] }
    }

    var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 && overflow.allSatisfy { $0 == 0 } }
}
