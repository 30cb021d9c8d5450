import Foundation
import SeekCore

extension ExportRecord {
    /// Maps one gpuhunt catalog row (README, "Export pipelines", has the table); nil when the row
    /// has no usable `price`, `gpu_count` or `spot` (such rows are counted as malformed).
    public init?(catalogRow row: RawCatalogRow) {
        let columns = row.columns
        func text(_ name: String) -> String? {
            guard let value = columns[name], !value.isEmpty else { return nil }
            return value
        }
        func number(_ name: String) -> Double? { text(name).flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }
        guard let price = number("price"), let count = text("gpu_count").flatMap(Int.init), count >= 0,
              let spot = text("spot").flatMap(CatalogTable.bool)
        else { return nil }
        let data = Self.providerData(text("provider_data"))
        self.init(provider: row.provider, instanceType: columns["instance_name"] ?? "", acceleratorName: text("gpu_name"),
                  region: columns["location"] ?? "", acceleratorCount: count, acceleratorMemGiB: number("gpu_memory"),
                  quantity: data?["quantity"]?.intValue,
                  price: spot ? nil : price, spotPrice: spot ? price : nil,
                  vCPUs: number("cpu"), memoryGiB: number("memory"),
                  availability: data?["availability"]?.stringValue.flatMap(Availability.init(spelling:)),
                  collectedAt: Self.collectedAt(version: row.catalogVersion), catalogVersion: row.catalogVersion,
                  raw: columns)
    }

    /// The Unix time a catalog version names: `20260822-1` → 2026-08-22T00:00:00Z = 1787356800;
    /// nil when the version does not start with a valid `YYYYMMDD` date (e.g. `local`).
    public static func collectedAt(version: String) -> Int64? {
        PriceSource.date(ofVersion: version)?.startUnixTime
    }

    /// `provider_data` is a JSON object in gpuhunt's catalogs (`{}` when empty); anything else is ignored.
    private static func providerData(_ text: String?) -> JSONObject? {
        guard let text, let value = try? JSONParser.parse(text) else { return nil }
        return value.objectValue
    }
}

/// The records of one run and where they came from, as the transformers and the report need them.
public struct ExportInput: Sendable {
    /// Every mapped catalog row, in provider then file order.
    public var records: [ExportRecord]
    /// Provider → catalog version read.
    public var catalogVersions: [String: String]
    /// Catalog rows that could not be mapped (wrong field count, unparsable price, count or spot).
    public var skippedRows: Int

    /// Creates an input.
    public init(records: [ExportRecord], catalogVersions: [String: String], skippedRows: Int = 0) {
        self.records = records
        self.catalogVersions = catalogVersions
        self.skippedRows = skippedRows
    }

    /// Maps every row of the run's catalogs.
    public init(catalogs: Catalogs) {
        let mapped = catalogs.rawRows.map(ExportRecord.init(catalogRow:))
        self.init(records: mapped.compactMap { $0 }, catalogVersions: catalogs.versions,
                  skippedRows: catalogs.malformedRows + mapped.filter { $0 == nil }.count)
    }
}
