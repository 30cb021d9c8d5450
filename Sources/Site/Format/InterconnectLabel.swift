import SeekCore

/// How a setup's GPUs talk to each other, one label for the whole site (Budget badges, model pages,
/// Deploy pages): from the datasheet's interconnect tier, never from the offering's own `nvlink`/`pcie`
/// flag, so the same box reads the same everywhere (§1.8 `interconnectBadgeLabel`).
enum InterconnectLabel {
    /// `NVSwitch`, `NVLink+PCIe` or `PCIe`: the datasheet tier for more than one GPU (a GPU without a
    /// datasheet counts as PCIe), `PCIe` for one.
    static func of(gpuName: String, gpuCount: Int, specs: [String: GPUSpec]) -> String {
        guard gpuCount > 1 else { return "PCIe" }
        switch specs[gpuName]?.interconnectTier ?? .pcieOnly {
        case .nvswitch: return "NVSwitch"
        case .nvlinkPaired: return "NVLink+PCIe"
        case .pcieOnly: return "PCIe"
        }
    }
}
