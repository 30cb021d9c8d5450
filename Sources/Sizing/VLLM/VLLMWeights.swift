import SeekCore

/// Weights one GPU holds under vLLM: the figure of its "Model loading took X GiB" line.
public enum VLLMWeights {
    /// Bytes on the most loaded GPU of a `TP × PP` replica.
    ///
    /// - Decoder layers and routed experts: split over TP, each PP stage holding 1/PP of the layers, at the
    ///   quantization's bytes per parameter (scales included); MXFP4 experts padded to 256 in both dimensions
    ///   (vLLM's Hopper MoE kernels), the expert width per GPU being width / TP.
    /// - Embedding and `lm_head`: vocab-parallel over TP, in the model dtype; under PP the first stage holds the
    ///   embedding and the last the `lm_head` (a copy of the embedding when tied), so the larger counts.
    /// - Vision tower: split over TP with the decoder, in the model dtype, on the first stage.
    /// - Rotary `cos_sin_cache` buffers: whole on every GPU, in the model dtype.
    /// - Parameters:
    ///   - weights: The checkpoint's inventory.
    ///   - tensorParallel: TP degree.
    ///   - pipelineParallel: PP degree.
    public static func bytesPerGPU(_ weights: CheckpointWeights, tensorParallel: Int = 1, pipelineParallel: Int = 1) -> Double {
        let tp = Double(max(1, tensorParallel))
        let pp = Double(max(1, pipelineParallel))
        let dtype = Double(weights.dtypeBytes)
        let q = weights.quantization
        let decoderBytes = q?.decoderBytes ?? dtype
        let expertBytes = q?.expertBytes ?? dtype
        let lmHeadBytes = q?.lmHeadQuantized == true ? decoderBytes : dtype
        let embedding = Double(weights.embedding) * dtype
        let lmHead = Double(weights.lmHead) * lmHeadBytes
        let vocab = pp > 1 ? max(embedding, weights.lmHead == 0 ? embedding : lmHead) : embedding + lmHead
        var experts = Double(weights.routedExperts) * expertBytes
        if let multiple = q?.expertPadding, let shape = weights.expertShape, shape.hidden > 0, shape.width > 0 {
            let width = Double(shape.width) / tp
            experts *= padded(Double(shape.hidden), to: multiple) / Double(shape.hidden) * padded(width, to: multiple) / width
        }
        let layers = Double(weights.decoder) * decoderBytes + experts
        return vocab / tp + layers / (tp * pp) + Double(weights.vision) * dtype / tp + Double(weights.ropeCacheElements) * dtype
    }

    /// GiB (2³⁰ bytes) per GPU: ``bytesPerGPU(_:tensorParallel:pipelineParallel:)`` / 2³⁰.
    public static func gibPerGPU(_ weights: CheckpointWeights, tensorParallel: Int = 1, pipelineParallel: Int = 1) -> Double {
        bytesPerGPU(weights, tensorParallel: tensorParallel, pipelineParallel: pipelineParallel) / Double(VLLMKVCache.gibBytes)
    }

    private static func padded(_ value: Double, to multiple: Int) -> Double {
        let m = Double(multiple)
        return (value / m).rounded(.up) * m
    }
}

extension CheckpointWeights {
    /// The inventory of a `models.json` row, for the site: its learnable parameters as decoder weights at the
    /// serving precision's bytes (routed experts of an int4 mix at 0.5625 B, the rest at the non-routed bytes),
    /// so that ``VLLMWeights`` gives the site's ``ModelSpec/weightMemoryGB(at:)`` per GPU.
    ///
    /// - Parameter model: The row.
    public init(approximating model: ModelSpec) {
        let total = model.learnableParamsB * 1e9
        let precision = model.servingPrecision
        let routed = precision == .int4 ? (model.routedExpertParamsB ?? 0) * 1e9 : 0
        let decoderBytes = precision == .int4 && routed > 0 ? model.nonRoutedBytesPerParam : precision.bytesPerParam
        self.init(embedding: 0, lmHead: 0, decoder: Int(total - routed), routedExperts: Int(routed), dtypeBytes: 2,
                  quantization: WeightQuantization(method: "models.json", label: model.precision ?? "BF16",
                                                   decoderBytes: decoderBytes,
                                                   expertBytes: routed > 0 ? ServingPrecision.int4.bytesPerParam : decoderBytes))
    }
}
