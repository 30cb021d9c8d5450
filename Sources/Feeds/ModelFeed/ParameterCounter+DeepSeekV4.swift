import SeekCore

extension ParameterCounter {
    /// KV cache elements per token of a DeepSeek-V4 text config (`deepseek_v4_kv_elems_per_token`):
    /// over layers 0..L−1 with a compress ratio r ≠ 0, hd/r, plus iD/r when r == 4; summed as floats,
    /// then rounded half to even like Python's `round()`.
    ///
    /// - Parameter textConfig: The effective (text) config.
    /// - Returns: Elements per token over all layers.
    /// - Throws: ``ModelConfigError`` naming a missing field.
    public static func deepSeekV4KVElemsPerToken(textConfig: JSONObject) throws -> Int {
        let fields = ConfigFields(textConfig)
        let layers = try fields.require("num_hidden_layers")
        let headDim = try fields.require("head_dim")
        let indexDim = try fields.require("index_head_dim")
        let ratios = try LayerShapes.compressRatios(fields)
        var sum = 0.0
        for layer in 0..<max(layers, 0) where layer < ratios.count && ratios[layer] != 0 {
            let ratio = Double(ratios[layer])
            sum += Double(headDim) / ratio
            if ratios[layer] == 4 { sum += Double(indexDim) / ratio }
        }
        return Int(sum.rounded(.toNearestOrEven))
    }
}

extension LayerShapes {
    static func compressRatios(_ fields: ConfigFields) throws -> [Int] {
        guard let value = fields.value("compress_ratios") else { return [] }
        guard let items = value.arrayValue else {
            throw ModelConfigError.invalid("compress_ratios", value, expected: "a list of integers")
        }
        return try items.map { try ConfigFields.integer($0, key: "compress_ratios") }
    }

    /// The DeepSeek-V4 counter (§5.5): hyper-connections, compressed attention with an indexer on
    /// ratio-4 layers, hash-routed first layers without a gate bias, and MTP blocks after the L layers.
    func countDeepSeekV4() throws -> ParameterCount {
        let h = hidden
        let hd = try fields.require("head_dim")
        let qLora = try fields.require("q_lora_rank")
        let oLora = try fields.require("o_lora_rank")
        let oGroups = try fields.require("o_groups")
        let expertWidth = try fields.require("moe_intermediate_size")
        let routedCount = try fields.require("n_routed_experts")
        let sharedCount = try fields.require("n_shared_experts")
        let perToken = try fields.require("num_experts_per_tok")
        let hc = try fields.require("hc_mult")
        let indexHeads = try fields.require("index_n_heads")
        let indexDim = try fields.require("index_head_dim")
        let hashLayers = try fields.orZero("num_hash_layers")
        let mtp = try fields.orZero("num_nextn_predict_layers")
        let ratios = try Self.compressRatios(fields)

        let expert = 3 * h * expertWidth
        let fixed = embedding + lmHead + h + (hc * (hc * h) + hc + 1)
        var total = fixed
        var active = fixed
        var routed = 0
        for block in 0..<max(layers + mtp, 0) {
            let ratio = block < ratios.count ? ratios[block] : 0
            var params = heads + h * qLora + qLora + qLora * heads * hd + h * hd + hd + heads * hd * oLora
                + oGroups * oLora * h
            if ratio != 0 {
                let coff = ratio == 4 ? 2 : 1
                params += ratio * coff * hd + 2 * h * coff * hd + hd
            }
            if ratio == 4 {
                params += qLora * indexHeads * indexDim + h * indexHeads + (4 * 2 * indexDim + 2 * h * 2 * indexDim
                    + indexDim)
            }
            let mix = (2 + hc) * hc
            params += 2 * mix * (hc * h) + 2 * mix + 6 + 2 * h
            let isMTP = block >= layers
            let isHashLayer = !isMTP && block < hashLayers
            let gate = routedCount * h + (isHashLayer ? 0 : routedCount)
            if isMTP {
                params += 2 * h * h + 3 * h + (hc * hc * h + hc + 1)
            }
            total += params + gate + sharedCount * expert + routedCount * expert
            active += params + gate + sharedCount * expert + perToken * expert
            routed += routedCount * expert
        }
        return ParameterCount(modelType: modelType, total: total, active: active, routedExperts: routed,
                              numLayers: layers, numDenseLayers: 0, numMoELayers: layers)
    }
}
