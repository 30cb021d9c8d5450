import SeekCore

/// One offer of a gpuhunt catalog (`{provider}.csv`, gpuhunt's v2 columns) with the columns the
/// prices step reads typed, before filtering.
public struct CatalogRow: Sendable, Equatable {
    /// The provider whose catalog the row is from.
    public var provider: String
    /// `instance_name`.
    public var instanceName: String
    /// `location` (region or zone).
    public var location: String
    /// `price` in USD per hour.
    public var price: Double
    /// `gpu_count`.
    public var gpuCount: Int
    /// `gpu_name`, nil when empty (CPU-only offers).
    public var gpuName: String?
    /// `gpu_memory` per GPU in GB, nil when empty.
    public var gpuMemory: Double?
    /// `spot`: true for interruptible offers.
    public var spot: Bool
    /// `gpu_vendor`, lowercased; an empty vendor with GPUs means nvidia (or google for `tpu-` names),
    /// as gpuhunt reads old rows.
    public var gpuVendor: String?

    /// Creates a row.
    public init(provider: String, instanceName: String, location: String, price: Double, gpuCount: Int,
                gpuName: String?, gpuMemory: Double?, spot: Bool, gpuVendor: String?) {
        self.provider = provider
        self.instanceName = instanceName
        self.location = location
        self.price = price
        self.gpuCount = gpuCount
        self.gpuName = gpuName
        self.gpuMemory = gpuMemory
        self.spot = spot
        self.gpuVendor = gpuVendor
    }

    /// The typed rows of `table` and how many rows were malformed: a wrong number of fields (counted by
    /// the reader), or a price, GPU count, spot flag or GPU memory that does not parse.
    public static func rows(of table: CatalogTable) -> (rows: [CatalogRow], malformed: Int) {
        func column(_ name: String) -> Int { table.column(name) ?? 0 }  // CatalogCSV checked they exist
        let instance = column("instance_name"), location = column("location"), price = column("price"),
            count = column("gpu_count"), name = column("gpu_name"), memory = column("gpu_memory"),
            spot = column("spot"), vendor = column("gpu_vendor")
        var rows: [CatalogRow] = []
        rows.reserveCapacity(table.rows.count)
        var malformed = table.malformedRows
        for fields in table.rows {
            guard let priceValue = Double(fields[price]), priceValue.isFinite,
                  let countValue = Int(fields[count]), countValue >= 0,
                  let spotValue = CatalogTable.bool(fields[spot])
            else {
                malformed += 1
                continue
            }
            let memoryValue: Double?
            if fields[memory].isEmpty {
                memoryValue = nil
            } else if let parsed = Double(fields[memory]), parsed.isFinite {
                memoryValue = parsed
            } else {
                malformed += 1
                continue
            }
            let gpuName = fields[name].isEmpty ? nil : fields[name]
            var gpuVendor = fields[vendor].isEmpty ? nil : fields[vendor].lowercased()
            if gpuVendor == nil && countValue > 0 {
                gpuVendor = gpuName?.lowercased().hasPrefix("tpu-") == true ? "google" : "nvidia"
            }
            rows.append(CatalogRow(provider: table.provider, instanceName: fields[instance], location: fields[location],
                                   price: priceValue, gpuCount: countValue, gpuName: gpuName, gpuMemory: memoryValue,
                                   spot: spotValue, gpuVendor: gpuVendor))
        }
        return (rows, malformed)
    }
}
