import SeekCore

extension ModelSpec {
    /// The keys of a `models.json` row, in published order (the reference's field declaration order).
    public static let jsonKeys = [
        "model_name", "learnable_params_b", "active_params_b", "architecture", "context_length", "precision",
        "attention_type", "num_hidden_layers", "hidden_size", "num_experts", "experts_per_token", "num_kv_layers",
        "num_kv_heads", "head_dim", "routed_expert_params_b", "kv_lora_rank", "qk_rope_head_dim",
        "kv_elems_per_token", "hf_model_id", "model_url", "license_name", "license_url",
    ]

    /// The row as published in `models.json`: all 22 keys in ``jsonKeys`` order, absent values as `null`,
    /// billions as floats and counts as ints.
    public var json: JSONValue {
        .object(JSONObject([
            ("model_name", .string(modelName)),
            ("learnable_params_b", .double(learnableParamsB)),
            ("active_params_b", .double(activeParamsB)),
            ("architecture", .string(architecture)),
            ("context_length", Self.value(contextLength)),
            ("precision", Self.value(precision)),
            ("attention_type", Self.value(attentionType)),
            ("num_hidden_layers", Self.value(numHiddenLayers)),
            ("hidden_size", Self.value(hiddenSize)),
            ("num_experts", Self.value(numExperts)),
            ("experts_per_token", Self.value(expertsPerToken)),
            ("num_kv_layers", Self.value(numKVLayers)),
            ("num_kv_heads", Self.value(numKVHeads)),
            ("head_dim", Self.value(headDim)),
            ("routed_expert_params_b", routedExpertParamsB.map(JSONValue.double) ?? .null),
            ("kv_lora_rank", Self.value(kvLoraRank)),
            ("qk_rope_head_dim", Self.value(qkRopeHeadDim)),
            ("kv_elems_per_token", Self.value(kvElemsPerToken)),
            ("hf_model_id", Self.value(hfModelID)),
            ("model_url", Self.value(modelURL)),
            ("license_name", Self.value(licenseName)),
            ("license_url", Self.value(licenseURL)),
        ]))
    }

    /// Reads a `models.json` row written by ``json`` (or by the reference implementation).
    ///
    /// - Parameter json: One row object.
    /// - Returns: `nil` when `json` is not an object, a required key (`model_name`, `learnable_params_b`,
    ///   `active_params_b`, `architecture`) is missing or null, or a value has the wrong type.
    public init?(json: JSONValue) {
        guard let object = json.objectValue,
              let modelName = object["model_name"]?.stringValue,
              let learnable = object["learnable_params_b"]?.doubleValue,
              let active = object["active_params_b"]?.doubleValue,
              let architecture = object["architecture"]?.stringValue else { return nil }
        func int(_ key: String) -> Int?? {
            guard let value = object[key], !value.isNull else { return .some(nil) }
            guard case .int(let integer) = value else { return nil }
            return .some(integer)
        }
        func string(_ key: String) -> String?? {
            guard let value = object[key], !value.isNull else { return .some(nil) }
            guard let text = value.stringValue else { return nil }
            return .some(text)
        }
        let routed: Double??
        if let value = object["routed_expert_params_b"], !value.isNull {
            routed = value.doubleValue.map { .some($0) }
        } else {
            routed = .some(nil)
        }
        guard let contextLength = int("context_length"), let precision = string("precision"),
              let attentionType = string("attention_type"), let layers = int("num_hidden_layers"),
              let hidden = int("hidden_size"), let experts = int("num_experts"),
              let perToken = int("experts_per_token"), let kvLayers = int("num_kv_layers"),
              let kvHeads = int("num_kv_heads"), let headDim = int("head_dim"), let routed,
              let kvLoraRank = int("kv_lora_rank"), let rope = int("qk_rope_head_dim"),
              let kvElems = int("kv_elems_per_token"), let hfModelID = string("hf_model_id"),
              let modelURL = string("model_url"), let licenseName = string("license_name"),
              let licenseURL = string("license_url") else { return nil }
        self.init(modelName: modelName, learnableParamsB: learnable, activeParamsB: active,
                  architecture: architecture, contextLength: contextLength, precision: precision,
                  attentionType: attentionType, numHiddenLayers: layers, hiddenSize: hidden, numExperts: experts,
                  expertsPerToken: perToken, numKVLayers: kvLayers, numKVHeads: kvHeads, headDim: headDim,
                  routedExpertParamsB: routed, kvLoraRank: kvLoraRank, qkRopeHeadDim: rope,
                  kvElemsPerToken: kvElems, hfModelID: hfModelID, modelURL: modelURL, licenseName: licenseName,
                  licenseURL: licenseURL)
    }

    private static func value(_ integer: Int?) -> JSONValue {
        integer.map(JSONValue.int) ?? .null
    }

    private static func value(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
