/// A priced cloud GPU configuration: one row of `gpus.json`, the cheapest offer found for a
/// (GPU, VRAM per GPU, GPU count) across all providers.
///
/// Field order here is the order of keys in the published JSON.
public struct Offering: Hashable, Sendable {
    /// The GPU, as gpuhunt names it, with PCIe variants renamed (e.g. `H100_PCIe`).
    public var gpuName: String
    /// Memory of one GPU, in GB (as the catalog states it, e.g. 80.0 or 22.3515625).
    public var vramGB: Double
    /// GPUs in the instance (≥ 1).
    public var gpuCount: Int
    /// `vramGB × gpuCount`, rounded to 1 decimal, in GB.
    public var totalVramGB: Double
    /// On-demand price of the whole instance, in `currency` per hour.
    public var pricePerHour: Double
    /// ISO 4217 code of the price, `USD`.
    public var currency: String
    /// The gpuhunt provider, e.g. `aws`, `runpod`.
    public var provider: String
    /// The provider's instance type, e.g. `p5.48xlarge`.
    public var instanceName: String
    /// The provider's region or zone.
    public var location: String
    /// How the GPUs talk to each other: `nvlink` or `pcie`.
    public var interconnect: String

    /// Creates an offering.
    public init(gpuName: String, vramGB: Double, gpuCount: Int, totalVramGB: Double, pricePerHour: Double,
                currency: String, provider: String, instanceName: String, location: String, interconnect: String) {
        self.gpuName = gpuName
        self.vramGB = vramGB
        self.gpuCount = gpuCount
        self.totalVramGB = totalVramGB
        self.pricePerHour = pricePerHour
        self.currency = currency
        self.provider = provider
        self.instanceName = instanceName
        self.location = location
        self.interconnect = interconnect
    }
}
