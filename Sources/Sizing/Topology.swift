import SeekCore

/// How a model is split across a node's GPUs (§2.5 `lib/calc-topology.ts`).
public struct Topology: Sendable, Hashable {
    /// Tensor-parallel degree.
    public var tp: Int
    /// Pipeline-parallel degree.
    public var pp: Int
    /// GPUs used: `tp × pp` (an odd GPU on a paired node is left idle).
    public var gpusUsed: Int
    /// Whether tensor parallelism crosses PCIe (tier `none` with more than one GPU).
    public var tpCrossesSlowLink: Bool
    /// Whether the used GPUs hold the raw weights: `gpusUsed × vram ≥ weights` (no 1.15 overhead).
    public var feasible: Bool

    /// Lays a model out on a node.
    ///
    /// - Parameters:
    ///   - tier: The GPU spec's interconnect tier (never the offering's `interconnect` string).
    ///   - gpuCount: GPUs in the node (≥ 1).
    ///   - modelSizeGB: Raw weights, GB (≥ 0).
    ///   - vramPerGPUGB: Memory per GPU, GB (> 0).
    ///   - assumptions: Supplies the NVLink pair size.
    /// - Throws: ``TopologyError`` for a GPU count below 1, a negative size or a non-positive VRAM.
    public init(tier: GPUSpec.InterconnectTier, gpuCount: Int, modelSizeGB: Double, vramPerGPUGB: Double,
                assumptions: SizingAssumptions = .reference) throws(TopologyError) {
        guard gpuCount >= 1 else { throw TopologyError(message: "gpuCount must be an integer >= 1, got \(gpuCount)") }
        guard modelSizeGB >= 0, modelSizeGB.isFinite else {
            throw TopologyError(message: "modelSizeGb must be >= 0, got \(modelSizeGB)")
        }
        guard vramPerGPUGB > 0, vramPerGPUGB.isFinite else {
            throw TopologyError(message: "vramPerGpuGb must be > 0, got \(vramPerGPUGB)")
        }
        switch tier {
        case .nvswitch:
            (tp, pp, tpCrossesSlowLink) = (gpuCount, 1, false)
        case .nvlinkPaired:
            let pair = min(max(1, assumptions.nvlinkPairSize), gpuCount)
            (tp, pp, tpCrossesSlowLink) = (pair, gpuCount / pair, false)
        case .pcieOnly:
            (tp, pp, tpCrossesSlowLink) = (gpuCount, 1, gpuCount > 1)
        }
        gpusUsed = tp * pp
        feasible = Double(gpusUsed) * vramPerGPUGB >= modelSizeGB
    }
}

/// Invalid input to ``Topology/init(tier:gpuCount:modelSizeGB:vramPerGPUGB:assumptions:)``.
public struct TopologyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, naming the argument and its value.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// A parallel layout for the runtime reserve (§2.6): GPUs, tensor, expert and pipeline degrees.
public struct ParallelLayout: Sendable, Hashable {
    /// GPUs used.
    public var numGPUs: Int
    /// Tensor-parallel degree.
    public var tp: Int
    /// Expert-parallel degree (MoE: `tp`, dense: 1).
    public var ep: Int
    /// Pipeline-parallel degree.
    public var pp: Int

    /// Creates a layout.
    public init(numGPUs: Int, tp: Int, ep: Int, pp: Int) {
        self.numGPUs = numGPUs
        self.tp = tp
        self.ep = ep
        self.pp = pp
    }

    /// The layout the app derives from a topology: `ep = MoE ? tp : 1` (§2.6).
    ///
    /// - Parameters:
    ///   - topology: The node layout.
    ///   - isMoE: Whether the model is a mixture of experts.
    public init(topology: Topology, isMoE: Bool) {
        self.init(numGPUs: topology.gpusUsed, tp: topology.tp, ep: isMoE ? topology.tp : 1, pp: topology.pp)
    }
}
