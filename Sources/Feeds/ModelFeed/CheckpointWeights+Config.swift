import SeekCore

extension CheckpointWeights {
    /// Reads what vLLM loads for the checkpoint `config` describes: the exact parameter count split by role,
    /// the quantization of its `quantization_config` and the rotary caches.
    ///
    /// - Parameters:
    ///   - config: The parsed `config.json`.
    ///   - architectures: The registry (`config/model-architectures.yaml`).
    ///   - dtypeBytes: Bytes of an unquantized element (the model dtype, after `--dtype`).
    /// - Throws: ``ModelConfigError`` for an unknown `model_type` or quantization method, or a missing field.
    public init(config: JSONValue, architectures: ModelArchitectures, dtypeBytes: Int) throws {
        let counts = try ParameterCounter.count(config: config, architectures: architectures)
        let text = try architectures.textConfig(of: config)
        let raw = config.objectValue ?? JSONObject()
        let quantization = [text["quantization_config"], raw["quantization_config"]]
            .lazy.compactMap { $0?.objectValue }.first
        let decoder = counts.total - counts.embedding - counts.lmHead - counts.mtp - counts.vision - counts.routedExperts
        self.init(embedding: counts.embedding, lmHead: counts.lmHead, decoder: decoder, routedExperts: counts.routedExperts,
                  vision: counts.vision,
                  expertShape: counts.expertShape,
                  ropeCacheElements: try RotaryCaches.elements(ConfigFields(text)), dtypeBytes: dtypeBytes,
                  quantization: try quantization.map(WeightQuantization.init(quantizationConfig:)))
    }
}

/// The `cos_sin_cache` buffers vLLM's `get_rope` builds: one per distinct rotary embedding, of
/// `positions × rotary_dim` elements in the model dtype.
enum RotaryCaches {
    /// Elements over all caches of a text config.
    ///
    /// Rotary dim: `qk_rope_head_dim` for MLA, else `head_dim × partial_rotary_factor`. Positions:
    /// `max_position_embeddings`, times the factor for `linear` and `dynamic` scaling; for `yarn` and
    /// `deepseek_yarn`, `original_max_position_embeddings × factor`. A config with `rope_local_base_freq`
    /// (Gemma 3) has a second, unscaled cache for its sliding layers.
    static func elements(_ fields: ConfigFields) throws -> Int {
        guard let positions = try fields.optional("max_position_embeddings"), positions > 0 else { return 0 }
        let rotary: Int
        if let rope = try fields.optional("qk_rope_head_dim"), fields.value("kv_lora_rank") != nil {
            rotary = rope
        } else {
            let heads = try fields.require("num_attention_heads")
            let headDim = try fields.headDim(hidden: fields.require("hidden_size"), heads: heads)
            let partial = fields.value("partial_rotary_factor")?.doubleValue ?? 1
            rotary = Int(Double(headDim) * partial)
        }
        let scaling = (fields.value("rope_scaling") ?? fields.value("rope_parameters"))?.objectValue ?? JSONObject()
        let type = scaling["rope_type"]?.stringValue ?? scaling["type"]?.stringValue ?? "default"
        let factor = scaling["factor"]?.doubleValue ?? 1
        let scaled: Int
        switch type {
        case "linear", "dynamic":
            scaled = Int(Double(positions) * factor)
        case "yarn", "deepseek_yarn":
            let original = scaling["original_max_position_embeddings"]?.intValue ?? positions
            scaled = Int(Double(original) * factor)
        default:
            scaled = positions
        }
        let local = fields.value("rope_local_base_freq") != nil ? positions * rotary : 0
        return scaled * rotary + local
    }
}
