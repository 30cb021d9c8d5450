import SeekCore

/// Turns one model's parsed `config.json` and licence into its `models.json` row (the pure part of the
/// reference's `fetch_model`, §5.4 steps 2–8). No I/O.
public enum ModelSpecDeriver {
    /// Derives the `models.json` row of one model.
    ///
    /// - Parameters:
    ///   - modelName: The pipeline's model name.
    ///   - hfModelID: The Hugging Face repository the config came from; published only when `modelURL` is
    ///     `nil` or empty.
    ///   - modelURL: The model's own page when its config is borrowed from another repository.
    ///   - licenseName: The licence's display name.
    ///   - licenseURL: The licence text's URL.
    ///   - config: The parsed `config.json`.
    ///   - architectures: The registry.
    /// - Returns: The row; `precision` is `nil` when it cannot be detected.
    /// - Throws: ``UnsupportedArchitectureError`` when the effective `model_type` is not in the registry;
    ///   ``ModelConfigError`` (naming `modelName` and the field) for a wrapper without `text_config` or a
    ///   missing or malformed field.
    public static func derive(modelName: String, hfModelID: String?, modelURL: String?, licenseName: String,
                              licenseURL: String, config: JSONValue,
                              architectures: ModelArchitectures) throws -> ModelSpec {
        do {
            return try deriveUnnamed(modelName: modelName, hfModelID: hfModelID, modelURL: modelURL,
                                     licenseName: licenseName, licenseURL: licenseURL, config: config,
                                     architectures: architectures)
        } catch var error as ModelConfigError {
            error.modelName = modelName
            throw error
        }
    }

    private static func deriveUnnamed(modelName: String, hfModelID: String?, modelURL: String?,
                                      licenseName: String, licenseURL: String, config: JSONValue,
                                      architectures: ModelArchitectures) throws -> ModelSpec {
        let text = try architectures.textConfig(of: config)
        let modelType = text["model_type"]?.stringValue ?? "None"
        guard let family = architectures.family(for: modelType) else {
            throw UnsupportedArchitectureError(modelName: modelName, modelType: modelType, hfModelID: hfModelID)
        }
        let counts = try ParameterCounter.count(textConfig: text, family: family)
        let fields = ConfigFields(text)
        let isMoE = counts.numMoELayers > 0
        let publishedURL = modelURL.flatMap { $0.isEmpty ? nil : $0 }

        var spec = ModelSpec(
            modelName: modelName,
            learnableParamsB: billions(counts.total),
            activeParamsB: billions(counts.active),
            architecture: isMoE ? "MoE" : "Dense",
            contextLength: try fields.optional("max_position_embeddings"),
            precision: try? PrecisionDetector.detect(raw: config.objectValue ?? JSONObject(), text: text).dtype,
            attentionType: nil, numHiddenLayers: nil,
            hiddenSize: try fields.optional("hidden_size"),
            numExperts: nil, expertsPerToken: nil,
            numKVLayers: counts.numAttentionLayers > 0 ? counts.numAttentionLayers : nil,
            numKVHeads: nil, headDim: nil,
            routedExpertParamsB: counts.routedExperts > 0 ? billions(counts.routedExperts) : nil,
            kvLoraRank: nil, qkRopeHeadDim: nil, kvElemsPerToken: nil,
            hfModelID: publishedURL == nil ? hfModelID : nil,
            modelURL: publishedURL,
            licenseName: licenseName,
            licenseURL: licenseURL)

        guard fields.value("num_hidden_layers") != nil else {
            throw ModelConfigError(modelName: "", message: "Missing 'num_hidden_layers' in config")
        }
        spec.numHiddenLayers = try fields.require("num_hidden_layers")
        try fillAttention(&spec, family: family, fields: fields, config: config, architectures: architectures)

        if isMoE {
            spec.numExperts = try ["n_routed_experts", "num_experts", "num_local_experts"].lazy
                .compactMap { key in fields.value(key).flatMap { ConfigFields.isTruthy($0) ? (key, $0) : nil } }
                .first.map { try ConfigFields.integer($0.1, key: $0.0) }
            spec.expertsPerToken = try fields.optional("num_experts_per_tok")
        }
        return spec
    }

    /// Step 5: the attention type and its KV-cache fields.
    private static func fillAttention(_ spec: inout ModelSpec, family: ArchitectureFamily, fields: ConfigFields,
                                      config: JSONValue, architectures: ModelArchitectures) throws {
        if family.counter == .deepseekV4 {
            spec.attentionType = "DSV4"
            spec.kvElemsPerToken = try ParameterCounter.deepSeekV4KVElemsPerToken(textConfig: fields.object)
            return
        }
        switch family.attention {
        case .gqa:
            spec.attentionType = "GQA"
            guard fields.value("num_key_value_heads") != nil else {
                throw ModelConfigError(modelName: "", message: "Missing 'num_key_value_heads' in GQA config")
            }
            spec.numKVHeads = try fields.require("num_key_value_heads")
            if let explicit = try fields.optional("head_dim") {
                spec.headDim = explicit
            } else {
                guard let hidden = try fields.optional("hidden_size"),
                      let heads = try fields.optional("num_attention_heads"), heads != 0 else {
                    throw ModelConfigError(
                        modelName: "",
                        message: "Missing 'head_dim' and cannot derive it from 'hidden_size' / 'num_attention_heads'")
                }
                spec.headDim = hidden / heads
            }
        case .mla:
            spec.attentionType = "MLA"
            for key in ["kv_lora_rank", "qk_rope_head_dim"] where fields.value(key) == nil {
                throw ModelConfigError(modelName: "", message: "Missing '\(key)' in MLA config")
            }
            spec.kvLoraRank = try fields.require("kv_lora_rank")
            spec.qkRopeHeadDim = try fields.require("qk_rope_head_dim")
        }
        if family.counter == .minimaxM3 {
            spec.attentionType = "MSA"
            spec.kvElemsPerToken = try ParameterCounter.miniMaxM3KVElemsPerToken(config: config,
                                                                                  architectures: architectures)
        }
    }

    /// Python `round(count / 1e9, 1)`.
    static func billions(_ count: Int) -> Double {
        PythonMath.round(Double(count) / 1e9, places: 1)
    }
}
