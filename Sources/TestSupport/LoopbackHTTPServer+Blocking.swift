import Foundation
import NetKit

/// Runs blocking `work` on a new thread of its own and suspends the caller until it finishes (NetKit's
/// `performBlocking`, under the name the tests use).
///
/// Use it for blocking calls in async tests (an `HTTPClient.get`, a feed's synchronous fetch): Swift's
/// cooperative thread pool has one thread per core (2 in CI) and runs every test, so blocking one of its threads
/// slows the whole test run, and code that serves on that pool (anything built on Swift concurrency) can be
/// starved. ``LoopbackHTTPServer`` itself runs on its own threads and keeps answering either way.
/// `Task.detached` does not help: it runs on the same pool.
///
/// ```swift
/// let url = server.url("/catalog.json")
/// let response = try await onDedicatedThread { try HTTPClient().get(url) }
/// ```
/// Create non-`Sendable` objects such as an `HTTPClient` inside `work`.
/// - Parameter work: the blocking work.
/// - Returns: what `work` returns.
/// - Throws: what `work` throws, with its type kept.
public func onDedicatedThread<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    try await performBlocking(work)
}
