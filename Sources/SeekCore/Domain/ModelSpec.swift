/// One row of `models.json`: an open-weights model's size, architecture and licence, derived from its
/// Hugging Face `config.json` (reference pipeline §5.4).
///
/// Stored properties are declared in the published key order. Parameter counts are in billions of
/// parameters, rounded to one decimal place as Python's `round(x / 1e9, 1)` does.
public struct ModelSpec: Sendable, Hashable {
    /// The pipeline's model name, e.g. `"GLM-4.7"` (the row's key; rows are sorted by it).
    public var modelName: String
    /// All learnable parameters, in billions (embeddings, `lm_head` and MTP layers included).
    public var learnableParamsB: Double
    /// Parameters used per token, in billions (routed experts counted `experts_per_token` times).
    public var activeParamsB: Double
    /// `"MoE"` when the model has at least one mixture-of-experts layer, otherwise `"Dense"`.
    public var architecture: String
    /// The context window in tokens (`max_position_embeddings`), or `nil` when the config has none.
    public var contextLength: Int?
    /// The weight format, e.g. `"BF16"`, `"FP8"`, `"INT4"`, or `nil` when it could not be detected.
    public var precision: String?
    /// `"MLA"`, `"GQA"`, `"DSV4"` (DeepSeek-V4) or `"MSA"` (MiniMax-M3 sparse attention).
    public var attentionType: String?
    /// The number of transformer layers (`num_hidden_layers`), MTP layers excluded.
    public var numHiddenLayers: Int?
    /// The model width (`hidden_size`), in elements.
    public var hiddenSize: Int?
    /// Routed experts per MoE layer; `nil` for dense models.
    public var numExperts: Int?
    /// Routed experts active per token; `nil` for dense models.
    public var expertsPerToken: Int?
    /// Layers that keep a KV cache, set only for hybrids with linear or Mamba layers; otherwise `nil`
    /// (every layer keeps one).
    public var numKVLayers: Int?
    /// KV heads per layer (GQA and MSA); `nil` for MLA and DSV4.
    public var numKVHeads: Int?
    /// Elements per attention head (GQA and MSA); `nil` for MLA and DSV4.
    public var headDim: Int?
    /// Parameters in routed experts, in billions; `nil` when the model has none.
    public var routedExpertParamsB: Double?
    /// The MLA compressed KV width, in elements per layer and token; `nil` unless MLA.
    public var kvLoraRank: Int?
    /// The MLA decoupled RoPE key width, in elements per layer and token; `nil` unless MLA.
    public var qkRopeHeadDim: Int?
    /// KV cache elements per token over all layers (DSV4 and MSA only); `nil` otherwise.
    public var kvElemsPerToken: Int?
    /// The Hugging Face repository id, e.g. `"zai-org/GLM-4.7"`; `nil` when ``modelURL`` is set instead.
    public var hfModelID: String?
    /// The model's page when it has no Hugging Face repository of its own.
    public var modelURL: String?
    /// The licence's display name, e.g. `"MIT"`.
    public var licenseName: String?
    /// The licence text's URL.
    public var licenseURL: String?

    /// Creates a row from its fields, in published key order.
    ///
    /// - Parameters: One per stored property; see each property for its meaning and unit.
    public init(modelName: String, learnableParamsB: Double, activeParamsB: Double, architecture: String,
                contextLength: Int?, precision: String?, attentionType: String?, numHiddenLayers: Int?,
                hiddenSize: Int?, numExperts: Int?, expertsPerToken: Int?, numKVLayers: Int?, numKVHeads: Int?,
                headDim: Int?, routedExpertParamsB: Double?, kvLoraRank: Int?, qkRopeHeadDim: Int?,
                kvElemsPerToken: Int?, hfModelID: String?, modelURL: String?, licenseName: String?,
                licenseURL: String?) {
        self.modelName = modelName
        self.learnableParamsB = learnableParamsB
        self.activeParamsB = activeParamsB
        self.architecture = architecture
        self.contextLength = contextLength
        self.precision = precision
        self.attentionType = attentionType
        self.numHiddenLayers = numHiddenLayers
        self.hiddenSize = hiddenSize
        self.numExperts = numExperts
        self.expertsPerToken = expertsPerToken
        self.numKVLayers = numKVLayers
        self.numKVHeads = numKVHeads
        self.headDim = headDim
        self.routedExpertParamsB = routedExpertParamsB
        self.kvLoraRank = kvLoraRank
        self.qkRopeHeadDim = qkRopeHeadDim
        self.kvElemsPerToken = kvElemsPerToken
        self.hfModelID = hfModelID
        self.modelURL = modelURL
        self.licenseName = licenseName
        self.licenseURL = licenseURL
    }
}
