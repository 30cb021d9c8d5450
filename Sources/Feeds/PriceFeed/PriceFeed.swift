import Dataset
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
    public var pinnedVersion: CatalogVersion?
    /// Timeouts, size cap and User-Agent of the HTTP requests.
    public var http: HTTPClient.Configuration
    /// Retries of each request (decisions 11).
    public var retry: RetryPolicy

    /// Creates the step.
    public init(configuration: PriceFeedConfiguration, location: CatalogLocation, pinnedVersion: CatalogVersion? = nil,
                http: HTTPClient.Configuration = HTTPClient.Configuration(), retry: RetryPolicy = .standard) {
        self.configuration = configuration
        self.location = location
        self.pinnedVersion = pinnedVersion
        self.http = http
        self.retry = retry
    }

    /// The fetch half: every configured provider's catalog, read in parallel (each with its own
    /// libcurl handle) through the one catalog reader, ``CatalogCSV``. Writes nothing; the result is
    /// handed to ``run(catalogs:dataDirectory:specs:)`` and to the export pipelines alike.
    /// - Parameter log: receives one line per retry and per failed provider.
    /// - Throws: ``FormatChangeError`` when every provider failed and one of them because of its
    ///   format; ``SourceUnavailableError`` when every provider failed otherwise.
    public func fetchCatalogs(log: @escaping @Sendable (String) -> Void = { _ in }) throws -> Catalogs {
        let fetcher = CatalogFetcher(location: location, pinnedVersion: pinnedVersion, http: http, retry: retry,
                                     onRetry: log)
        let providers = configuration.providers
        let results = Parallel.map(providers.count) { fetcher.fetch(providers[$0]) }
        var catalogs = Catalogs(tables: [], failures: [])
        for (provider, result) in zip(providers, results) {
            do {
                let catalog = try result.get()
                catalogs.tables.append(try CatalogCSV.parse(catalog.csv, provider: provider, version: catalog.version,
                                                            source: catalog.source))
            } catch let failure as ProviderFailure {
                catalogs.failures.append(failure)
            } catch let error as FormatChangeError {
                catalogs.failures.append(ProviderFailure(provider: provider, reason: error.details, isFormatChange: true))
            } catch {
                catalogs.failures.append(ProviderFailure(provider: provider, reason: "\(error)", isFormatChange: false))
            }
        }
        for failure in catalogs.failures { log("provider \(failure)") }
        guard !catalogs.tables.isEmpty else {
            let reasons = catalogs.failures.map(\.description).joined(separator: "; ")
            if catalogs.failures.contains(where: \.isFormatChange) {
                throw FormatChangeError(source: "gpuhunt", details: "no provider could be read: \(reasons)")
            }
            throw SourceUnavailableError(source: "gpuhunt catalog at \(location)",
                                         details: "no provider could be read: \(reasons)")
        }
        return catalogs
    }

    /// Fetches every provider, then derives and writes the four files: ``fetchCatalogs(log:)`` then
    /// ``run(catalogs:dataDirectory:specs:)``.
    public func run(dataDirectory: URL, specs: [GPUSpec], log: @escaping @Sendable (String) -> Void = { _ in })
        throws -> PriceRunReport {
        try run(catalogs: try fetchCatalogs(log: log), dataDirectory: dataDirectory, specs: specs)
    }

    /// The derive half: the run's catalogs → the published offerings, source description and price
    /// history, written into `dataDirectory` (`<out>/data`) with `specs` as `gpu_specs.json`.
    ///
    /// A provider missing from `catalogs` keeps its previously published rows, marked stale (decisions 12).
    /// - Throws: ``PublishedFileError`` when a file to read back is malformed; file errors.
    public func run(catalogs: Catalogs, dataDirectory: URL, specs: [GPUSpec]) throws -> PriceRunReport {
        var report = PriceRunReport()
        report.failures = catalogs.failures
        var rows: [CatalogRow] = []
        for table in catalogs.tables {
            let typed = CatalogRow.rows(of: table)
            rows += typed.rows
            report.rowsRead += typed.rows.count
            report.malformedRows += typed.malformed
        }
        let fresh = catalogs.versions
        let providers = configuration.providers

        let store = PriceStore(folder: DataFolder(directory: dataDirectory))
        let previousOfferings = try store.load(DataFiles.offerings) ?? []
        let previousSource = try store.load(DataFiles.gpuSource)
        let failed = Set(providers.filter { fresh[$0] == nil })
        let kept = previousOfferings.filter { failed.contains($0.provider) }
        let offerings = OfferingSelection.select(rows: rows, kept: kept, configuration: configuration)

        let counts = Dictionary(offerings.map { ($0.provider, 1) }, uniquingKeysWith: +)
        var source = PriceSource(asOf: nil, providers: providers.map { provider in
            let version = fresh[provider] ?? previousSource?.providers.first { $0.name == provider }?.catalogVersion
            return PriceSource.Provider(name: provider, catalogVersion: version, stale: fresh[provider] == nil,
                                        offerings: counts[provider] ?? 0)
        })
        // As of the newest catalog any published row comes from, stale providers included, so a
        // failing provider can never move the date back.
        source.asOf = source.providers.compactMap { $0.catalogVersion.flatMap(PriceSource.date(ofVersion:)) }.max()
        var history = try store.load(DataFiles.priceHistory) ?? PriceHistory()
        if let day = source.asOf {
            report.historyPointAdded = history.record(
                PriceHistory.nodePrices(of: offerings, nodes: configuration.servingNodes,
                                        vramGB: configuration.servingNodeVramGB), on: day)
        }
        let specNames = Set(specs.map(\.gpuName))
        report.gpusWithoutSpecs = Array(Set(offerings.map(\.gpuName)).subtracting(specNames))
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        report.offerings = offerings
        report.source = source
        report.history = history
        report.specs = specs

        report.changedFiles = try store.write(offerings: offerings, source: source, history: history, specs: specs)
        return report
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
    /// The published offerings (`gpus.json`).
    public var offerings: [Offering] = []
    /// The published source description (versions, stale markers).
    public var source = PriceSource(asOf: nil, providers: [])
    /// The published price history.
    public var history = PriceHistory()
    /// The published GPU datasheets (`gpu_specs.json`).
    public var specs: [GPUSpec] = []
    /// True when a point was added to (or replaced in) the price history.
    public var historyPointAdded = false
    /// GPUs in `gpus.json` without a `gpu_specs.json` row.
    public var gpusWithoutSpecs: [String] = []
    /// Files whose bytes changed, by name.
    public var changedFiles: [String] = []
}
