import Foundation
import NetKit
import SeekCore

/// The fetch half of reading a model: `GET {HF_ENDPOINT}/{repo}/resolve/main/config.json` through
/// NetKit with the retry policy, `HF_TOKEN` sent as a Bearer token and never shown. Used by the
/// models step and by `seekgpu size --hf`.
public struct HubConfigFetcher: Sendable {
    /// Hugging Face's public endpoint.
    public static let publicEndpoint = "https://huggingface.co"

    /// `HF_ENDPOINT` (default ``publicEndpoint``), without a trailing slash.
    public var endpoint: String
    /// `HF_TOKEN`, for gated repositories; never logged.
    public var token: String?
    /// Timeouts, size cap and User-Agent.
    public var http: HTTPClient.Configuration
    /// Retries of each request (decisions 11).
    public var retry: RetryPolicy

    /// Creates a fetcher; `environment` supplies `HF_ENDPOINT` and `HF_TOKEN`, as huggingface_hub reads them.
    public init(environment: [String: String], http: HTTPClient.Configuration = HTTPClient.Configuration(),
                retry: RetryPolicy = .standard) {
        let endpoint = environment["HF_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.publicEndpoint
        self.endpoint = endpoint.withoutTrailingSlashes
        self.token = environment["HF_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        self.http = http
        self.retry = retry
    }

    /// The URL of `repo`'s config.json.
    public func url(of repo: String) -> String { "\(endpoint)/\(repo)/resolve/main/config.json" }

    /// The parsed `config.json` of `repo` (e.g. `zai-org/GLM-5`).
    /// - Parameter log: receives one line per retry.
    /// - Throws: ``HubConfigError`` saying what failed and what to do, naming the URL without secrets.
    public func config(of repo: String, log: @escaping @Sendable (String) -> Void = { _ in }) throws(HubConfigError) -> JSONValue {
        let url = url(of: repo)
        let shown = URLRedaction.redacted(url)
        let response: HTTPResponse
        do {
            let client = try HTTPClient(configuration: http)
            response = try client.get(url, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:],
                                      retry: retry) { attempt, reason, delay in
                log("\(shown): \(reason); retry \(attempt) in \(delay) s")
            }
        } catch {
            throw HubConfigError(kind: .unreachable, message: "cannot fetch \(shown): \(error)")
        }
        switch response.status {
        case 200..<300:
            break
        case 401, 403:
            throw HubConfigError(kind: .refused, message: token == nil
                ? "\(shown) is gated (HTTP \(response.status)): set HF_TOKEN to a token that can read \(repo)"
                : "\(shown) refused HF_TOKEN (HTTP \(response.status)): give the token access to \(repo)")
        case 404:
            throw HubConfigError(kind: .notFound, message: "\(shown) not found (HTTP 404)")
        default:
            throw HubConfigError(kind: .unreachable, message: "HTTP \(response.status) for \(shown)")
        }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw HubConfigError(kind: .invalidJSON, message: "\(shown) is not valid JSON (\(error))")
        }
    }
}

/// A `config.json` that could not be fetched or parsed.
public struct HubConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The request failed or ended with an unexpected status.
        case unreachable
        /// 401 or 403: the repository is gated or the token lacks access.
        case refused
        /// 404: no such repository or file.
        case notFound
        /// The body is not JSON: the file was fetched but is unusable.
        case invalidJSON
    }

    /// What went wrong.
    public var kind: Kind
    /// The message, naming the URL without secrets.
    public var message: String

    public var description: String { message }
}
