import SeekCore

extension PriceHistory {
    /// The cheapest 8-GPU offering per serving node, in `nodes` order; a node that counts only
    /// with one memory size (A100: 80 GB) ignores the others.
    public static func nodePrices(of offerings: [Offering], nodes: [String], vramGB: [String: Double]) -> [NodePrice] {
        nodes.compactMap { node in
            offerings
                .filter { $0.gpuName == node && $0.gpuCount == 8 && matches(vramGB[node], $0.vramGB) }
                .map(\.pricePerHour)
                .min()
                .map { NodePrice(gpuName: node, usdPerNodeHour: $0) }
        }
    }

    private static func matches(_ required: Double?, _ actual: Double) -> Bool {
        required.map { $0 == actual } ?? true
    }
}
