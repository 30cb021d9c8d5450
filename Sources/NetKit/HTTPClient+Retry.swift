extension HTTPClient {
    /// Fetches `url`, trying again after transport errors, 429 and 5xx as `retry` allows.
    ///
    /// - A response with any other status (2xx, 3xx, 404, …) is returned at once, without retrying.
    /// - A ``NetError`` is retried when ``NetError/isRetryable`` (everything but ``NetError/Code/tooLarge``
    ///   and unfixable URL or file errors); otherwise it is thrown at once.
    /// - Before retry *n* the client calls `onRetry`, then `retry.sleep` with the delay from
    ///   ``RetryPolicy/delay(beforeRetry:after:)`` (which honours `Retry-After` on 429 and 503).
    /// - When the retries run out, the last attempt's outcome stands: its response (e.g. the fourth 503) is
    ///   returned, or its error thrown.
    ///
    /// ```swift
    /// let response = try client.get(url, retry: .standard) { attempt, reason, delay in
    ///     log.warning("retrying in \(delay) s after \(reason) (retry \(attempt))")
    /// }
    /// ```
    /// - Parameters:
    ///   - url: an `http`, `https` or `file` URL.
    ///   - headers: extra request header fields.
    ///   - retry: delays and sleeper; ``RetryPolicy/standard`` waits 5, 10 and 20 s.
    ///   - onRetry: called before each wait with the retry number (1 for the first retry), the reason
    ///     (`"HTTP 503"`, or the error's code and libcurl message, without secrets) and the delay in seconds.
    /// - Returns: the first response that is not retried, or the last response when retries ran out on a status.
    /// - Throws: the last ``NetError`` when the final attempt failed in transport.
    public func get(_ url: String, headers: [String: String] = [:], retry: RetryPolicy,
                    onRetry: ((_ attempt: Int, _ reason: String, _ delay: Double) -> Void)? = nil)
        throws(NetError) -> HTTPResponse {
        try Self.retrying(retry, onRetry: onRetry) { () throws(NetError) in try get(url, headers: headers) }
    }

    /// Runs `attempt` until it gives a response whose status is not retried, an error that is not retried, or
    /// `retry` has no more delays; waits `retry`'s delay before each retry.
    ///
    /// The loop of every retrying NetKit call: ``get(_:headers:retry:onRetry:)`` and signed requests that must be
    /// rebuilt (re-signed) on each attempt.
    /// - Parameters:
    ///   - retry: delays and sleeper.
    ///   - onRetry: called before each wait with the retry number (1 for the first), the reason and the delay.
    ///   - errorReason: the reason given for a transport error (default: its code and libcurl's message).
    ///   - attempt: one attempt.
    /// - Returns: the first response that is not retried, or the last response when retries ran out on a status.
    /// - Throws: the last ``NetError`` when the final attempt failed in transport.
    public static func retrying(_ retry: RetryPolicy, onRetry: ((_ attempt: Int, _ reason: String, _ delay: Double) -> Void)? = nil,
                                errorReason: (NetError) -> String = { "\($0.code) (curl \($0.curlCode): \($0.curlMessage))" },
                                _ attempt: () throws(NetError) -> HTTPResponse) throws(NetError) -> HTTPResponse {
        var retries = 0
        while true {
            let outcome: Result<HTTPResponse, NetError>
            do { outcome = .success(try attempt()) } catch { outcome = .failure(error) }
            let reason: String
            let delay: Double?
            switch outcome {
            case .success(let response):
                guard RetryPolicy.isRetryable(status: response.status) else { return response }
                reason = "HTTP \(response.status)"
                delay = retry.delay(beforeRetry: retries, after: response)
            case .failure(let error):
                guard error.isRetryable else { throw error }
                reason = errorReason(error)
                delay = retry.delay(beforeRetry: retries, after: nil)
            }
            guard let delay else { return try outcome.get() }
            retries += 1
            onRetry?(retries, reason, delay)
            retry.sleep(delay)
        }
    }
}
