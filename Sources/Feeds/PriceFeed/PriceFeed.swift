import Foundation
import NetKit
import SeekCore

/// The prices step: gpuhunt catalogs → `gpus.json`, `gpu_source.json`, `gpu_price_history.json`
/// and, from the datasheet tables, `gpu_specs.json`.
///
/// Providers are fetched in parallel, each with its own libcurl handle. A provider that fails
/// keeps its previously published rows, marked stale in `gpu_source.json` (decisions 12); if
/// every provider fails nothing is written. All files are computed before the first is
/// written, and each is written atomically and only when its bytes change.
public struct PriceFeed: Sendable {
    /// Filter and classification tables.
    public var configuration: PriceFeedConfiguration
    /// Where catalogs are read from.
    public var location: CatalogLocation
    /// Pins every provider to one catalog version (`--catalog-version`).
    public var pinnedVersion: String?
    /// Timeouts, size cap and User-Agent of the HTTP requests.
    public var http: HTTPClient.Configuration
    /// Retries of each request (decisions 11).
    public var retry: RetryPolicy

    /// Creates the step.
    public init(configuration: PriceFeedConfiguration, location: CatalogLocation, pinnedVersion: String? = nil,
                http: HTTPClient.Configuration = HTTPClient.Configuration(), retry: RetryPolicy = .standard) {
        self.configuration = configuration
        self.location = location
        self.pinnedVersion = pinnedVersion
        self.http = http
        self.retry = retry
    }

    /// Reads every provider, then writes the four files into `dataDirectory` (`<out>/data`).
    /// - Parameters:
    ///   - specs: the GPU datasheet rows to publish as `gpu_specs.json`.
    ///   - log: receives one line per retry and per failed provider.
    /// - Throws: ``FormatChangeError`` when every provider failed and one of them because of its
    ///   format; ``SourceUnavailableError`` when every provider failed otherwise; file errors.
    public func run(dataDirectory: URL, specs: [GPUSpec], log: @escaping @Sendable (String) -> Void = { _ in })
        throws -> PriceRunReport {
        let fetcher = CatalogFetcher(location: location, pinnedVersion: pinnedVersion, http: http, retry: retry,
                                     onRetry: log)
        let providers = configuration.providers
        let results = Parallel.map(providers.count) { fetcher.fetch(providers[$0]) }

        var report = PriceRunReport()
        var rows: [CatalogRow] = []
        var fresh: [String: FetchedCatalog] = [:]
        for (provider, result) in zip(providers, results) {
            do {
                let catalog = try result.get()
                let parsed = try CatalogCSV.parse(catalog.csv, provider: provider, source: catalog.source)
                rows += parsed.rows
                fresh[provider] = catalog
                report.rowsRead += parsed.rows.count
                report.malformedRows += parsed.malformedRows
            } catch let failure as ProviderFailure {
                report.failures.append(failure)
            } catch let error as FormatChangeError {
                report.failures.append(ProviderFailure(provider: provider, reason: error.details, isFormatChange: true))
            } catch {
                report.failures.append(ProviderFailure(provider: provider, reason: "\(error)", isFormatChange: false))
            }
        }
        for failure in report.failures { log("provider \(failure)") }
        guard !fresh.isEmpty else {
            let reasons = report.failures.map(\.description).joined(separator: "; ")
            if report.failures.contains(where: \.isFormatChange) {
                throw FormatChangeError(source: "gpuhunt", details: "no provider could be read: \(reasons)")
            }
            throw SourceUnavailableError(source: "gpuhunt catalog at \(location)",
                                         details: "no provider could be read: \(reasons)")
        }

        let store = PriceStore(directory: dataDirectory)
        let previousOfferings = try store.loadOfferings() ?? []
        let previousSource = store.loadSource()
        let failed = Set(report.failures.map(\.provider))
        let kept = previousOfferings.filter { failed.contains($0.provider) }
        let offerings = OfferingSelection.select(rows: rows, kept: kept, configuration: configuration)

        let counts = Dictionary(offerings.map { ($0.provider, 1) }, uniquingKeysWith: +)
        var source = PriceSource(asOf: nil, providers: providers.map { provider in
            let version = fresh[provider]?.version
                ?? previousSource?.providers.first { $0.name == provider }?.catalogVersion
            return PriceSource.Provider(name: provider, catalogVersion: version, stale: fresh[provider] == nil,
                                        offerings: counts[provider] ?? 0)
        })
        // As of the newest catalog any published row comes from, stale providers included, so a
        // failing provider can never move the date back.
        source.asOf = source.providers.compactMap { $0.catalogVersion.flatMap(PriceSource.date(ofVersion:)) }.max()
        var history = try store.loadHistory() ?? PriceHistory()
        if let day = source.asOf {
            report.historyPointAdded = history.record(
                PriceHistory.nodePrices(of: offerings, nodes: configuration.servingNodes,
                                        vramGB: configuration.servingNodeVramGB), on: day)
        }
        let specNames = Set(specs.map(\.gpuName))
        report.gpusWithoutSpecs = Array(Set(offerings.map(\.gpuName)).subtracting(specNames))
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        report.offerings = offerings.count
        report.source = source

        report.changedFiles = try store.write(offerings: offerings, source: source, history: history, specs: specs)
        return report
    }
}

/// Every source of a required input failed; retrying later may help.
public struct SourceUnavailableError: Error, Sendable, CustomStringConvertible {
    /// The exit status of a run that stops because a required source is unavailable (`EX_UNAVAILABLE`).
    public static let exitCode: Int32 = 69
    /// The source, with its URL or path.
    public var source: String
    /// What failed.
    public var details: String

    public var description: String {
        "\(source) is unavailable: \(details). This step wrote nothing; try again later."
    }
}

/// What the prices step did, for the run summary and alerts.
public struct PriceRunReport: Sendable {
    /// Catalog rows parsed across providers.
    public var rowsRead = 0
    /// Catalog rows skipped as malformed.
    public var malformedRows = 0
    /// Providers that failed (their earlier rows were kept).
    public var failures: [ProviderFailure] = []
    /// Published offerings.
    public var offerings = 0
    /// The published source description (versions, stale markers).
    public var source = PriceSource(asOf: nil, providers: [])
    /// True when a point was added to (or replaced in) the price history.
    public var historyPointAdded = false
    /// GPUs in `gpus.json` without a `gpu_specs.json` row.
    public var gpusWithoutSpecs: [String] = []
    /// Files whose bytes changed, by name.
    public var changedFiles: [String] = []
}
