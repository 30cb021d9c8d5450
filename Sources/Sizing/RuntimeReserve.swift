import SeekCore

/// Non-KV VRAM and the concurrency the rest admits (§2.6 `calcRuntimeReserve`, §2.7 `calcOperatingStreams`).
public enum Capacity {
    /// VRAM pinned by the engine besides weights and KV cache, over all GPUs, in GB (§2.6).
    ///
    /// Per GPU: activation peak `H × T × b × 2`, CUDA-graph scratch `layers/pp × H × b × 256`,
    /// TP all-reduce buffer `H × T × b` when tp > 1, EP all-to-all buffer `H × T × topK × b` when MoE and ep > 1.
    /// - Parameters:
    ///   - model: Needs `hidden_size` and `num_hidden_layers` (else 0).
    ///   - layout: GPUs and parallel degrees (≤ 0 GPUs → 0).
    ///   - assumptions: Engine defaults (T = 8192 tokens, b = 2 bytes, 2 buffers, graph batch 256).
    /// - Returns: GB (bytes / 1024³).
    public static func runtimeReserveGB(model: ModelSpec, layout: ParallelLayout,
                                        assumptions: SizingAssumptions = .reference) -> Double {
        guard let hidden = model.hiddenSize, let layers = model.numHiddenLayers, layout.numGPUs > 0 else { return 0 }
        let h = Double(hidden)
        let t = assumptions.maxBatchedTokens
        let b = assumptions.bytesPerActivation
        let layersPerGPU = Double(layers) / Double(max(1, layout.pp))
        let topK = model.isMoE ? Double(model.expertsPerToken ?? 1) : 1
        var perGPU = h * t * b * assumptions.activationBuffers
        perGPU += layersPerGPU * h * b * assumptions.cudaGraphMaxBatchSize
        if layout.tp > 1 { perGPU += h * t * b }
        if model.isMoE && layout.ep > 1 { perGPU += h * t * topK * b }
        return perGPU * Double(layout.numGPUs) / gibibyte
    }

    /// Concurrent streams whose full-context KV cache fits the leftover VRAM (§2.7).
    ///
    /// `streams(p) = max(0, floor(kvBudget / (ctx × kvPerTok × (1 − clamp(p, 0, 0.999)))))`.
    /// - Parameters:
    ///   - usableGB: `gpusUsed × vram × utilization`, GB.
    ///   - weightsGB: Model weights, GB.
    ///   - reserveGB: Runtime reserve, GB.
    ///   - kvGBPerToken: KV cache per token, GB.
    ///   - contextTokens: Input + output tokens per stream.
    ///   - reuse: Prefix-reuse range; the app passes ``PrefixReuse/none``.
    ///   - assumptions: Supplies the reuse clamp.
    /// - Returns: Stream bounds; {0, 0} when the KV budget, KV size or context is not positive.
    public static func operatingStreams(usableGB: Double, weightsGB: Double, reserveGB: Double, kvGBPerToken: Double,
                                        contextTokens: Double, reuse: PrefixReuse,
                                        assumptions: SizingAssumptions = .reference) -> OperatingStreams {
        let budget = usableGB - weightsGB - reserveGB
        guard budget > 0, kvGBPerToken > 0, contextTokens > 0 else { return OperatingStreams(low: 0, high: 0) }
        func streams(_ p: Double) -> Int {
            let clamped = min(max(p, 0), assumptions.maxPrefixReuse)
            let value = (budget / (contextTokens * kvGBPerToken * (1 - clamped))).rounded(.down)
            return value.isFinite ? max(0, Int(value)) : 0
        }
        return OperatingStreams(low: streams(reuse.low), high: streams(reuse.high))
    }
}

/// Concurrent streams a deployment admits (§2.7); the app shows `low`.
public struct OperatingStreams: Sendable, Hashable {
    /// Streams with the low reuse fraction.
    public var low: Int
    /// Streams with the high reuse fraction.
    public var high: Int
    /// Creates a pair of bounds.
    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }
}
