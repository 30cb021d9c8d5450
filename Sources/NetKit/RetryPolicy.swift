import Foundation

/// When and how long to wait before trying a request again.
///
/// seekgpu's rule (decision 11): retry on network errors, 429 and 5xx with exponential backoff, by default
/// 5 s, 10 s and 20 s; never on other 4xx. ``HTTPClient/get(_:headers:retry:onRetry:)`` applies it.
///
/// Tests inject a policy that never sleeps: ``immediate(retries:)``, or a custom ``sleep`` that records the delays.
public struct RetryPolicy: Sendable {
    /// The wait before each retry, in seconds: `delays[0]` before the first retry, and so on. Its count is the
    /// most retries, so a request is tried at most `delays.count + 1` times.
    public var delays: [Double]
    /// The longest `Retry-After` honoured, in seconds (a larger value is cut to this). Default 60.
    public var maxRetryAfter: Double
    /// Waits the given number of seconds. Default: `Thread.sleep(forTimeInterval:)`.
    public var sleep: @Sendable (Double) -> Void

    /// Creates a policy.
    /// - Parameters:
    ///   - delays: seconds to wait before each retry; default `[5, 10, 20]`.
    ///   - maxRetryAfter: cap in seconds on a server's `Retry-After`; default 60.
    ///   - sleep: how to wait; default `Thread.sleep(forTimeInterval:)`.
    public init(delays: [Double] = [5, 10, 20], maxRetryAfter: Double = 60,
                sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.delays = delays
        self.maxRetryAfter = maxRetryAfter
        self.sleep = sleep
    }

    /// Up to 3 retries after 5 s, 10 s and 20 s, sleeping for real.
    public static let standard = RetryPolicy()

    /// No retries: one attempt.
    public static let none = RetryPolicy(delays: [])

    /// Up to `retries` retries with zero delays and a sleep that returns at once, for tests.
    /// A `Retry-After` still shows in the delay reported to `onRetry`, but nothing waits.
    /// - Parameter retries: the most retries; default 3.
    /// - Returns: the policy.
    public static func immediate(retries: Int = 3) -> RetryPolicy {
        RetryPolicy(delays: Array(repeating: 0, count: max(0, retries)), sleep: { _ in })
    }

    /// Whether a response with this status is worth retrying: 429 (too many requests) and every 5xx.
    /// - Parameter status: an HTTP status code.
    /// - Returns: true for 429 and 500–599.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500..<600).contains(status)
    }

    /// The wait before retry number `retry` (0-based) after `response`: `delays[retry]`, or the response's
    /// `Retry-After` seconds if larger (on 429 and 503 only, capped at ``maxRetryAfter``).
    /// - Parameters:
    ///   - retry: 0 for the first retry.
    ///   - response: the response being retried, if the attempt got one.
    /// - Returns: seconds to wait, or nil when ``delays`` has no entry left.
    public func delay(beforeRetry retry: Int, after response: HTTPResponse?) -> Double? {
        guard delays.indices.contains(retry) else { return nil }
        let planned = max(0, delays[retry])
        guard let response, response.status == 429 || response.status == 503,
              let field = response.header("retry-after"), let seconds = Double(field.trimmingSpaces()),
              seconds.isFinite, seconds >= 0 else {
            return planned
        }
        return max(planned, min(seconds, maxRetryAfter))
    }
}
