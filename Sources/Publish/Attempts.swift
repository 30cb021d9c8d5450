/// Runs a job up to a number of attempts with pauses between them, unless a failure says
/// retrying cannot help (decisions.md 11: a detected format change alerts and stops at once).
public struct Attempts: Sendable {
    /// Seconds to wait before the 2nd, 3rd, … attempt; its count + 1 is the number of attempts.
    public var delays: [Double]
    /// Waits; injectable so tests do not sleep.
    public var sleep: @Sendable (Double) async -> Void

    /// The daily job's default: 3 attempts, 1 and then 5 minutes apart.
    public static let daily = Attempts(delays: [60, 300])

    /// Creates a policy.
    public init(delays: [Double], sleep: @escaping @Sendable (Double) async -> Void = { seconds in
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }) {
        self.delays = delays
        self.sleep = sleep
    }

    /// What happened.
    public enum Outcome<Value: Sendable>: Sendable {
        /// The job succeeded on this attempt (1-based).
        case succeeded(Value, attempt: Int)
        /// Every attempt failed, or one failed permanently; the last error and its attempt.
        case failed(any Error, attempt: Int, permanent: Bool)
    }

    /// Runs `job` until it succeeds, fails permanently or the attempts are used up.
    ///
    /// - Parameters:
    ///   - isPermanent: Whether an error makes further attempts pointless.
    ///   - onRetry: Called before each pause with the failed attempt's number, its error and the pause.
    ///   - job: The work; receives the 1-based attempt number.
    public func run<Value: Sendable>(isPermanent: (any Error) -> Bool,
                                     onRetry: (Int, any Error, Double) -> Void = { _, _, _ in },
                                     _ job: (Int) async throws -> Value) async -> Outcome<Value> {
        var attempt = 1
        while true {
            do {
                return .succeeded(try await job(attempt), attempt: attempt)
            } catch {
                let permanent = isPermanent(error)
                guard !permanent, attempt <= delays.count else {
                    return .failed(error, attempt: attempt, permanent: permanent)
                }
                let pause = delays[attempt - 1]
                onRetry(attempt, error, pause)
                await sleep(pause)
                attempt += 1
            }
        }
    }
}
