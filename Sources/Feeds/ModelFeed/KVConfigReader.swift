import SeekCore

/// Typed reads of the fields a KV cache needs from a Hugging Face config, with errors that name the
/// missing field ("config.json has no num_hidden_layers").
///
/// `text` is the effective (text) config, `raw` the top-level object; they are the same object for a
/// plain decoder. Only ``dtypeBytes()`` falls back from `text` to `raw`, because multimodal wrappers
/// (Gemma 3, Kimi-VL) keep `torch_dtype` at the top level.
struct KVConfigReader {
    let text: JSONObject
    let raw: JSONObject

    /// The value of `key` in the text config, `nil` when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = text[key], !value.isNull else { return nil }
        return value
    }

    /// The text config's `model_type`, or `""`.
    var modelType: String { value("model_type")?.stringValue ?? "" }

    /// An integer field, `nil` when absent or `null`; whole floats (`4096.0`) are accepted.
    func int(_ key: String) throws(ModelConfigError) -> Int? {
        guard let value = value(key) else { return nil }
        switch value {
        case .int(let integer):
            return integer
        case .double(let number) where number.isFinite && number.rounded() == number && abs(number) < 9.0e18:
            return Int(number)
        default:
            throw Self.error("config.json field \(key) must be an integer, not \(value)")
        }
    }

    /// A required integer field.
    func require(_ key: String) throws(ModelConfigError) -> Int {
        guard let integer = try int(key) else { throw Self.missing(key) }
        return integer
    }

    /// A required positive integer field.
    func requirePositive(_ key: String) throws(ModelConfigError) -> Int {
        let integer = try require(key)
        guard integer > 0 else { throw Self.error("config.json field \(key) must be positive, not \(integer)") }
        return integer
    }

    /// A boolean field: `true`/`false`, 1/0; absent or `null` is `false`.
    func flag(_ key: String) -> Bool {
        switch value(key) {
        case .bool(let flag)?: return flag
        case .int(let integer)?: return integer != 0
        default: return false
        }
    }

    /// `num_key_value_heads`, defaulting to `num_attention_heads` (multi-head attention).
    func kvHeads() throws(ModelConfigError) -> Int {
        if let heads = try int("num_key_value_heads") { return heads }
        guard let heads = try int("num_attention_heads") else {
            throw Self.error("config.json has no num_key_value_heads (nor num_attention_heads to default it to)")
        }
        return heads
    }

    /// `head_dim`, defaulting to `hidden_size / num_attention_heads`.
    func headDim() throws(ModelConfigError) -> Int {
        if let dim = try int("head_dim"), dim > 0 { return dim }
        guard let hidden = try int("hidden_size"), let heads = try int("num_attention_heads"), heads > 0 else {
            throw Self.error("config.json has no head_dim (nor hidden_size and num_attention_heads to derive it)")
        }
        return hidden / heads
    }

    /// Bytes of the model dtype: the first of text `torch_dtype`, text `dtype`, top-level `torch_dtype`,
    /// top-level `dtype`; bfloat16/float16 → 2, float32 → 4, none given → 2 (vLLM serves such
    /// checkpoints in 16-bit).
    func dtypeBytes() throws(ModelConfigError) -> Int {
        let candidates = [("torch_dtype", text), ("dtype", text), ("torch_dtype", raw), ("dtype", raw)]
        for (key, object) in candidates {
            guard let value = object[key], !value.isNull else { continue }
            guard let name = value.stringValue, let bytes = Self.dtypeBytes(named: name) else {
                throw Self.error("config.json \(key) '\(value.stringValue ?? "\(value)")' is not bfloat16, float16 or float32")
            }
            return bytes
        }
        return 2
    }

    /// Bytes of a dtype name as configs and vLLM's `--dtype` spell it (`bfloat16`, `bf16`, `float16`,
    /// `half`, `fp16`, `float32`, `float`, `fp32`), or `nil` when not one of those.
    static func dtypeBytes(named name: String) -> Int? {
        switch name.lowercased() {
        case "bfloat16", "bf16", "float16", "fp16", "half": 2
        case "float32", "fp32", "float": 4
        default: nil
        }
    }

    /// "config.json has no `key`".
    static func missing(_ key: String) -> ModelConfigError {
        error("config.json has no \(key)")
    }

    static func error(_ message: String) -> ModelConfigError {
        ModelConfigError(modelName: "", message: message)
    }
}
