import Foundation
import Logging
import NetKit

/// Sends one batch of an ``HTTPSDestination`` with its retries; blocking, on the delivery's own thread.
struct BatchSender: Sendable {
    let config: HTTPSOutputConfig
    /// The URL with its `${NAME}` references resolved.
    let url: String
    let label: String
    let headers: [(name: String, value: String)]
    /// Values substituted from the environment, blanked out of every message.
    let secrets: [String]
    let sleep: @Sendable (Double) -> Void
    let logger: Logger

    /// Sends `body` until a 2xx answer, retrying as the config allows.
    /// - Parameters:
    ///   - body: the rendered batch.
    ///   - batch: the batch's index (0-based).
    ///   - count: how many batches there are.
    ///   - records: the batch's record indices (0-based), for messages.
    ///   - client: the client to send with.
    /// - Throws: ``HTTPSOutputError``.
    func send(_ body: [UInt8], batch: Int, of count: Int, records: Range<Int>, client: HTTPClient) throws(HTTPSOutputError) {
        var request = HTTPRequest(method: config.method.rawValue, url: url, headers: headers, body: body,
                                  timeout: config.timeout)
        request.verifyTLS = config.verifySSL
        request.clientCertificatePath = config.clientCert
        request.clientKeyPath = config.clientKey
        let maxAttempts = max(0, config.retryAttempts) + 1
        let place = count == 1 ? "" : "batch \(batch + 1) of \(count), "
        let span = records.isEmpty ? "no records" : "records \(records.lowerBound + 1)–\(records.upperBound)"
        var attempt = 1
        while true {
            let outcome: Result<HTTPResponse, NetError>
            do { outcome = .success(try client.send(request)) } catch { outcome = .failure(error) }
            let reason: String
            switch outcome {
            case .success(let response):
                if response.isSuccess {
                    logger.debug("\(label): \(place)\(span) delivered (\(body.count) bytes, HTTP \(response.status))")
                    return
                }
                let position = "(\(place)\(span), attempt \(attempt) of \(maxAttempts))"
                let retryable = config.retryOnStatus.contains(response.status)
                guard retryable, attempt < maxAttempts else {
                    let verdict = retryable ? "retries used up" : "not retried (status not in retry_on_status)"
                    throw HTTPSOutputError(message: clean("\(label) answered HTTP \(response.status) \(position), \(verdict)"
                        + excerpt(response.body)), status: response.status, attempts: attempt)
                }
                reason = "HTTP \(response.status)"
            case .failure(let error):
                guard error.isRetryable, attempt < maxAttempts else {
                    throw HTTPSOutputError(message: clean("\(label) failed (\(place)\(span), attempt \(attempt) of "
                        + "\(maxAttempts)): \(error.message) (curl \(error.curlCode): \(error.curlMessage))"), attempts: attempt)
                }
                reason = "\(error.code) (curl \(error.curlCode))"
            }
            let delay = max(0, config.retryDelay * pow(config.retryBackoff, Double(attempt - 1)))
            let wait = HTTPSDestination.seconds(delay)
            logger.warning("\(label): \(place)\(span) got \(reason); retrying in \(wait) s (retry \(attempt) of \(maxAttempts - 1))")
            sleep(delay)
            attempt += 1
        }
    }

    /// `": <first 200 characters of the body, one line>"`, or empty for an empty body.
    private func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(2048), as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return "" }
        return ": " + (text.count > 200 ? text.prefix(200) + "…" : text)
    }

    /// `text` with the secrets blanked out.
    private func clean(_ text: String) -> String { HTTPSHeaderTemplate.blanking(secrets, in: text) }
}
