import SeekCore

/// Counts a model's parameters from its Hugging Face `config.json` with exact integer arithmetic
/// (the reference's `param_counter.py`, §5.5, plus a dense-decoder counter of seekgpu's own).
public enum ParameterCounter {
    /// Counts the parameters of the model `config` describes (`count_params_from_config`).
    ///
    /// Dispatch: the family's dedicated counter (DeepSeek-V4, MiniMax-M3, dense), else a pattern hybrid
    /// when the config has `hybrid_override_pattern`, else an interval hybrid when
    /// `full_attention_interval > 1`, else the generic MoE path.
    ///
    /// - Parameters:
    ///   - config: The parsed `config.json` (multimodal wrappers are unwrapped here).
    ///   - architectures: The registry.
    /// - Returns: Total, active and routed-expert parameter counts and the layer split.
    /// - Throws: ``ModelConfigError`` for an unknown `model_type` (`Unknown model_type='x'`), a missing
    ///   `text_config`, or a missing or malformed field (the message names it).
    public static func count(config: JSONValue, architectures: ModelArchitectures) throws -> ParameterCount {
        let text = try architectures.textConfig(of: config)
        let modelType = text["model_type"]?.stringValue ?? "None"
        guard let family = architectures.family(for: modelType) else {
            throw ModelConfigError(modelName: "", message: "Unknown model_type='\(modelType)'")
        }
        var counts = try count(textConfig: text, family: family)
        if let wrapper = config["model_type"]?.stringValue, let tower = architectures.visionTowers[wrapper],
           let raw = config.objectValue {
            counts.vision = try tower.parameters(config: raw, textHidden: ConfigFields(text).require("hidden_size"))
            counts.total += counts.vision
            counts.active += counts.vision
        }
        return counts
    }

    /// Counts the parameters of an already unwrapped text config with the given family's counter.
    ///
    /// - Parameters:
    ///   - textConfig: The effective (text) config.
    ///   - family: Its registry entry.
    /// - Returns: The counts.
    /// - Throws: ``ModelConfigError`` naming a missing or malformed field.
    public static func count(textConfig: JSONObject, family: ArchitectureFamily) throws -> ParameterCount {
        let shapes = try LayerShapes(textConfig, family: family)
        var counts = try count(shapes)
        if counts.embedding == 0 {
            counts.embedding = shapes.embedding
            counts.lmHead = shapes.lmHead
        }
        return counts
    }

    private static func count(_ shapes: LayerShapes) throws -> ParameterCount {
        switch shapes.family.counter {
        case .deepseekV4:
            return try shapes.countDeepSeekV4()
        case .minimaxM3:
            return try shapes.countMiniMaxM3()
        case .dense:
            return try shapes.countDense()
        case .gptOSS:
            return try shapes.countGPTOSS()
        case .generic:
            if shapes.fields.object["hybrid_override_pattern"] != nil {
                return try shapes.countPatternHybrid()
            }
            if try shapes.fields.orZero("full_attention_interval") > 1 {
                return try shapes.countIntervalHybrid()
            }
            return try shapes.countGeneric()
        }
    }
}

/// The dimensions every counter shares, and the per-layer building blocks of §5.5.
struct LayerShapes {
    let fields: ConfigFields
    let family: ArchitectureFamily
    /// `hidden_size`.
    let hidden: Int
    /// `vocab_size`.
    let vocab: Int
    /// `num_hidden_layers`.
    let layers: Int
    /// `num_attention_heads`.
    let heads: Int

    init(_ object: JSONObject, family: ArchitectureFamily) throws {
        fields = ConfigFields(object)
        self.family = family
        hidden = try fields.require("hidden_size")
        vocab = try fields.require("vocab_size")
        layers = try fields.require("num_hidden_layers")
        heads = try fields.require("num_attention_heads")
    }

    var modelType: String { family.modelType }

    /// Input embedding V·H.
    var embedding: Int { vocab * hidden }

    /// `lm_head`: 0 when tied to the embedding (`tie_word_embeddings`, else the family's default), else V·H.
    var lmHead: Int {
        let tied = fields.value("tie_word_embeddings").map(ConfigFields.isTruthy) ?? family.tiesEmbeddingsByDefault
        return tied ? 0 : vocab * hidden
    }

    /// `head_dim`, or H // nH.
    func headDim() throws -> Int {
        try fields.headDim(hidden: hidden, heads: heads)
    }

    /// One attention layer: MLA or GQA per the registry, plus the output gate when the family has one.
    func attention() throws -> Int {
        switch family.attention {
        case .mla:
            return try mlaAttention()
        case .gqa:
            let hd = try headDim()
            let gate = family.attentionOutputGate ? heads * hd * hidden : 0
            return try gqaAttention() + gate
        }
    }

    /// H·qr + qr + qr·nH·(nope+rope) + H·(kr+rope) + kr + kr·nH·(nope+v) + nH·v·H; without a
    /// `q_lora_rank` (DeepSeek-V2-Lite, Kimi-VL) the query is one projection H·nH·(nope+rope).
    func mlaAttention() throws -> Int {
        let kr = try fields.require("kv_lora_rank")
        let nope = try fields.require("qk_nope_head_dim")
        let rope = try fields.require("qk_rope_head_dim")
        let v = try fields.require("v_head_dim")
        let h = hidden
        let query: Int
        if let qr = try fields.optional("q_lora_rank") {
            query = h * qr + qr + qr * heads * (nope + rope)
        } else {
            query = h * heads * (nope + rope)
        }
        let keyValue = h * (kr + rope) + kr + kr * heads * (nope + v)
        return query + keyValue + heads * v * h
    }

    /// H·(nH·hd) + 2·H·(nKV·hd) + (nH·hd)·H.
    func gqaAttention() throws -> Int {
        let hd = try headDim()
        let kvHeads = try fields.require("num_key_value_heads")
        return hidden * (heads * hd) + 2 * hidden * (kvHeads * hd) + (heads * hd) * hidden
    }

    /// The DSA indexer, only when both `index_n_heads` and `index_head_dim` are present:
    /// 2·H·(iH·iD) + (iH·iD)·iH + 2·iD.
    func dsaIndexer() throws -> Int {
        guard let indexHeads = try fields.optional("index_n_heads"),
              let indexDim = try fields.optional("index_head_dim") else { return 0 }
        return 2 * hidden * (indexHeads * indexDim) + (indexHeads * indexDim) * indexHeads + 2 * indexDim
    }

    /// The routed-expert settings of a MoE family.
    struct Experts {
        /// Routed experts per layer (E).
        let count: Int
        /// Routed experts per token (k).
        let perToken: Int
        /// Expert FFN width (Ie).
        let width: Int
        /// Shared-expert parameters per layer.
        let shared: Int
        /// Router H·E.
        let router: Int
        /// Projections per expert MLP (P).
        let projections: Int
        let hidden: Int

        /// One MoE layer with `k` routed experts: k·P·H·Ie + H·E + shared.
        func layer(_ k: Int) -> Int {
            k * projections * hidden * width + router + shared
        }

        /// Routed-expert parameters of one layer as the hybrids count them: E·P·H·Ie.
        var routedPerLayer: Int { count * projections * hidden * width }
    }

    func experts() throws -> Experts {
        // The registry loader guarantees both keys for generic families.
        let count = try fields.require(family.expertCountKey ?? "n_routed_experts")
        let width = try fields.require(family.expertIntermediateKey ?? "moe_intermediate_size")
        let perToken = try fields.require("num_experts_per_tok")
        let p = family.projections
        var shared = 0
        if let key = family.sharedKey {
            let value = try fields.orZero(key)
            if family.sharedIsCount {
                shared = value * p * hidden * width
            } else if value > 0 {
                shared = p * hidden * value
            }
        }
        return Experts(count: count, perToken: perToken, width: width, shared: shared, router: hidden * count,
                       projections: p, hidden: hidden)
    }

    /// The generic MoE path (DeepSeek-V3.2, Kimi-K2, GLM, Qwen3-MoE, MiniMax-M2, Trinity).
    func countGeneric() throws -> ParameterCount {
        let h = hidden
        let intermediate = try fields.require("intermediate_size")
        let experts = try experts()
        let denseLayers = try family.denseLayersKey.map { try fields.orZero($0) } ?? 0
        let moeLayers = layers - denseLayers
        let mtp = try family.mtpKey.map { try fields.orZero($0) } ?? 0
        let attention = try attention()
        let indexer = try dsaIndexer()
        let denseBlock = attention + 3 * h * intermediate + 2 * h + indexer
        let moeBlockTotal = attention + experts.layer(experts.count) + 2 * h + indexer
        let moeBlockActive = attention + experts.layer(experts.perToken) + 2 * h + indexer
        let mtpParameters = mtp * (2 * h * h + 4 * h)
        let fixed = embedding + lmHead + denseLayers * denseBlock + h + mtpParameters
        var result = ParameterCount(
            modelType: modelType,
            total: fixed + moeLayers * moeBlockTotal,
            active: fixed + moeLayers * moeBlockActive,
            routedExperts: moeLayers * experts.count * 3 * h * experts.width,
            numLayers: layers, numDenseLayers: denseLayers, numMoELayers: moeLayers)
        result.embedding = embedding
        result.lmHead = lmHead
        result.mtp = mtpParameters
        result.expertShape = CheckpointWeights.ExpertMatrices(hidden: h, width: experts.width, count: experts.count)
        return result
    }

    /// A standard dense decoder: V·H embedding, `lm_head` unless tied, per layer GQA attention (with
    /// q/k/v biases for Qwen2-style families, q/k/v/o biases when `attention_bias` is true, and QK-norm
    /// when the family has it) + P·H·I MLP + `normsPerLayer`·H norms (4 for Gemma), and the final norm H.
    func countDense() throws -> ParameterCount {
        let h = hidden
        let intermediate = try fields.require("intermediate_size")
        let hd = try headDim()
        let kvHeads = try fields.require("num_key_value_heads")
        var attention = try gqaAttention()
        if family.attentionOutputGate { attention += heads * hd * h }
        if family.qkvBias || fields.bool("attention_bias") {
            attention += heads * hd + 2 * kvHeads * hd
        }
        if fields.bool("attention_bias") { attention += h }
        if family.qkNorm { attention += 2 * hd }
        let layer = attention + family.projections * h * intermediate + family.normsPerLayer * h
        let total = embedding + lmHead + layers * layer + h
        var result = ParameterCount(modelType: modelType, total: total, active: total, routedExperts: 0,
                                    numLayers: layers, numDenseLayers: layers, numMoELayers: 0)
        result.embedding = embedding
        result.lmHead = lmHead
        return result
    }
}
