import SeekCore

/// The result of counting a model's parameters from its config (the reference's `ParamCountResult`).
public struct ParameterCount: Sendable, Hashable {
    /// The effective (text) `model_type` that was counted.
    public var modelType: String
    /// All learnable parameters (embeddings, `lm_head`, norms and MTP layers included).
    public var total: Int
    /// Parameters used per token: routed experts counted `num_experts_per_tok` times.
    public var active: Int
    /// Parameters in routed experts (0 for dense models).
    public var routedExperts: Int
    /// `num_hidden_layers`.
    public var numLayers: Int
    /// Layers with a dense MLP.
    public var numDenseLayers: Int
    /// Layers with a mixture-of-experts MLP.
    public var numMoELayers: Int
    /// Mamba2 or linear-attention layers of a hybrid.
    public var numMambaLayers: Int
    /// Full-attention layers of a hybrid (0 for non-hybrids, where every layer has attention).
    public var numAttentionLayers: Int
    /// The input embedding's parameters (V·H), kept in 16 bits by every quantization vLLM loads.
    public var embedding: Int = 0
    /// The untied `lm_head`'s parameters (0 when tied to the embedding).
    public var lmHead: Int = 0
    /// Multi-token-prediction parameters counted in ``total``; vLLM does not load them unless it
    /// serves the model with MTP speculative decoding.
    public var mtp: Int = 0
    /// The vision tower and multimodal projector of a vision-language wrapper (0 for text models).
    public var vision: Int = 0
    /// One routed expert's matrices (hidden size and FFN width), when the model has routed experts.
    public var expertShape: CheckpointWeights.ExpertMatrices?

    /// Creates a result.
    ///
    /// - Parameters: One per property; see each property.
    public init(modelType: String, total: Int, active: Int, routedExperts: Int, numLayers: Int,
                numDenseLayers: Int, numMoELayers: Int, numMambaLayers: Int = 0, numAttentionLayers: Int = 0) {
        self.modelType = modelType
        self.total = total
        self.active = active
        self.routedExperts = routedExperts
        self.numLayers = numLayers
        self.numDenseLayers = numDenseLayers
        self.numMoELayers = numMoELayers
        self.numMambaLayers = numMambaLayers
        self.numAttentionLayers = numAttentionLayers
    }
}
