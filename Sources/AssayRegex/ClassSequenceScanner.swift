/// Finds which of several *class sequences* occur in a text, in one pass over its bytes: a class sequence
/// is a run of consecutive bytes, each from its own ``ByteSet`` (`[a-z][a-z][0-9][0-9]`, the start of an
/// IBAN). Every match of a regex contains its class sequences (see
/// ``RequiredLiterals/classSequences(of:)``), so a text lacking one cannot match and the regex need not run.
///
/// A bit-parallel Shift-And automaton: each sequence owns as many bits of a 64-bit word as it has
/// positions, and one shift, or and and per byte and word advance every sequence at once.
public struct ClassSequenceScanner: Sendable {
    /// Per byte value and word: the bits of the positions whose set holds the byte (`byte * words + word`).
    private let table: [UInt64]
    /// Per word: the first bit of each sequence in it.
    private let starts: [UInt64]
    /// Per word: the last bit of each sequence in it.
    private let ends: [UInt64]
    /// Per sequence: its word and last bit.
    private let placement: [(word: Int, bit: UInt64)]

    /// Longest sequence a scanner takes (one word).
    public static let maximumLength = 64

    /// A scanner for `sequences` (each 1…64 positions long).
    public init(_ sequences: [[ByteSet]]) {
        var placement: [(Int, UInt64)] = []
        var starts: [UInt64] = []
        var ends: [UInt64] = []
        var used: [Int] = []
        var positions: [(word: Int, bit: Int, set: ByteSet)] = []
        for sequence in sequences {
            precondition((1...Self.maximumLength).contains(sequence.count), "a class sequence has 1…64 positions")
            var word = used.firstIndex { $0 + sequence.count <= 64 } ?? used.count
            if word == used.count {
                used.append(0)
                starts.append(0)
                ends.append(0)
            }
            let first = used[word]
            for (offset, set) in sequence.enumerated() { positions.append((word, first + offset, set)) }
            starts[word] |= 1 << UInt64(first)
            ends[word] |= 1 << UInt64(first + sequence.count - 1)
            placement.append((word, 1 << UInt64(first + sequence.count - 1)))
            used[word] += sequence.count
            word = 0
        }
        var table = [UInt64](repeating: 0, count: 256 * max(used.count, 1))
        for position in positions {
            for byte in 0...255 where position.set.contains(UInt8(byte)) {
                table[byte * used.count + position.word] |= 1 << UInt64(position.bit)
            }
        }
        self.table = table
        self.starts = starts
        self.ends = ends
        self.placement = placement
    }

    /// Number of sequences.
    public var count: Int { placement.count }

    /// Which sequences occur in `bytes`: `found[i]` for the i-th sequence given to `init`.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Bool] {
        let found = foundBits(bytes)
        return placement.map { found[$0.word] & $0.bit != 0 }
    }

    /// Whether every sequence occurs in `bytes`.
    public func containsAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        zip(foundBits(bytes), ends).allSatisfy { $0 & $1 == $1 }
    }

    /// Per word, the last bits of the sequences that occur.
    private func foundBits(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        let words = starts.count
        return table.withUnsafeBufferPointer { table in
            switch words {
            case 0:
                return []
            case 1:
                // The common cases, kept in registers.
                var state: UInt64 = 0, seen: UInt64 = 0
                let start = starts[0], end = ends[0]
                for byte in bytes {
                    state = ((state << 1) | start) & table[Int(byte)]
                    seen |= state & end
                }
                return [seen]
            case 2:
                var state0: UInt64 = 0, state1: UInt64 = 0, seen0: UInt64 = 0, seen1: UInt64 = 0
                let start0 = starts[0], start1 = starts[1], end0 = ends[0], end1 = ends[1]
                for byte in bytes {
                    let row = Int(byte) &* 2
                    state0 = ((state0 << 1) | start0) & table[row]
                    state1 = ((state1 << 1) | start1) & table[row &+ 1]
                    seen0 |= state0 & end0
                    seen1 |= state1 & end1
                }
                return [seen0, seen1]
            default:
                var states = [UInt64](repeating: 0, count: words)
                var found = [UInt64](repeating: 0, count: words)
                for byte in bytes {
                    let row = Int(byte) * words
                    for word in 0..<words {
                        states[word] = ((states[word] << 1) | starts[word]) & table[row + word]
                        found[word] |= states[word] & ends[word]
                    }
                }
                return found
            }
        }
    }
}
