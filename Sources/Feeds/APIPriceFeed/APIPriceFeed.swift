import Dataset
import Foundation
import NetKit
import SeekCore

/// The API-pricing step: the latest snapshot's best closed model per lab, priced from
/// LiteLLM's price list, → `api_pricing.json`.
///
/// Everything is computed and checked before anything is written; the file is written
/// atomically and only when its bytes change.
public struct APIPriceFeed: Sendable {
    /// Where LiteLLM publishes its price list.
    public static let defaultURL =
        "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
    /// The environment variable that overrides ``defaultURL`` (an `https`, `http` or `file` URL).
    public static let urlEnvironmentVariable = "SEEKGPU_LITELLM_URL"

    /// Lab patterns, overrides, key map, required labs and dropped prefixes.
    public var configuration: APIPricingConfiguration
    /// The LiteLLM price list URL.
    public var url: String
    /// Timeouts, size cap and User-Agent of the request.
    public var http: HTTPClient.Configuration
    /// Retries of the request.
    public var retry: RetryPolicy

    /// Creates the step.
    /// - Parameters:
    ///   - url: the price list; nil for ``url(environment:)``.
    ///   - environment: where ``urlEnvironmentVariable`` is looked up when `url` is nil.
    public init(configuration: APIPricingConfiguration, url: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                http: HTTPClient.Configuration = HTTPClient.Configuration(), retry: RetryPolicy = .standard) {
        self.configuration = configuration
        self.url = url ?? Self.url(environment: environment)
        self.http = http
        self.retry = retry
    }

    /// ``urlEnvironmentVariable`` when set and not empty, else ``defaultURL``.
    public static func url(environment: [String: String]) -> String {
        if let value = environment[urlEnvironmentVariable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            return value
        }
        return defaultURL
    }

    /// Downloads and parses the LiteLLM price list.
    /// - Parameter log: receives one line per retry.
    /// - Returns: the top-level JSON object.
    /// - Throws: ``SourceUnavailableError`` naming the URL when the request fails or ends with a
    ///   non-2xx status; ``FormatChangeError`` (source `litellm`) when the body is not a JSON object.
    public func fetchPrices(log: @escaping @Sendable (String) -> Void = { _ in }) throws -> JSONValue {
        let response: HTTPResponse
        let url = self.url, shown = URLRedaction.redacted(self.url)
        do {
            let client = try HTTPClient(configuration: http)
            response = try client.get(url, retry: retry) { attempt, reason, delay in
                log("LiteLLM prices: retry \(attempt) in \(delay) s after \(reason) (\(shown))")
            }
        } catch {
            throw SourceUnavailableError(source: "LiteLLM prices at \(shown)", details: "\(error)")
        }
        guard response.isSuccess else {
            throw SourceUnavailableError(source: "LiteLLM prices at \(shown)", details: "HTTP \(response.status)")
        }
        let prices: JSONValue
        do {
            prices = try JSONParser.parse(response.body)
        } catch {
            throw FormatChangeError(source: "litellm", details: "\(shown) is not valid JSON: \(error)")
        }
        guard prices.objectValue != nil else {
            throw FormatChangeError(source: "litellm", details: "\(shown) is not a JSON object keyed by model id")
        }
        return prices
    }

    /// Selects the models from `latest`, fetches LiteLLM and writes `api_pricing.json` into
    /// `dataDirectory` (`<out>/data`).
    ///
    /// Without a snapshot, or when no model is selected, nothing is fetched or written. When no
    /// selected model has a price nothing is written either.
    /// - Parameters:
    ///   - latest: the latest published snapshot, nil when there is none.
    ///   - log: receives retries and warnings (missing keys).
    /// - Throws: ``MissingAPIPricingError`` when a required lab has no price (before writing);
    ///   the errors of ``fetchPrices(log:)``; ``FileWriteError``.
    public func run(dataDirectory: URL, latest: Snapshot?, log: @escaping @Sendable (String) -> Void = { _ in })
        throws -> APIPricingReport {
        var report = APIPricingReport()
        guard let latest else {
            report.skipped = "no latest snapshot"
            return report
        }
        report.selection = APIPricing.bestClosedModels(in: latest.entries, configuration: configuration)
        guard !report.selection.isEmpty else {
            report.skipped = "no closed model with a score in the snapshot of \(latest.day) and no override"
            return report
        }
        let prices = try fetchPrices(log: log)
        let (rows, missing) = try APIPricing.rows(prices: prices, selection: report.selection,
                                                  configuration: configuration)
        for item in missing {
            log("LiteLLM pricing key not found for '\(item.model)' (tried '\(item.triedKey)'). "
                + "Update litellm_id_map in config/\(APIPricingConfiguration.fileName).")
        }
        report.missing = try APIPricing.checkRequiredLabs(missing: missing, configuration: configuration)
        report.rows = try rows.map { row in
            do {
                return try APIPrice(publishedRow: row.objectValue ?? JSONObject(),
                                    source: "LiteLLM entry '\(row["litellm_id"]?.stringValue ?? "?")' at \(URLRedaction.redacted(url))")
            } catch {
                throw FormatChangeError(source: "litellm", details: "\(error)")
            }
        }
        guard !rows.isEmpty else {
            report.skipped = "no selected model has a LiteLLM price"
            return report
        }
        report.changed = try DataFolder(directory: dataDirectory).write(report.rows, as: DataFiles.apiPricing)
        return report
    }
}

/// What the API-pricing step did, for the run summary and alerts.
public struct APIPricingReport: Sendable {
    /// lab → selected model name (empty when skipped before selection).
    public var selection: [String: String] = [:]
    /// The published prices, in file order.
    public var rows: [APIPrice] = []
    /// Selected models of labs that are not required and have no LiteLLM price.
    public var missing: [APIPricing.MissingPrice] = []
    /// True when `api_pricing.json` was written (its bytes changed).
    public var changed = false
    /// Why nothing was written, when the step stopped early; nil otherwise.
    public var skipped: String?

    /// Creates an empty report.
    public init() {}

    /// `API pricing updated: lab/model, …`, or nil when no rows were produced.
    public var updateLine: String? {
        rows.isEmpty ? nil : APIPricing.updateLine(prices: rows)
    }
}
