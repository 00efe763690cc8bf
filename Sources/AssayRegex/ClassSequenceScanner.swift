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
    /// Length of the longest sequence.
    private let longest: Int

    /// Whether every sequence has a position that takes ASCII digits only, so that an occurrence always
    /// holds a digit and ``scan(_:)`` looks near digits only.
    public let isDigitAnchored: Bool

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
        self.longest = sequences.reduce(0) { max($0, $1.count) }
        self.isDigitAnchored = !sequences.isEmpty && sequences.allSatisfy { sequence in
            sequence.contains { !$0.isEmpty && $0.isSubset(of: .digits) }
        }
    }

    /// Number of sequences.
    public var count: Int { placement.count }

    /// Which sequences occur in a text (see ``scan(_:)``).
    public struct Found: Sendable {
        fileprivate var first: UInt64 = 0, second: UInt64 = 0
        fileprivate var more: [UInt64] = []

        fileprivate func word(_ index: Int) -> UInt64 {
            index == 0 ? first : index == 1 ? second : more[index - 2]
        }
    }

    /// Which sequences occur in `bytes` (ask with ``contains(_:in:)``). No allocation for up to two words.
    ///
    /// When every sequence has a digits-only position (``isDigitAnchored``), only the bytes near ASCII
    /// digits are scanned (see ``DigitWindows``): an occurrence holds a digit, so it lies within
    /// `longest - 1` bytes of one. Personal-data sequences are all of this kind, and most text is far from
    /// any digit.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Found {
        var found = Found()
        let words = starts.count
        var windows = DigitWindows(bytes, reach: isDigitAnchored ? longest - 1 : nil)
        table.withUnsafeBufferPointer { table in
            switch words {
            case 0:
                break
            case 1:
                // The common cases, kept in registers.
                var seen: UInt64 = 0
                let start = starts[0], end = ends[0]
                while let window = windows.next() {
                    var state: UInt64 = 0
                    for i in window {
                        state = ((state << 1) | start) & table[Int(bytes[i])]
                        seen |= state & end
                    }
                }
                found.first = seen
            case 2:
                var seen0: UInt64 = 0, seen1: UInt64 = 0
                let start0 = starts[0], start1 = starts[1], end0 = ends[0], end1 = ends[1]
                while let window = windows.next() {
                    var state0: UInt64 = 0, state1: UInt64 = 0
                    for i in window {
                        let row = Int(bytes[i]) &* 2
                        state0 = ((state0 << 1) | start0) & table[row]
                        state1 = ((state1 << 1) | start1) & table[row &+ 1]
                        seen0 |= state0 & end0
                        seen1 |= state1 & end1
                    }
                }
                found.first = seen0
                found.second = seen1
            default:
                var seen = [UInt64](repeating: 0, count: words)
                var states = [UInt64](repeating: 0, count: words)
                while let window = windows.next() {
                    for word in 0..<words { states[word] = 0 }
                    for i in window {
                        let row = Int(bytes[i]) * words
                        for word in 0..<words {
                            states[word] = ((states[word] << 1) | starts[word]) & table[row + word]
                            seen[word] |= states[word] & ends[word]
                        }
                    }
                }
                found.first = seen[0]
                found.second = seen[1]
                found.more = Array(seen[2...])
            }
        }
        return found
    }

    /// Whether the `index`-th sequence given to `init` was found.
    public func contains(_ index: Int, in found: Found) -> Bool {
        found.word(placement[index].word) & placement[index].bit != 0
    }

    /// Whether every sequence occurs in `bytes`.
    public func containsAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = scan(bytes)
        return ends.indices.allSatisfy { found.word($0) & ends[$0] == ends[$0] }
    }
}
