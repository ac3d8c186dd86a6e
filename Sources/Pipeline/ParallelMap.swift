import Dispatch

/// Maps indices on several threads in contiguous chunks and returns the results in index
/// order, so what a stage produces never depends on the thread count.
enum ParallelMap {
    /// Below this many indices per worker, a thread costs more than it saves.
    static let minimumChunk = 2048

    static func map<T>(_ count: Int, threads: Int, _ transform: (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count / minimumChunk))
        if workers == 1 { return (0..<count).map(transform) }
        let chunk = (count + workers - 1) / workers
        let parts = ResultSlots<[T]>(count: workers)
        withoutActuallyEscaping(transform) { transform in
            // The transform only reads what it captures while the workers run.
            let shared = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                parts[worker] = (worker * chunk..<min(count, (worker + 1) * chunk)).map(shared.value)
            }
        }
        var result: [T] = []
        result.reserveCapacity(count)
        for part in parts.all { result += part ?? [] }
        return result
    }
}

/// Hands a value to worker threads that only read it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
