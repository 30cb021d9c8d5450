import SeekCore


extension KVArchitecture {
    /// Model types whose KV cache the vLLM model does not describe yet (compressed or sparse attention
    /// with extra index caches); reading them fails rather than giving a wrong figure.
    static let unsupportedModelTypes: Set<String> = ["deepseek_v4", "minimax_m3", "minimax_m3_vl"]

    /// Reads the KV cache layout of any Hugging Face `config.json`.
    ///
    /// A multimodal wrapper's `text_config` object is used when present (Kimi-K2.5, Qwen3.5, Gemma 3,
    /// Kimi-VL). Each layer's kind follows the rules of the layer pattern (Nemotron-H's
    /// `hybrid_override_pattern`, `layer_types`, `full_attention_interval`, Gemma 2/3 and gpt-oss
    /// alternation, Qwen2's `use_sliding_window`/`max_window_layers`); attention layers are MLA when
    /// the config has `kv_lora_rank` (DeepSeek-V2/V3, Kimi-K2, GLM-5), otherwise GQA with
    /// `num_key_value_heads` (default `num_attention_heads`) heads of `head_dim` (default
    /// `hidden_size / num_attention_heads`). Sliding layers use `sliding_window`.
    ///
    /// ```swift
    /// let arch = try KVArchitecture(config: JSONParser.parse(data))
    /// arch.layers.filter { $0 != .noKVCache }.count   // Nemotron-3-Nano: 6 of 52
    /// ```
    ///
    /// - Parameter config: The parsed `config.json`.
    /// - Throws: ``ModelConfigError`` naming the missing or malformed field ("config.json has no
    ///   num_hidden_layers"), or the model type when it is not supported (DeepSeek-V4, MiniMax-M3).
    public init(config: JSONValue) throws(ModelConfigError) {
        guard let raw = config.objectValue else { throw KVConfigReader.error("config.json is not a JSON object") }
        let reader = KVConfigReader(text: TransformersConfigDefaults.filled(raw["text_config"]?.objectValue ?? raw), raw: raw)
        for type in [reader.modelType, raw["model_type"]?.stringValue ?? ""] where Self.unsupportedModelTypes.contains(type) {
            throw KVConfigReader.error("model_type '\(type)' uses compressed or sparse attention whose vLLM KV cache "
                + "seekgpu does not model yet")
        }
        let count = try reader.requirePositive("num_hidden_layers")
        let kinds = try reader.layerKinds(count: count)
        let dtypeBytes = try reader.dtypeBytes()
        self.init(layers: try Self.layers(kinds, reader: reader), modelDTypeBytes: dtypeBytes)
    }

    /// Attaches shapes to the kinds; fields are read only when a layer needs them.
    private static func layers(_ kinds: [KVLayerKind], reader: KVConfigReader) throws(ModelConfigError) -> [Attention] {
        let isMLA = reader.value("kv_lora_rank") != nil
        var attention: Attention?
        var sliding: Attention?
        var layers: [Attention] = []
        layers.reserveCapacity(kinds.count)
        for kind in kinds {
            switch kind {
            case .none:
                layers.append(.noKVCache)
            case .attention:
                if attention == nil {
                    attention = isMLA
                        ? .mla(kvLoraRank: try reader.requirePositive("kv_lora_rank"),
                               qkRopeHeadDim: try reader.require("qk_rope_head_dim"))
                        : .full(kvHeads: try reader.kvHeads(), headDim: try reader.headDim())
                }
                if let attention { layers.append(attention) }
            case .sliding:
                if sliding == nil {
                    sliding = .slidingWindow(window: try reader.requirePositive("sliding_window"),
                                             kvHeads: try reader.kvHeads(), headDim: try reader.headDim())
                }
                if let sliding { layers.append(sliding) }
            }
        }
        return layers
    }
}

extension KVArchitecture {
    /// Bytes of one element of a dtype as configs and vLLM's `--dtype` spell it: `bfloat16`, `bf16`,
    /// `float16`, `fp16`, `half` → 2; `float32`, `fp32`, `float` → 4.
    ///
    /// - Parameter name: The dtype name (case-insensitive).
    /// - Returns: The size in bytes, or `nil` for any other name.
    public static func dtypeBytes(named name: String) -> Int? {
        KVConfigReader.dtypeBytes(named: name)
    }
}
