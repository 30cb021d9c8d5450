import SeekCore

/// The values Transformers fills in for a text config that leaves them out, per `model_type`.
///
/// Some Hub configs name only what differs from their config class's defaults: `google/gemma-3-4b-it`'s
/// `text_config` gives five fields and lets `Gemma3TextConfig` supply the heads, head size, vocabulary and
/// context length. Every reader of a config (KV layout, parameter count, serving shape) goes through
/// ``filled(_:)`` so a sparse config reads as Transformers and vLLM read it, not as an error.
public enum TransformersConfigDefaults {
    /// Defaults by text `model_type`. Source: `Gemma3TextConfig.__init__` in huggingface/transformers
    /// `src/transformers/models/gemma3/configuration_gemma3.py` (commit 008f5c8c29be84d4721dc6d1e0fcd72300580be4).
    public static let byModelType: [String: [(key: String, value: JSONValue)]] = [
        "gemma3_text": [
            ("vocab_size", .int(262_208)),
            ("num_attention_heads", .int(8)),
            ("num_key_value_heads", .int(4)),
            ("head_dim", .int(256)),
            ("max_position_embeddings", .int(131_072)),
            ("tie_word_embeddings", .bool(true)),
            ("rope_theta", .double(1_000_000)),
            ("rope_local_base_freq", .double(10_000)),
            ("query_pre_attn_scalar", .int(256)),
            ("sliding_window", .int(4096)),
            ("sliding_window_pattern", .int(6)),
        ],
    ]

    /// `text` with every default of its `model_type` (or of `modelType`) added where the key is absent; a key
    /// present with `null` stays `null`, as Transformers keeps it.
    public static func filled(_ text: JSONObject, modelType: String? = nil) -> JSONObject {
        guard let type = modelType ?? text["model_type"]?.stringValue, let defaults = byModelType[type] else { return text }
        var result = text
        for (key, value) in defaults where !result.contains(key: key) {
            result.setValue(value, forKey: key)
        }
        return result
    }
}
