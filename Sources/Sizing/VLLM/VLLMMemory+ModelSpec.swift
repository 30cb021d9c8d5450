import SeekCore

extension ServingShape {
    /// The dimensions of a `models.json` row, which lacks the vocabulary and MLP widths: the vocabulary is taken as
    /// 262,144 (the largest of the open models sized, Gemma 3's 262,208 rounded down to 2¹⁸), so the sampler term is
    /// never under-counted; a dense MLP as 4 × hidden; an expert's width from the routed parameters
    /// (routed / (layers × experts × 3 × hidden)).
    public init(approximating model: ModelSpec) {
        let hidden = model.hiddenSize ?? 8192
        var expertWidth = 0
        if model.isMoE, let routed = model.routedExpertParamsB, let layers = model.numHiddenLayers,
           let experts = model.numExperts, layers > 0, experts > 0 {
            expertWidth = Int(routed * 1e9 / Double(layers * experts * 3 * hidden))
        }
        self.init(hidden: hidden, intermediate: model.isMoE ? 0 : 4 * hidden, vocab: 262_144,
                  expertsPerToken: model.isMoE ? model.expertsPerToken ?? 8 : 0, expertWidth: expertWidth)
    }
}

extension VLLMMemory {
    /// One GPU of a site deployment: a `models.json` row on `layout` GPUs of a type, with vLLM's default batch limits
    /// for the GPU; the same ``plan(weightsBytes:shape:totalGiB:settings:release:)`` `seekgpu size` uses.
    ///
    /// - Parameters:
    ///   - model: The row (weights at its serving precision, ``CheckpointWeights/init(approximating:)``).
    ///   - gpuName: The gpuhunt name (for the memory vLLM sees and the default limits).
    ///   - vramPerGPUGB: The offering's memory per GPU (the datasheet figure).
    ///   - layout: TP and PP.
    ///   - utilization: `--gpu-memory-utilization`.
    ///   - release: The vLLM release.
    public static func plan(model: ModelSpec, gpuName: String, vramPerGPUGB: Double, layout: Topology,
                            utilization: Double, release: VLLMRelease = .newest) -> Plan {
        let total = VLLMGPUMemory.total(gpuName: gpuName, datasheetGB: vramPerGPUGB).gib
        let limits = defaultLimits(totalGiB: total, gpuName: gpuName, maxModelLen: model.contextLength ?? 2048,
                                   release: release)
        let settings = Settings(tensorParallel: layout.tp, pipelineParallel: layout.pp,
                                maxNumBatchedTokens: limits.maxNumBatchedTokens, maxNumSeqs: limits.maxNumSeqs,
                                utilization: utilization)
        let weights = VLLMWeights.bytesPerGPU(CheckpointWeights(approximating: model), tensorParallel: layout.tp,
                                              pipelineParallel: layout.pp)
        return plan(weightsBytes: weights, shape: ServingShape(approximating: model), totalGiB: total, settings: settings,
                    release: release)
    }
}
