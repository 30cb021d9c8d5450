import Foundation
import Logging
import NetKit

/// The `https` output: sends a pipeline's records to a URL with POST, PUT or PATCH, in batches, with retries.
///
/// - **Batches**: `batch_size` records per request, each batch rendered on its own with `payload.render` (so every
///   request is a complete JSON or CSV document); `batch_size` unset, or a summary payload (metrics), is one request.
///   No records still make one request with the empty rendering, so the receiver learns that nothing matched.
///   `batch_delay` seconds pass between batches (not after the last).
/// - **Headers**: `${NAME}` in values is replaced by environment variable `NAME` (``HTTPSHeaderTemplate``); a missing
///   variable fails before anything is sent. `Content-Type` is the payload's unless the headers set one. The URL
///   may use `${NAME}` too (a webhook URL is often a secret itself); ``label`` then shows the template.
/// - **Retries**: a status in `retry_on_status` or a network error (not an unfixable one such as a malformed URL) is
///   retried up to `retry_attempts` times (so a batch is sent at most `retry_attempts + 1` times), waiting
///   `retry_delay × retry_backoff^n` seconds before retry *n* (0-based). Any other non-2xx status fails at once with
///   the status and a short excerpt of the body. A failed batch stops the output; earlier batches stay delivered.
/// - **TLS**: `verify_ssl: false` turns certificate and host-name checks off; `client_cert`/`client_key` are PEM paths.
/// - **Timeout**: `timeout` seconds per request.
/// - **Secrets**: substituted header values never reach logs or errors; they are blanked (`***`) out of response
///   excerpts too, in case the server echoes them. URLs are shown without user info and query.
public struct HTTPSDestination: ExportDestination {
    /// The output's settings.
    public let config: HTTPSOutputConfig
    /// Waits the given seconds between batches and before retries; tests inject one that records and returns.
    public var sleep: @Sendable (Double) -> Void
    /// Where batches and retries are logged (never with header values).
    public var logger: Logger

    /// Creates the output.
    /// - Parameters:
    ///   - config: the settings.
    ///   - sleep: how to wait; default `Thread.sleep(forTimeInterval:)` (delivery runs on a thread of its own).
    ///   - logger: the logger.
    public init(config: HTTPSOutputConfig, sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                logger: Logger = Logger(label: "seekgpu.export.https")) {
        self.config = config
        self.sleep = sleep
        self.logger = logger
    }

    /// `POST https://host/path`, without user info and query; `${NAME}` references in the URL are shown as written.
    public var label: String { "\(config.method.rawValue) \(URLRedaction.redacted(config.url))" }

    /// Sends every batch; returns e.g. `POST https://host/path (3 requests)`.
    /// - Throws: ``HTTPSOutputError`` (missing variable, refused batch, retries used up, network failure); the
    ///   payload's rendering error as it is.
    public func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String {
        let label = self.label
        var (headers, secrets) = try HTTPSHeaderTemplate.resolve(config.headers, environment: context.environment, label: label)
        let url = try HTTPSHeaderTemplate.substitute(config.url, environment: context.environment, label: label, place: "url",
                                                     secrets: &secrets)
        var fields = headers
        if !fields.contains(where: { $0.name.lowercased() == "content-type" }) {
            fields.append((name: "Content-Type", value: payload.contentType))
        }
        let batches = Self.batches(of: payload.records, size: config.batchSize, summary: payload.isSummary)
        if !config.verifySSL { logger.warning("\(label): TLS certificate verification is off (verify_ssl: false)") }
        let sender = BatchSender(config: config, url: url, label: label, headers: fields, secrets: secrets, sleep: sleep, logger: logger)
        let render = payload.render
        let sent = try await performBlocking { () throws -> Int in
            let client = try HTTPClient(configuration: .init(connectTimeout: min(10, config.timeout),
                                                             totalTimeout: config.timeout))
            for (index, batch) in batches.enumerated() {
                if index > 0, config.batchDelay > 0 { sender.sleep(config.batchDelay) }
                try sender.send(try render(batch.records), batch: index, of: batches.count, records: batch.range,
                                client: client)
            }
            return batches.count
        }
        return "\(label) (\(sent) request\(sent == 1 ? "" : "s"))"
    }

    /// The records split into batches of `size` (all in one when `size` is nil or below 1, or for a summary); at
    /// least one batch, possibly empty.
    static func batches(of records: [ExportRecord], size: Int?,
                        summary: Bool) -> [(records: [ExportRecord], range: Range<Int>)] {
        guard let size, size > 0, !summary, records.count > size else { return [(records, 0..<records.count)] }
        return stride(from: 0, to: records.count, by: size).map { start in
            let end = min(start + size, records.count)
            return (Array(records[start..<end]), start..<end)
        }
    }

    /// `0.5` → `"0.5"`, `2.0` → `"2"`.
    static func seconds(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
