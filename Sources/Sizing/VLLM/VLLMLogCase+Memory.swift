import SeekCore

/// The memory check of a public vLLM start-up log: weights and available KV memory predicted from the model's
/// config alone, against the printed "Model loading took" and "Available KV cache memory".
public struct VLLMMemoryCheck: Sendable, Hashable {
    /// The plan of one GPU (weights predicted, reserve terms, available KV).
    public var plan: VLLMMemory.Plan
    /// "Model loading took X GiB".
    public var reportedWeightsGiB: Double?
    /// "Available KV cache memory: X GiB".
    public var reportedAvailableGiB: Double

    /// `predicted − printed` available KV, GiB.
    public var availableErrorGiB: Double { plan.availableKVGiB - reportedAvailableGiB }
    /// The tolerance on available KV: max(1 GiB, 5 % of the printed value).
    public var toleranceGiB: Double { max(1, 0.05 * reportedAvailableGiB) }
    /// Whether the predicted available KV is within the tolerance of the printed value (above or below).
    public var availableAgrees: Bool { abs(availableErrorGiB) <= toleranceGiB }
    /// Predicted weights / printed − 1, when printed.
    public var weightsError: Double? { reportedWeightsGiB.map { plan.weightsGiB / $0 - 1 } }
    /// Whether the predicted weights are within 2 % of the printed ones (true when not printed).
    public var weightsAgree: Bool { weightsError.map { abs($0) <= 0.02 } ?? true }
}

extension VLLMLogCase {
    /// The gpuhunt name of the logged GPU, from the case's GPU description (`NVIDIA H100 80GB…` → `H100`).
    public var gpuName: String? {
        let text = (gpuType ?? "").uppercased()
        if text.contains("MIG") { return nil }
        if text.contains("H100") { return "H100" }
        if text.contains("A100") { return text.contains("80GB") ? "A100_80G" : "A100" }
        if text.contains("3090") { return "RTX3090" }
        if text.contains("4090") { return "RTX4090" }
        if text.contains("5090") { return "RTX5090" }
        return nil
    }

    /// The release whose constants apply: V0 for the V0 engine, else by version (the newest when not logged).
    public var release: VLLMRelease? {
        if rules.reportedFigure == .blocks { return .v0 }
        guard let version else { return .newest }
        return VLLMRelease.named(version)
    }

    /// Predicts the log's weights and available KV memory, or `nil` when the log lacks available KV or
    /// utilization, or its GPU or release is not one the model knows.
    ///
    /// - Parameters:
    ///   - checkpoint: The model's weights and dimensions (from its full `config.json`).
    ///   - datasheetGB: The logged GPU's datasheet memory, by gpuhunt name.
    public func memoryCheck(_ checkpoint: ServingCheckpoint, datasheetGB: (String) -> Double?) -> VLLMMemoryCheck? {
        guard let available = availableGiB, let utilization = gpuMemoryUtilization, let gpu = gpuName,
              let memory = datasheetGB(gpu), let release else { return nil }
        let total = VLLMGPUMemory.total(gpuName: gpu, datasheetGB: memory).gib
        let limits = VLLMMemory.defaultLimits(totalGiB: total, gpuName: gpu, maxModelLen: maxModelLen ?? 2048,
                                              release: release)
        let settings = VLLMMemory.Settings(
            tensorParallel: tensorParallel, pipelineParallel: pipelineParallel,
            maxNumBatchedTokens: maxNumBatchedTokens ?? limits.maxNumBatchedTokens, maxNumSeqs: limits.maxNumSeqs,
            utilization: utilization, activationBytes: checkpoint.weights.dtypeBytes,
            sampler: samplerKernel.flatMap(VLLMSamplerKernel.named))
        let bytes = VLLMWeights.bytesPerGPU(checkpoint.weights, tensorParallel: tensorParallel, pipelineParallel: pipelineParallel)
        let plan = VLLMMemory.plan(weightsBytes: bytes, shape: checkpoint.shape, totalGiB: total, settings: settings,
                                   release: release)
        return VLLMMemoryCheck(plan: plan, reportedWeightsGiB: weightsGiB, reportedAvailableGiB: available)
    }
}
