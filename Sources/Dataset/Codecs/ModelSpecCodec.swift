import SeekCore

/// `models.json`: a list of model rows, all 22 keys in the reference's field order, absent values as
/// `null`, billions as floats and counts as ints.
enum ModelSpecCodec {
    static let keys = [
        "model_name", "learnable_params_b", "active_params_b", "architecture", "context_length", "precision",
        "attention_type", "num_hidden_layers", "hidden_size", "num_experts", "experts_per_token", "num_kv_layers",
        "num_kv_heads", "head_dim", "routed_expert_params_b", "kv_lora_rank", "qk_rope_head_dim",
        "kv_elems_per_token", "hf_model_id", "model_url", "license_name", "license_url",
    ]

    @Sendable static func json(_ models: [ModelSpec]) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .array(models.map { model in
            .object(JSONObject([
                ("model_name", .string(model.modelName)),
                ("learnable_params_b", .double(model.learnableParamsB)),
                ("active_params_b", .double(model.activeParamsB)),
                ("architecture", .string(model.architecture)),
                ("context_length", int(model.contextLength)),
                ("precision", text(model.precision)),
                ("attention_type", text(model.attentionType)),
                ("num_hidden_layers", int(model.numHiddenLayers)),
                ("hidden_size", int(model.hiddenSize)),
                ("num_experts", int(model.numExperts)),
                ("experts_per_token", int(model.expertsPerToken)),
                ("num_kv_layers", int(model.numKVLayers)),
                ("num_kv_heads", int(model.numKVHeads)),
                ("head_dim", int(model.headDim)),
                ("routed_expert_params_b", model.routedExpertParamsB.map(JSONValue.double) ?? .null),
                ("kv_lora_rank", int(model.kvLoraRank)),
                ("qk_rope_head_dim", int(model.qkRopeHeadDim)),
                ("kv_elems_per_token", int(model.kvElemsPerToken)),
                ("hf_model_id", text(model.hfModelID)),
                ("model_url", text(model.modelURL)),
                ("license_name", text(model.licenseName)),
                ("license_url", text(model.licenseURL)),
            ]))
        })
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> [ModelSpec] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(keys)
            let positive = 0.0...Double.greatestFiniteMagnitude
            return ModelSpec(
                modelName: try row.string("model_name"),
                learnableParamsB: try row.double("learnable_params_b", in: positive, "a parameter count in billions (≥ 0)"),
                activeParamsB: try row.double("active_params_b", in: positive, "a parameter count in billions (≥ 0)"),
                architecture: try row.string("architecture"), contextLength: try row.optionalCount("context_length"),
                precision: try row.optionalString("precision"), attentionType: try row.optionalString("attention_type"),
                numHiddenLayers: try row.optionalCount("num_hidden_layers"), hiddenSize: try row.optionalCount("hidden_size"),
                numExperts: try row.optionalCount("num_experts"), expertsPerToken: try row.optionalCount("experts_per_token"),
                numKVLayers: try row.optionalCount("num_kv_layers"), numKVHeads: try row.optionalCount("num_kv_heads"),
                headDim: try row.optionalCount("head_dim"), routedExpertParamsB: try row.optionalDouble("routed_expert_params_b"),
                kvLoraRank: try row.optionalCount("kv_lora_rank"), qkRopeHeadDim: try row.optionalCount("qk_rope_head_dim"),
                kvElemsPerToken: try row.optionalCount("kv_elems_per_token"), hfModelID: try row.optionalString("hf_model_id"),
                modelURL: try row.optionalString("model_url"), licenseName: try row.optionalString("license_name"),
                licenseURL: try row.optionalString("license_url"))
        }
    }
}
