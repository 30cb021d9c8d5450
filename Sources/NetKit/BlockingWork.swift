import Foundation

/// Runs blocking `work` (transfers with an ``HTTPClient``, waits between them) on a new thread of its own and suspends
/// the caller until it finishes.
///
/// Swift's cooperative thread pool has one thread per core; a blocking libcurl transfer or `Thread.sleep` on it stalls
/// every other task. Async code that uses NetKit's blocking clients calls them through this function and creates the
/// (non-`Sendable`) client inside `work`:
/// ```swift
/// let response = try await performBlocking { try HTTPClient().send(request) }
/// ```
/// - Parameter work: the blocking work.
/// - Returns: what `work` returns.
/// - Throws: what `work` throws, with its type kept.
public func performBlocking<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        let thread = Thread {
            continuation.resume(returning: Result { () throws(E) -> T in try work() })
        }
        thread.name = "NetKit.performBlocking"
        thread.stackSize = 4 << 20
        thread.start()
    }
    return try result.get()
}
