/// One offer of a gpuhunt catalog CSV (`{provider}.csv`, gpuhunt's v2 columns), before filtering.
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
}
