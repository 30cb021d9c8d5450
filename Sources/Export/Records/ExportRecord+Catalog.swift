import Feeds
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
              let spot = text("spot").flatMap(Self.pythonBool)
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
        guard let day = PriceSource.date(ofVersion: version) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let parts = day.iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
              let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { return nil }
        return Int64(date.timeIntervalSince1970)
    }

    /// `provider_data` is a JSON object in gpuhunt's catalogs (`{}` when empty); anything else is ignored.
    private static func providerData(_ text: String?) -> JSONObject? {
        guard let text, let value = try? JSONParser.parse(text) else { return nil }
        return value.objectValue
    }

    private static func pythonBool(_ text: String) -> Bool? {
        switch text {
        case "True", "true", "1": true
        case "False", "false", "0": false
        default: nil
        }
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

    /// Maps every row of `catalog`.
    public init(catalog: CatalogRows) {
        let mapped = catalog.rows.map(ExportRecord.init(catalogRow:))
        self.init(records: mapped.compactMap { $0 }, catalogVersions: catalog.versions,
                  skippedRows: catalog.malformedRows + mapped.filter { $0 == nil }.count)
    }
}
