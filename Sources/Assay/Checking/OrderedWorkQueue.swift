import Foundation

/// Runs submitted jobs on a fixed set of worker threads and hands their results back in submission
/// order, holding at most `capacity` jobs in flight (so memory stays bounded however large the input).
///
/// One thread submits and consumes; the workers only run jobs. Jobs must not touch shared mutable state.
final class OrderedWorkQueue<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Jobs not yet taken by a worker (at most `capacity`, so removing from the front is cheap).
    private var waiting: [(index: Int, job: @Sendable () -> Output)] = []
    private var finished: [Int: Output] = [:]
    private var submitted = 0
    private var consumed = 0
    private var closed = false
    private var threads: [Thread] = []
    /// Maximum number of jobs submitted but not yet consumed.
    let capacity: Int

    /// Starts `workers` threads.
    init(workers: Int, capacity: Int) {
        self.capacity = max(capacity, 1)
        for _ in 0..<max(workers, 1) {
            // The threads hold the queue until `close()` lets them finish.
            let thread = Thread { self.work() }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
    }

    /// Whether another job may be submitted without exceeding the capacity.
    var hasRoom: Bool {
        condition.lock()
        defer { condition.unlock() }
        return submitted - consumed < capacity
    }

    /// Queues a job.
    func submit(_ job: @escaping @Sendable () -> Output) {
        condition.lock()
        waiting.append((submitted, job))
        submitted += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in submission order, waiting for it; nil when everything submitted was consumed.
    func next() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        guard consumed < submitted else { return nil }
        while finished[consumed] == nil { condition.wait() }
        let output = finished.removeValue(forKey: consumed)
        consumed += 1
        return output
    }

    /// Stops the workers once the queue is empty (they then release the queue). Call once, after the
    /// last `next()`; without it the worker threads never end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty {
                condition.unlock()
                return
            }
            // Removed, not just passed over: a taken job (and the input it holds) must not stay alive.
            let (index, job) = waiting.removeFirst()
            condition.unlock()
            let output = job()
            condition.lock()
            finished[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
