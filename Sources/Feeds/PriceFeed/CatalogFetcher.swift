import Foundation
import NetKit
import SeekCore

/// One provider's catalog as read: its version and the CSV bytes.
struct FetchedCatalog: Sendable {
    var provider: String
    /// The catalog version, e.g. `20260822-1` (`local` for a directory of CSV files).
    var version: String
    var csv: Data
    /// The URL (without secrets) or path the CSV came from, for messages.
    var source: String
}

/// The fetch half of the prices step: reads one provider's catalog over HTTP (libcurl, with
/// retries) or from a directory, as gpuhunt does.
struct CatalogFetcher: Sendable {
    var location: CatalogLocation
    /// Pins every provider to this catalog version instead of reading `{provider}/version`.
    var pinnedVersion: CatalogVersion?
    var http: HTTPClient.Configuration
    var retry: RetryPolicy
    /// Called before each retry with a line for the log.
    var onRetry: @Sendable (String) -> Void = { _ in }

    func fetch(_ provider: String) -> Result<FetchedCatalog, ProviderFailure> {
        switch location {
        case .directory(let directory):
            let url = directory.appendingPathComponent("\(provider).csv")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .failure(ProviderFailure(provider: provider, reason: "cannot read \(url.path)", isFormatChange: false))
            }
            // Flat files carry no version: without --catalog-version, `as_of` stays null and no price
            // history point is recorded (a file date would make output depend on the checkout).
            return .success(FetchedCatalog(provider: provider, version: pinnedVersion?.text ?? "local", csv: data,
                                           source: url.path))
        case .bucket(let base):
            do {
                let client = try HTTPClient(configuration: http)
                let version = try pinnedVersion?.text ?? latestVersion(of: provider, base: base, client: client)
                let url = "\(base)/\(provider)/\(version)/catalog.zip"
                let zip = try body(of: url, provider: provider, client: client)
                let shown = URLRedaction.redacted(url)
                let csv = try CatalogArchive.csv(in: Data(zip), provider: provider, source: shown)
                return .success(FetchedCatalog(provider: provider, version: version, csv: csv, source: shown))
            } catch let failure as ProviderFailure {
                return .failure(failure)
            } catch let failure as CatalogArchive.Failure {
                return .failure(ProviderFailure(provider: provider, reason: failure.reason, isFormatChange: failure.isFormatChange))
            } catch {
                return .failure(ProviderFailure(provider: provider, reason: "\(error)", isFormatChange: false))
            }
        }
    }

    private func latestVersion(of provider: String, base: String, client: HTTPClient) throws -> String {
        let url = "\(base)/\(provider)/version"
        let text = String(decoding: try body(of: url, provider: provider, client: client), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard CatalogVersion(text) != nil else {
            throw ProviderFailure(provider: provider, reason: "\(URLRedaction.redacted(url)) did not return a catalog version "
                                  + "(got '\(text.prefix(40))')", isFormatChange: true)
        }
        return text
    }

    private func body(of url: String, provider: String, client: HTTPClient) throws -> [UInt8] {
        let response = try client.get(url, retry: retry) { attempt, reason, delay in
            onRetry("\(provider): \(reason); retry \(attempt) in \(PythonishSeconds(delay)) s")
        }
        guard response.isSuccess else {
            throw ProviderFailure(provider: provider, reason: "HTTP \(response.status) for \(URLRedaction.redacted(url))",
                                  isFormatChange: false)
        }
        return response.body
    }
}

/// Seconds for a log line: `5`, `0.5`.
private func PythonishSeconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
