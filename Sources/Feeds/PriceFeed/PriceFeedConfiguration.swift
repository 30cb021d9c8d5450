import Foundation
import Yams

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

    /// Reads and checks the YAML file at `url`.
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong.
    public static func load(from url: URL) throws -> PriceFeedConfiguration {
        let text = try ConfigurationError.text(of: url)
        struct File: Decodable {
            var providers: [String]
            var excluded_gpus: [String]
            var min_vram_gb: Double
            var pcie_variants: [String: String]?
            var nvlink_class_gpus: [String]
            var serving_nodes: [String]
            var serving_node_vram_gb: [String: Double]?
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigurationError(path: url.path, reason: "is not valid: \(error)")
        }
        guard !file.providers.isEmpty, Set(file.providers).count == file.providers.count else {
            throw ConfigurationError(path: url.path, reason: "must list each provider once, and at least one")
        }
        for provider in file.providers where provider.isEmpty || provider.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }) {
            throw ConfigurationError(path: url.path, reason: "has provider name '\(provider)': use letters, digits, '-' and '_' only")
        }
        return PriceFeedConfiguration(providers: file.providers, excludedGPUs: Set(file.excluded_gpus),
                                      minVramGB: file.min_vram_gb, pcieVariants: file.pcie_variants ?? [:],
                                      nvlinkClassGPUs: Set(file.nvlink_class_gpus), servingNodes: file.serving_nodes,
                                      servingNodeVramGB: file.serving_node_vram_gb ?? [:])
    }
}
