/// An output state a walk of ``MultiPatternAutomaton`` entered, and the byte offset just past it: noted by
/// the walks of a text's later quarters, reported once the walks before them are.
struct DeferredOutput {
    var state: Int32
    var end: Int32
}

/// The outputs one later walk defers, in the order it finds them: the first ``inlineCapacity`` in room the
/// caller provides (on the stack), any more in a heap array. Most walks defer none or a few, so a text's
/// walk allocates nothing.
struct DeferredOutputs {
    /// Outputs held in the caller's room before the spill array is used.
    static let inlineCapacity = 16

    private let room: UnsafeMutablePointer<DeferredOutput>
    private var count = 0
    private var spill: [DeferredOutput] = []

    /// A list over `room`, which must hold ``inlineCapacity`` outputs and outlive the list.
    init(_ room: UnsafeMutablePointer<DeferredOutput>) {
        self.room = room
    }

    @inline(__always)
    mutating func append(_ output: DeferredOutput) {
        if count < Self.inlineCapacity {
            (room + count).initialize(to: output)
            count += 1
        } else {
            spill.append(output)
        }
    }

    /// Calls `body` with every output, in the order appended.
    func forEach(_ body: (DeferredOutput) -> Void) {
        for k in 0..<count { body(room[k]) }
        for output in spill { body(output) }
    }
}
