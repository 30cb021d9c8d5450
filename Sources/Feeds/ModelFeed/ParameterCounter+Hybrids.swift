import SeekCore

extension LayerShapes {
    /// One Mamba2 layer: H·(2·d_inner + 2·n_group·ssm_state + heads) + d_inner·conv + d_inner
    /// + 3·heads + d_inner + d_inner·H, with d_inner = mamba_num_heads·mamba_head_dim.
    func mambaLayer() throws -> Int {
        let mambaHeads = try fields.require("mamba_num_heads")
        let mambaHeadDim = try fields.require("mamba_head_dim")
        let stateSize = try fields.require("ssm_state_size")
        let conv = try fields.require("conv_kernel")
        let groups = try fields.optional("n_group") ?? 1
        let inner = mambaHeads * mambaHeadDim
        let inProjection = hidden * (2 * inner + 2 * groups * stateSize + mambaHeads)
        return inProjection + inner * conv + inner + 3 * mambaHeads + inner + inner * hidden
    }

    /// One Qwen3-Next linear-attention layer: H·(q+k+v+z) + H·2·lin_kH + (v+k)·conv + (v+k) + v·H + v
    /// + 2·nH, with q = z = nH·hd, k = lin_kH·lin_kD, v = lin_vH·lin_vD.
    func linearAttentionLayer() throws -> Int {
        let hd = try headDim()
        let keyHeads = try fields.require("linear_num_key_heads")
        let keyDim = try fields.require("linear_key_head_dim")
        let valueHeads = try fields.require("linear_num_value_heads")
        let valueDim = try fields.require("linear_value_head_dim")
        let conv = try fields.require("linear_conv_kernel_dim")
        let q = heads * hd
        let z = q
        let k = keyHeads * keyDim
        let v = valueHeads * valueDim
        let h = hidden
        return h * (q + k + v + z) + h * 2 * keyHeads + (v + k) * conv + (v + k) + v * h + v + 2 * heads
    }

    /// The pattern hybrid (`hybrid_override_pattern`, Nemotron-H): per character a norm H plus
    /// `M` Mamba2, `*` attention, `-` dense MLP P·H·I, anything else a MoE layer.
    func countPatternHybrid() throws -> ParameterCount {
        guard let pattern = fields.object["hybrid_override_pattern"]?.stringValue else {
            throw ModelConfigError(modelName: "", message: "Config field 'hybrid_override_pattern' must be a string")
        }
        let characters = Array(pattern)
        guard characters.count == layers else {
            throw ModelConfigError(
                modelName: "",
                message: "hybrid_override_pattern length (\(characters.count)) != num_hidden_layers (\(layers))")
        }
        let h = hidden
        var total = 0
        var active = 0
        var routed = 0
        var counts = (mamba: 0, attention: 0, dense: 0, moe: 0)
        for character in characters {
            total += h
            active += h
            switch character {
            case "M":
                let mamba = try mambaLayer()
                total += mamba
                active += mamba
                counts.mamba += 1
            case "*":
                let attention = try attention()
                total += attention
                active += attention
                counts.attention += 1
            case "-":
                let mlp = family.projections * h * (try fields.require("intermediate_size"))
                total += mlp
                active += mlp
                counts.dense += 1
            default:
                let experts = try experts()
                total += experts.layer(experts.count)
                active += experts.layer(experts.perToken)
                routed += experts.routedPerLayer
                counts.moe += 1
            }
        }
        let fixed = embedding + lmHead + h
        return ParameterCount(modelType: modelType, total: fixed + total, active: fixed + active,
                              routedExperts: routed, numLayers: layers, numDenseLayers: counts.dense,
                              numMoELayers: counts.moe, numMambaLayers: counts.mamba,
                              numAttentionLayers: counts.attention)
    }

    /// The interval hybrid (`full_attention_interval` f > 1, Qwen3-Next and Qwen3.5): layer i has full
    /// GQA when (i+1) % f == 0, else linear attention; every layer has 2H norms and a MoE MLP.
    func countIntervalHybrid() throws -> ParameterCount {
        let interval = try fields.orZero("full_attention_interval")
        let experts = try experts()
        let h = hidden
        var total = 0
        var active = 0
        var routed = 0
        var full = 0
        var linear = 0
        for index in 0..<max(layers, 0) {
            let mixer: Int
            if (index + 1) % interval == 0 {
                mixer = try gqaAttention()
                full += 1
            } else {
                mixer = try linearAttentionLayer()
                linear += 1
            }
            total += mixer + 2 * h + experts.layer(experts.count)
            active += mixer + 2 * h + experts.layer(experts.perToken)
            routed += experts.routedPerLayer
        }
        let fixed = embedding + lmHead + h
        return ParameterCount(modelType: modelType, total: fixed + total, active: fixed + active,
                              routedExperts: routed, numLayers: layers, numDenseLayers: 0, numMoELayers: layers,
                              numMambaLayers: linear, numAttentionLayers: full)
    }
}
