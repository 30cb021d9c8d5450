import SeekCore

/// Streams and throughput of one model on one GPU layout (§2.10 `calcDeploymentEstimate`).
public struct DeploymentEstimate: Sendable, Hashable {
    /// Single-stream decode speed, tokens/s; `nil` unless throughput is modeled.
    public var singleStreamTokS: Double?
    /// Concurrent streams the KV budget admits.
    public var operatingStreams: OperatingStreams
    /// `min(streams.high × roofline, prefill)`, tokens/s; `nil` unless modeled.
    public var aggregateTokS: Double?
    /// `gpusUsed × fp16 TFLOPS × 1e12 / (2 × active params)`, tokens/s; `nil` unless modeled.
    public var prefillComputeTokS: Double?
    /// Why throughput is or is not modeled.
    public var throughputState: ThroughputState
    /// Average input and output tokens the estimate assumes.
    public var avgInputTokens: Double
    /// Average output tokens the estimate assumes.
    public var avgOutputTokens: Double
    /// The GPU spec's interconnect tier.
    public var interconnectTier: GPUSpec.InterconnectTier
    /// Whether the model is MoE.
    public var moe: Bool
    /// The layout used.
    public var topology: Topology
    /// The memory outside weights and KV cache over all GPUs used, GB (GiB under ``VLLMMemory``).
    public var reserveGB: Double
    /// The decode breakdown, when modeled.
    public var decode: DecodeLatency?
    /// One GPU's memory as vLLM accounts for it, when the assumptions size with ``VLLMMemory``.
    public var memoryPlan: VLLMMemory.Plan?

    /// Estimates a deployment; `nil` when the GPU has no spec or the layout cannot hold the weights (§2.10).
    ///
    /// - Parameters:
    ///   - model: The model, sized at native precision.
    ///   - spec: The GPU's datasheet, or `nil` (→ `nil`).
    ///   - gpuCount: GPUs in the node.
    ///   - vramPerGPUGB: Memory per GPU, GB (offering `vram_gb`, or config total / count).
    ///   - settings: Context lengths and KV precision.
    ///   - memoryUtilization: Fraction of VRAM usable (default: the assumptions' 0.90).
    ///   - assumptions: Constants.
    public init?(model: ModelSpec, spec: GPUSpec?, gpuCount: Int, vramPerGPUGB: Double,
                 settings: ServingSettings = .reference, memoryUtilization: Double? = nil,
                 assumptions: SizingAssumptions = .reference) {
        guard let spec else { return nil }
        let weights = model.weightMemoryGB()
        guard let layout = try? Topology(tier: spec.interconnectTier, gpuCount: gpuCount, modelSizeGB: weights,
                                         vramPerGPUGB: vramPerGPUGB, assumptions: assumptions),
              layout.feasible else { return nil }
        let util = memoryUtilization ?? assumptions.memoryUtilization
        let parallel = ParallelLayout(topology: layout, isMoE: model.isMoE)
        let kvBytes = settings.kvCachePrecision.bytesPerElement(architecture: spec.architecture, assumptions: assumptions)
        let gpus = Double(layout.gpusUsed)
        let usable, weightsBudget, reserve: Double
        if let release = assumptions.vllmRelease {
            let plan = VLLMMemory.plan(model: model, gpuName: spec.gpuName, vramPerGPUGB: vramPerGPUGB, layout: layout,
                                       utilization: util, release: release)
            (usable, weightsBudget, reserve) = (gpus * plan.requestedGiB, gpus * plan.weightsGiB, gpus * plan.reserveGiB)
            self.memoryPlan = plan
        } else {
            (usable, weightsBudget) = (gpus * vramPerGPUGB * util, weights)
            reserve = Capacity.runtimeReserveGB(model: model, layout: parallel, assumptions: assumptions)
        }
        let streams = Capacity.operatingStreams(
            usableGB: usable, weightsGB: weightsBudget, reserveGB: reserve, kvGBPerToken: model.kvCacheGBPerToken(kvBytes: kvBytes),
            contextTokens: settings.contextTokens, reuse: .none, assumptions: assumptions)
        self.operatingStreams = streams
        self.throughputState = model.throughputState
        self.avgInputTokens = settings.avgInputTokens
        self.avgOutputTokens = settings.avgOutputTokens
        self.interconnectTier = spec.interconnectTier
        self.moe = model.isMoE
        self.topology = layout
        self.reserveGB = reserve

        let pcie = spec.pcieBandwidthGBps?.doubleValue
        let nvlink = spec.nvlinkBandwidthGBps?.doubleValue
        let link = (spec.interconnectTier == .pcieOnly ? (pcie ?? nvlink) : (nvlink ?? pcie)) ?? 0
        let activeParams = model.isMoE ? model.activeParamsB : model.learnableParamsB
        let activeMem = model.activeWeightMemoryGB()
        guard model.throughputState == .modeled, let layers = model.numHiddenLayers, let hidden = model.hiddenSize,
              activeParams > 0, layout.tp == 1 || link > 0 else {
            return
        }
        let inputs = DecodeInputs(
            hbmBandwidthTBps: spec.memoryBandwidthTBps.doubleValue, linkBandwidthGBps: link, tier: spec.interconnectTier,
            layers: layers, hiddenSize: hidden, activeParamsB: activeParams, bytesPerParam: activeMem / activeParams,
            isMoE: model.isMoE, topK: model.expertsPerToken, numExperts: model.numExperts,
            routedExpertParamsB: model.routedExpertParamsB, kvBytesPerToken: model.kvCacheBytesPerToken(kvBytes: kvBytes),
            numKVHeads: model.numKVHeads, tp: layout.tp, ep: model.isMoE ? layout.tp : 1, pp: layout.pp,
            contextTokens: settings.contextTokens)
        let decode = DecodeLatency(inputs, assumptions: assumptions)
        let prefill = Double(layout.gpusUsed) * spec.fp16TFLOPS.doubleValue * 1e12
            / (assumptions.forwardFLOPsPerParam * activeParams * 1e9)
        self.decode = decode
        self.singleStreamTokS = decode.singleStreamTokS
        self.prefillComputeTokS = prefill
        self.aggregateTokS = min(Double(streams.high) * decode.bandwidthRooflineTokS, prefill)
    }

    /// Requests per hour the node serves, time-sharing prefill of the un-cached input and batched decode (§2.11).
    ///
    /// `3600 / (avgIn × (1 − 0.9) / prefill + avgOut / aggregate)`; `nil` when prefill or aggregate is
    /// missing or ≤ 0, or avgOut ≤ 0.
    /// - Parameter assumptions: Supplies the prefill cache hit rate.
    /// - Returns: Requests per hour.
    public func requestsPerHour(assumptions: SizingAssumptions = .reference) -> Double? {
        guard let prefill = prefillComputeTokS, let aggregate = aggregateTokS, prefill > 0, aggregate > 0,
              avgOutputTokens > 0 else { return nil }
        return 3600 / (avgInputTokens * (1 - assumptions.prefillCacheHitRate) / prefill + avgOutputTokens / aggregate)
    }

    /// Developers the node serves: `floor(requestsPerHour / requests per developer-hour)` (§2.11).
    ///
    /// - Parameters:
    ///   - requestsPerDeveloperHour: Requests one developer sends per hour (default 200).
    ///   - assumptions: Supplies the prefill cache hit rate and the default rate.
    /// - Returns: Whole developers, or `nil` without a request rate.
    public func teamSize(requestsPerDeveloperHour: Double? = nil, assumptions: SizingAssumptions = .reference) -> Int? {
        guard let rate = requestsPerHour(assumptions: assumptions) else { return nil }
        let perDev = requestsPerDeveloperHour ?? assumptions.requestsPerDeveloperHour
        guard perDev > 0 else { return nil }
        return Int((rate / perDev).rounded(.down))
    }

    /// Requests per month at full load: `requestsPerHour × seconds per month / 3600` (§2.11, §2.19 `C`).
    ///
    /// - Parameter assumptions: Supplies seconds per month.
    public func maxRequestsPerMonth(assumptions: SizingAssumptions = .reference) -> Double? {
        requestsPerHour(assumptions: assumptions).map { $0 * assumptions.secondsPerMonth / 3600 }
    }
}
