/// How GPU prices are read from the gpuhunt catalog and reduced to `gpus.json`.
///
/// Loaded from `config/gpuhunt.yaml`, which maintainers edit (decisions 13).
public struct PriceFeedConfiguration: Sendable, Equatable {
    /// gpuhunt's offline providers, in the order they are fetched and reported.
    public var providers: [String]
    /// gpuhunt GPU names that are never published.
    public var excludedGPUs: Set<String>
    /// Offers with less memory per GPU are dropped, in GB.
    public var minVramGB: Double
    /// gpuhunt name → published name for offers whose instance name says PCIe.
    public var pcieVariants: [String: String]
    /// GPUs whose standard datacenter form factor is NVLink (SXM).
    public var nvlinkClassGPUs: Set<String>
    /// 8-GPU nodes tracked in the price history, in display order.
    public var servingNodes: [String]
    /// Nodes that count only with this exact memory per GPU, in GB.
    public var servingNodeVramGB: [String: Double]

    /// The file name under the configuration directory.
    public static let fileName = "gpuhunt.yaml"

    /// Creates a configuration.
    public init(providers: [String], excludedGPUs: Set<String>, minVramGB: Double, pcieVariants: [String: String],
                nvlinkClassGPUs: Set<String>, servingNodes: [String], servingNodeVramGB: [String: Double]) {
        self.providers = providers
        self.excludedGPUs = excludedGPUs
        self.minVramGB = minVramGB
        self.pcieVariants = pcieVariants
        self.nvlinkClassGPUs = nvlinkClassGPUs
        self.servingNodes = servingNodes
        self.servingNodeVramGB = servingNodeVramGB
    }
}
