import ConfigKit
import Foundation
import Yams

extension PriceFeedConfiguration {
    /// The keys every file has.
    static let requiredKeys = ["providers", "excluded_gpus", "min_vram_gb", "nvlink_class_gpus", "serving_nodes"]
    /// Every top-level key of the file.
    static let fileKeys = requiredKeys + ["pcie_variants", "serving_node_vram_gb"]

    /// Reads and checks the YAML file at `url`.
    ///
    /// - Parameter url: The file, normally `config/gpuhunt.yaml`.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` naming the file as `url` names it (`url.relativePath`), with
    ///   every problem as `FILE:LINE:COLUMN: message`:
    ///   a missing file, invalid YAML, unknown or missing keys, values of the wrong type, no provider,
    ///   a provider listed twice or named with other characters than letters, digits, `-` and `_`.
    public static func load(from url: URL) throws -> PriceFeedConfiguration {
        let path = url.relativePath
        let reader = ConfigReader()
        guard let root = reader.document(try ConfigFile.text(of: url), empty: "the file is empty; it needs 'providers'"),
              let top = reader.mapping(root, at: "the file", allowed: fileKeys, required: requiredKeys)
        else { throw reader.error(file: path) }
        let providers = self.providers(top["providers"], reader: reader)
        let excluded = reader.strings(top["excluded_gpus"], "excluded_gpus") ?? []
        let minVram = reader.number(top["min_vram_gb"], "min_vram_gb")
        let variants = reader.pairs(reader.given(top["pcie_variants"]), "pcie_variants", of: "GPU names") {
            reader.nonEmptyString($0, $1)
        } ?? []
        let nvlinkClass = reader.strings(top["nvlink_class_gpus"], "nvlink_class_gpus") ?? []
        let nodes = reader.strings(top["serving_nodes"], "serving_nodes") ?? []
        let nodeVram = reader.pairs(reader.given(top["serving_node_vram_gb"]), "serving_node_vram_gb", of: "numbers") {
            reader.number($0, $1)
        } ?? []
        try reader.check(file: path)
        guard let minVram else { throw reader.error(file: path) }
        return PriceFeedConfiguration(
            providers: providers, excludedGPUs: Set(excluded.map(\.value)), minVramGB: minVram,
            pcieVariants: Dictionary(variants.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            nvlinkClassGPUs: Set(nvlinkClass.map(\.value)), servingNodes: nodes.map(\.value),
            servingNodeVramGB: Dictionary(nodeVram.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// The `providers` list: at least one, each once, named with letters, digits, `-` and `_` (they become URL paths).
    private static func providers(_ node: Node?, reader: ConfigReader) -> [String] {
        guard let providers = reader.strings(node, "providers") else { return [] }
        if providers.isEmpty { reader.report("providers is empty; list at least one gpuhunt provider", at: node) }
        var seen = SeenNames()
        for (name, node) in providers {
            if let first = seen.earlierPlace(of: name, at: node) {
                reader.report("provider '\(name)' is listed twice (first at \(first)); list each provider once", at: node)
            }
            if name.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }) {
                reader.report("provider name '\(name)' has other characters than letters, digits, '-' and '_'", at: node)
            }
        }
        return providers.map(\.value)
    }
}
