import SeekCore

/// How one family of Hugging Face `model_type`s is counted (one entry of `config/model-architectures.yaml`,
/// the reference's `KNOWN_ARCHITECTURES` mapping, §5.5).
public struct ArchitectureFamily: Sendable, Hashable {
    /// The attention kind the family's KV fields follow.
    public enum Attention: String, Sendable, Hashable, CaseIterable {
        /// Multi-head latent attention (DeepSeek style): `kv_lora_rank` + `qk_rope_head_dim` per layer.
        case mla = "MLA"
        /// Grouped-query attention: `num_key_value_heads` × `head_dim` per layer.
        case gqa = "GQA"
    }

    /// Which parameter counter handles the family.
    public enum Counter: String, Sendable, Hashable, CaseIterable {
        /// The generic MoE path, or the pattern/interval hybrid when the config has those keys.
        case generic
        /// The dedicated DeepSeek-V4 counter (reported as attention type `DSV4`).
        case deepseekV4 = "deepseek_v4"
        /// The dedicated MiniMax-M3 counter (reported as attention type `MSA`).
        case minimaxM3 = "minimax_m3"
        /// A standard dense decoder (seekgpu addition; the reference cannot count these).
        case dense
        /// gpt-oss: biased attention with per-head sinks, biased routed experts (seekgpu addition).
        case gptOSS = "gpt_oss"
    }

    /// The `model_type` this entry applies to.
    public var modelType: String
    /// The attention kind.
    public var attention: Attention
    /// The counter used.
    public var counter: Counter
    /// Config key of the routed expert count (required for ``Counter/generic``).
    public var expertCountKey: String?
    /// Config key of the shared experts (a count or an FFN width, see ``sharedIsCount``), if any.
    public var sharedKey: String?
    /// `true` when ``sharedKey`` holds a number of expert-sized shared experts, `false` for an FFN width.
    public var sharedIsCount: Bool
    /// Config key of the routed expert FFN width (required for ``Counter/generic``).
    public var expertIntermediateKey: String?
    /// Config key of the number of leading dense layers, if any.
    public var denseLayersKey: String?
    /// Config key of the number of multi-token-prediction layers, if any.
    public var mtpKey: String?
    /// MLP projection count: 3 for gated (SwiGLU) MLPs, 2 for ungated ones.
    public var projections: Int
    /// `true` when each attention layer has an output gate projection (heads × head_dim × hidden).
    public var attentionOutputGate: Bool
    /// `true` when q, k and v projections always carry biases (Qwen2); dense counter only.
    public var qkvBias: Bool
    /// `true` when q and k get a per-head RMSNorm (2 × head_dim per layer, Qwen3); dense counter only.
    public var qkNorm: Bool
    /// RMSNorms per decoder layer: 2 (before attention and MLP), 4 for Gemma 2/3 (also after each); dense counter only.
    public var normsPerLayer: Int
    /// Whether `lm_head` is tied to the embedding when the config has no `tie_word_embeddings` (Transformers'
    /// default for the model type: true for Gemma, false for Llama, Qwen and the reference's families).
    public var tiesEmbeddingsByDefault: Bool

    /// Creates an entry.
    ///
    /// - Parameters: One per property; see each property.
    public init(modelType: String, attention: Attention, counter: Counter, expertCountKey: String? = nil,
                sharedKey: String? = nil, sharedIsCount: Bool = false, expertIntermediateKey: String? = nil,
                denseLayersKey: String? = nil, mtpKey: String? = nil, projections: Int = 3,
                attentionOutputGate: Bool = false, qkvBias: Bool = false, qkNorm: Bool = false, normsPerLayer: Int = 2,
                tiesEmbeddingsByDefault: Bool = false) {
        self.modelType = modelType
        self.attention = attention
        self.counter = counter
        self.expertCountKey = expertCountKey
        self.sharedKey = sharedKey
        self.sharedIsCount = sharedIsCount
        self.expertIntermediateKey = expertIntermediateKey
        self.denseLayersKey = denseLayersKey
        self.mtpKey = mtpKey
        self.projections = projections
        self.attentionOutputGate = attentionOutputGate
        self.qkvBias = qkvBias
        self.qkNorm = qkNorm
        self.normsPerLayer = normsPerLayer
        self.tiesEmbeddingsByDefault = tiesEmbeddingsByDefault
    }
}

/// The architecture registry: the supported `model_type`s and the multimodal wrappers to unwrap,
/// read from `config/model-architectures.yaml`.
public struct ModelArchitectures: Sendable, Hashable {
    /// The registry's file name under the configuration directory.
    public static let fileName = "model-architectures.yaml"

    /// Supported text model types → how they are counted.
    public var families: [String: ArchitectureFamily]
    /// Multimodal wrapper model types → the `model_type` injected into a `text_config` that has none
    /// (`nil` when nothing is injected).
    public var multimodalWrappers: [String: String?]
    /// Wrapper model types whose vision tower and projector are counted, and their layout. Wrappers
    /// not listed (the reference's: Kimi-K2.5, Qwen3.5, MiniMax-M3-VL) count their text model only.
    public var visionTowers: [String: VisionTower]

    /// Creates a registry.
    ///
    /// - Parameters:
    ///   - families: Supported model types and their entries.
    ///   - multimodalWrappers: Wrapper model types and the text model type each injects, if any.
    ///   - visionTowers: Wrapper model types whose vision tower is counted, and its layout.
    public init(families: [String: ArchitectureFamily], multimodalWrappers: [String: String?],
                visionTowers: [String: VisionTower] = [:]) {
        self.families = families
        self.multimodalWrappers = multimodalWrappers
        self.visionTowers = visionTowers
    }

    /// The entry for `modelType`, or `nil` when the type is unsupported.
    public func family(for modelType: String) -> ArchitectureFamily? {
        families[modelType]
    }

    /// The text model config of `config` (the reference's `resolve_text_config`): the `text_config`
    /// of a multimodal wrapper, with the wrapper's text `model_type` injected when it has none, or
    /// `config` itself; either with Transformers' defaults for its type (``TransformersConfigDefaults``).
    /// `config` is not modified.
    ///
    /// - Parameter config: A parsed `config.json`.
    /// - Returns: The effective (text) config object.
    /// - Throws: ``ModelConfigError`` (with an empty model name) when `config` is not an object or a
    ///   wrapper has no `text_config` mapping.
    public func textConfig(of config: JSONValue) throws -> JSONObject {
        guard let raw = config.objectValue else {
            throw ModelConfigError(modelName: "", message: "config.json is not a JSON object")
        }
        guard let modelType = raw["model_type"]?.stringValue, let injected = multimodalWrappers[modelType] else {
            return TransformersConfigDefaults.filled(raw)
        }
        guard var text = raw["text_config"]?.objectValue else {
            let found = raw["text_config"].map(ModelConfigError.pythonTypeName) ?? "missing"
            throw ModelConfigError(modelName: "",
                                   message: "model_type='\(modelType)' requires 'text_config' dict, but it is \(found)")
        }
        if let injected, text["model_type"] == nil {
            text["model_type"] = .string(injected)
        }
        return TransformersConfigDefaults.filled(text)
    }
}
