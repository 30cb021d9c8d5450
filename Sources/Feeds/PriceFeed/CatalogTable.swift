import CSV
import Foundation
import SeekCore

/// One row of a gpuhunt catalog exactly as the CSV has it: every column, as text.
///
/// Unlike ``CatalogRow`` (the columns the prices step reads, typed), this keeps `cpu`, `memory`,
/// `disk_size`, `flags`, `cpu_arch` and `provider_data` too, for the export pipelines.
public struct RawCatalogRow: Sendable, Equatable {
    /// The provider whose catalog the row is from.
    public var provider: String
    /// The catalog version the row was read from, e.g. `20260822-1` (`local` for an unpinned
    /// directory of CSV files).
    public var catalogVersion: String
    /// Column name → field text, for every column of the file's header.
    public var columns: [String: String]

    /// Creates a row.
    public init(provider: String, catalogVersion: String, columns: [String: String]) {
        self.provider = provider
        self.catalogVersion = catalogVersion
        self.columns = columns
    }
}

/// Every row of every provider's catalog of one run, and what could not be read.
public struct CatalogRows: Sendable {
    /// Rows in provider order (configuration order), then file order.
    public var rows: [RawCatalogRow]
    /// Provider → catalog version read, for the providers that loaded.
    public var versions: [String: String]
    /// Rows skipped because their number of fields differs from the header's.
    public var malformedRows: Int
    /// Providers that could not be read (the others are still returned).
    public var failures: [ProviderFailure]
}

extension CatalogCSV {
    /// Parses `{provider}.csv` keeping every column as text; rows with a wrong number of fields
    /// are counted, not returned.
    /// - Throws: ``FormatChangeError`` when a required column is missing or the file is not UTF-8 text.
    static func parseColumns(_ data: Data, provider: String, version: String, source: String) throws
        -> (rows: [RawCatalogRow], malformed: Int) {
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: InputStream(data: data), codecType: UTF8.self, hasHeaderRow: true)
        } catch {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) is not a readable CSV file (\(error))")
        }
        let header = reader.headerRow ?? []
        let missing = requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) lacks the column(s) \(missing.joined(separator: ", "))")
        }
        var rows: [RawCatalogRow] = []
        var malformed = 0
        while let fields = reader.next() {
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            guard fields.count == header.count else {
                malformed += 1
                continue
            }
            var columns: [String: String] = [:]
            for (name, value) in zip(header, fields) where columns[name] == nil { columns[name] = value }
            rows.append(RawCatalogRow(provider: provider, catalogVersion: version, columns: columns))
        }
        if let error = reader.error {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) could not be read to the end (\(error))")
        }
        return (rows, malformed)
    }
}

extension PriceFeed {
    /// Reads every row of every configured provider's catalog, unfiltered and unreduced, with the
    /// same locations, pinning, HTTP settings and retries as ``run(dataDirectory:specs:log:)``;
    /// writes nothing.
    /// - Parameter log: receives one line per retry and per failed provider.
    /// - Throws: ``FormatChangeError`` when every provider failed and one of them because of its
    ///   format; ``SourceUnavailableError`` when every provider failed otherwise.
    public func catalogRows(log: @escaping @Sendable (String) -> Void = { _ in }) throws -> CatalogRows {
        let fetcher = CatalogFetcher(location: location, pinnedVersion: pinnedVersion, http: http, retry: retry,
                                     onRetry: log)
        let providers = configuration.providers
        let results = Parallel.map(providers.count) { fetcher.fetch(providers[$0]) }
        var result = CatalogRows(rows: [], versions: [:], malformedRows: 0, failures: [])
        for (provider, fetched) in zip(providers, results) {
            do {
                let catalog = try fetched.get()
                let parsed = try CatalogCSV.parseColumns(catalog.csv, provider: provider, version: catalog.version,
                                                         source: catalog.source)
                result.rows += parsed.rows
                result.malformedRows += parsed.malformed
                result.versions[provider] = catalog.version
            } catch let failure as ProviderFailure {
                result.failures.append(failure)
            } catch let error as FormatChangeError {
                result.failures.append(ProviderFailure(provider: provider, reason: error.details, isFormatChange: true))
            } catch {
                result.failures.append(ProviderFailure(provider: provider, reason: "\(error)", isFormatChange: false))
            }
        }
        for failure in result.failures { log("provider \(failure)") }
        guard !result.versions.isEmpty else {
            let reasons = result.failures.map(\.description).joined(separator: "; ")
            if result.failures.contains(where: \.isFormatChange) {
                throw FormatChangeError(source: "gpuhunt", details: "no provider could be read: \(reasons)")
            }
            throw SourceUnavailableError(source: "gpuhunt catalog at \(location)",
                                         details: "no provider could be read: \(reasons)")
        }
        return result
    }
}
