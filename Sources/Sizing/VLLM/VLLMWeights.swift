import SeekCore

/// Weights one GPU holds under vLLM, for comparison with its "Model loading took X GiB" line.
public enum VLLMWeights {
    /// Weight memory per GPU, GiB: ``ModelSpec/weightMemoryGB(at:)`` (10⁹ params × bytes per param) in GiB,
    /// divided evenly over `TP × PP` GPUs.
    ///
    /// vLLM shards every linear layer and the vocabulary embedding over TP and gives each PP stage its share of the
    /// layers; norms and other small replicated tensors are ignored, so expect a slight underestimate at high TP.
    /// - Parameters:
    ///   - model: Supplies `learnable_params_b` and the serving precision.
    ///   - precision: The precision to size at; `nil` = the model's serving precision.
    ///   - tensorParallel: TP degree.
    ///   - pipelineParallel: PP degree.
    /// - Returns: GiB (1024³ bytes) per GPU.
    public static func gibPerGPU(model: ModelSpec, precision: ServingPrecision? = nil, tensorParallel: Int = 1,
                                 pipelineParallel: Int = 1) -> Double {
        let bytes = model.weightMemoryGB(at: precision) * 1e9
        return bytes / Double(VLLMKVCache.gibBytes) / Double(max(1, tensorParallel) * max(1, pipelineParallel))
    }
}
