import Foundation

/// Runs independent blocking jobs (one libcurl handle each) on a few threads at once.
enum Parallel {
    /// Runs `count` jobs, at most as many at a time as there are cores; results in index order.
    static func map<T: Sendable>(_ count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        let results = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, job(index))
        }
        return results.values
    }
}

/// Fixed slots written from concurrent jobs.
private final class Slots<T: Sendable>: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    var values: [T] { lock.withLock { slots.compactMap { $0 } } }
}
