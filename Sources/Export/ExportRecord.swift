/// One GPU offering of the full, unreduced gpuhunt catalog of a run: every catalog row, mapped to
/// the export field names (README, "Export pipelines", documents the mapping).
public struct ExportRecord: Sendable, Hashable {
    /// gpuhunt provider, e.g. `aws`.
    public var provider: String
    /// Instance type (`instance_name`).
    public var instanceType: String
    /// GPU model (`gpu_name`), nil for CPU-only rows.
    public var acceleratorName: String?
    /// Region or zone (`location`).
    public var region: String
    /// GPUs per instance (`gpu_count`).
    public var acceleratorCount: Int
    /// Memory per GPU in GiB (`gpu_memory`), nil when unknown.
    public var acceleratorMemGiB: Double?
    /// Instances available, when the provider says (`provider_data.quantity`), else nil.
    public var quantity: Int?
    /// On-demand USD per hour; nil for a spot row.
    public var price: Double?
    /// Spot USD per hour; nil for an on-demand row.
    public var spotPrice: Double?
    /// vCPUs (`cpu`).
    public var vCPUs: Double?
    /// Instance memory in GiB (`memory`).
    public var memoryGiB: Double?
    /// Availability when the catalog says, else nil.
    public var availability: Availability?
    /// Unix time of the catalog version the row came from (not of the run): the version's date
    /// (`20260822-1` → 2026-08-22T00:00:00Z) in seconds; nil when the version names no date
    /// (an unpinned directory of CSV files).
    public var collectedAt: Int64?
    /// The catalog version the row came from, e.g. `20260822-1`.
    public var catalogVersion: String?
    /// The catalog row's columns as read, for `include_raw_data`.
    public var raw: [String: String]

    /// Creates a record.
    public init(provider: String, instanceType: String, acceleratorName: String?, region: String, acceleratorCount: Int,
                acceleratorMemGiB: Double?, quantity: Int?, price: Double?, spotPrice: Double?, vCPUs: Double?,
                memoryGiB: Double?, availability: Availability?, collectedAt: Int64?, catalogVersion: String? = nil,
                raw: [String: String] = [:]) {
        self.provider = provider
        self.instanceType = instanceType
        self.acceleratorName = acceleratorName
        self.region = region
        self.acceleratorCount = acceleratorCount
        self.acceleratorMemGiB = acceleratorMemGiB
        self.quantity = quantity
        self.price = price
        self.spotPrice = spotPrice
        self.vCPUs = vCPUs
        self.memoryGiB = memoryGiB
        self.availability = availability
        self.collectedAt = collectedAt
        self.catalogVersion = catalogVersion
        self.raw = raw
    }

    /// How available an offering is.
    public enum Availability: String, Sendable, Hashable, CaseIterable {
        case notAvailable = "NOT_AVAILABLE"
        case low = "LOW"
        case medium = "MEDIUM"
        case high = "HIGH"
    }

    /// The export field names, in their canonical order.
    public static let fieldNames = ["provider", "instance_type", "accelerator_name", "region", "accelerator_count",
                                    "accelerator_mem_gib", "quantity", "price", "spot_price", "v_cpus", "memory_gib",
                                    "availability", "collected_at"]

    /// The fields whose values are numbers (the others are text); order as ``fieldNames``.
    public static let numericFieldNames: Set<String> = ["accelerator_count", "accelerator_mem_gib", "quantity", "price",
                                                        "spot_price", "v_cpus", "memory_gib", "collected_at"]

    /// gpuhunt's v2 column order, used to write ``raw`` deterministically (unknown columns follow, sorted).
    public static let rawColumnOrder = ["instance_name", "location", "price", "cpu", "memory", "gpu_count", "gpu_name",
                                        "gpu_memory", "spot", "disk_size", "gpu_vendor", "flags", "cpu_arch",
                                        "provider_data"]

    /// ``raw`` as ordered pairs: gpuhunt's columns first, in ``rawColumnOrder``, then any others sorted.
    public var orderedRaw: [(String, String)] {
        let known = Self.rawColumnOrder.compactMap { name in raw[name].map { (name, $0) } }
        let others = raw.filter { !Self.rawColumnOrder.contains($0.key) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return known + others.map { ($0.key, $0.value) }
    }

    /// A field's value by export name; nil for null or an unknown name.
    public subscript(field name: String) -> ExportValue? {
        switch name {
        case "provider": .string(provider)
        case "instance_type": .string(instanceType)
        case "accelerator_name": acceleratorName.map(ExportValue.string)
        case "region": .string(region)
        case "accelerator_count": .int(Int64(acceleratorCount))
        case "accelerator_mem_gib": acceleratorMemGiB.map(ExportValue.double)
        case "quantity": quantity.map { .int(Int64($0)) }
        case "price": price.map(ExportValue.double)
        case "spot_price": spotPrice.map(ExportValue.double)
        case "v_cpus": vCPUs.map(ExportValue.double)
        case "memory_gib": memoryGiB.map(ExportValue.double)
        case "availability": availability.map { .string($0.rawValue) }
        case "collected_at": collectedAt.map(ExportValue.int)
        default: nil
        }
    }
}

/// A field value of a record.
public enum ExportValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        case .string: nil
        }
    }
}
