import Foundation

/// One computation run on a thread of its own while the caller goes on with other work; `wait()` joins
/// it. Used to overlap the independent, expensive steps of loading packs when more than one core may
/// be used.
final class BackgroundComputation<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Set once, by the thread, under `condition`.
    private var result: Value?

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The computation's value, waiting for it to finish.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
