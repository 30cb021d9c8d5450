import SeekCore

extension ParameterCounter {
    /// KV cache elements per token of a MiniMax-M3 config (`minimax_m3_kv_elems_per_token`):
    /// L·(2·nKV·hd) plus `sparse_index_dim` for each layer whose `sparse_attention_freq` entry is truthy.
    ///
    /// - Parameters:
    ///   - config: The parsed `config.json` (the wrapper is unwrapped here).
    ///   - architectures: The registry, for the unwrap.
    /// - Returns: Elements per token over all layers.
    /// - Throws: ``ModelConfigError`` naming a missing field.
    public static func miniMaxM3KVElemsPerToken(config: JSONValue, architectures: ModelArchitectures) throws -> Int {
        let fields = ConfigFields(try architectures.textConfig(of: config))
        let hidden = try fields.require("hidden_size")
        let layers = try fields.require("num_hidden_layers")
        let heads = try fields.require("num_attention_heads")
        let kvHeads = try fields.require("num_key_value_heads")
        let headDim = try fields.headDim(hidden: hidden, heads: heads)
        let sparse = try LayerShapes.sparseAttention(fields)
        var elements = layers * (2 * kvHeads * headDim)
        for flag in sparse.frequency.prefix(max(layers, 0)) where flag {
            elements += sparse.indexDim ?? 0
        }
        return elements
    }
}

extension LayerShapes {
    /// `sparse_attention_config`: index dim, index heads and the per-layer flags.
    static func sparseAttention(_ fields: ConfigFields)
        throws -> (indexDim: Int?, indexHeads: Int?, frequency: [Bool]) {
        guard let value = fields.value("sparse_attention_config") else { return (nil, nil, []) }
        guard let object = value.objectValue else {
            throw ModelConfigError.invalid("sparse_attention_config", value, expected: "a mapping")
        }
        let sparse = ConfigFields(object)
        let frequency = sparse.value("sparse_attention_freq")?.arrayValue?.map(ConfigFields.isTruthy) ?? []
        return (try sparse.optional("sparse_index_dim"), try sparse.optional("sparse_num_index_heads"), frequency)
    }

    /// The MiniMax-M3 counter (§5.5): GQA with QK-norm, a sparse-attention indexer on flagged layers,
    /// dense or MoE MLP per `moe_layer_freq`, and `num_mtp_modules` MTP layers.
    func countMiniMaxM3() throws -> ParameterCount {
        let h = hidden
        let kvHeads = try fields.require("num_key_value_heads")
        let expertWidth = try fields.require("intermediate_size")
        let denseWidth = try fields.require("dense_intermediate_size")
        let expertCount = try fields.require("num_local_experts")
        let perToken = try fields.require("num_experts_per_tok")
        let sharedCount = try fields.require("n_shared_experts")
        let sharedWidth = try fields.require("shared_intermediate_size")
        let hd = try headDim()
        let mtp = try fields.orZero("num_mtp_modules")
        guard let frequencyValue = fields.value("moe_layer_freq"), let frequencyItems = frequencyValue.arrayValue else {
            throw ModelConfigError.missing("moe_layer_freq")
        }
        let moeFrequency = try frequencyItems.map { try ConfigFields.integer($0, key: "moe_layer_freq") }
        guard moeFrequency.count == layers else {
            throw ModelConfigError(
                modelName: "",
                message: "moe_layer_freq length (\(moeFrequency.count)) != num_hidden_layers (\(layers))")
        }
        let sparse = try Self.sparseAttention(fields)
        var indexer = 0
        if let dim = sparse.indexDim, let indexHeads = sparse.indexHeads {
            indexer = h * indexHeads * dim + h * dim + indexHeads * dim * indexHeads
        }
        let attention = h * heads * hd + 2 * h * kvHeads * hd + heads * hd * h + 2 * hd
        let fixed = embedding + lmHead + h + mtp * (2 * h * h + 4 * h)
        var total = fixed
        var active = fixed
        var routed = 0
        var dense = 0
        for layer in 0..<layers {
            var common = attention + 2 * h
            if layer < sparse.frequency.count, sparse.frequency[layer] { common += indexer }
            if moeFrequency[layer] == 0 {
                total += common + 3 * h * denseWidth
                active += common + 3 * h * denseWidth
                dense += 1
            } else {
                let fixedMoE = h * expertCount + sharedCount * 3 * h * sharedWidth
                total += common + expertCount * 3 * h * expertWidth + fixedMoE
                active += common + perToken * 3 * h * expertWidth + fixedMoE
                routed += expertCount * 3 * h * expertWidth
            }
        }
        return ParameterCount(modelType: modelType, total: total, active: active, routedExperts: routed,
                              numLayers: layers, numDenseLayers: dense, numMoELayers: layers - dense)
    }
}
