import SeekCore

extension LayerShapes {
    /// gpt-oss: per layer biased q/k/v/o projections with one attention sink per head, a biased router
    /// over `num_local_experts`, biased experts (`gate_up_proj` H×2I, `down_proj` I×H) and two norms; a
    /// final norm, the embedding and an untied `lm_head`.
    func countGPTOSS() throws -> ParameterCount {
        let h = hidden
        let hd = try headDim()
        let kvHeads = try fields.require("num_key_value_heads")
        let count = try fields.require("num_local_experts")
        let width = try fields.require("intermediate_size")
        let perToken = try fields.optional("num_experts_per_tok") ?? fields.require("experts_per_token")
        let attention = try gqaAttention() + heads * hd + 2 * kvHeads * hd + h + heads
        let expert = h * 2 * width + 2 * width + width * h + h
        let router = h * count + count
        let fixed = embedding + lmHead + h
        let shared = attention + router + 2 * h
        var result = ParameterCount(modelType: modelType, total: fixed + layers * (shared + count * expert),
                                    active: fixed + layers * (shared + perToken * expert),
                                    routedExperts: layers * count * expert, numLayers: layers, numDenseLayers: 0,
                                    numMoELayers: layers)
        result.embedding = embedding
        result.lmHead = lmHead
        result.expertShape = CheckpointWeights.ExpertMatrices(hidden: h, width: width, count: count)
        return result
    }
}
