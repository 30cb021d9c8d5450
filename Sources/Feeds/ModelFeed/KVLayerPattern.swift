import SeekCore

/// Which kind of attention each decoder layer has, before shapes are attached: the part of a config
/// that differs most between families.
enum KVLayerKind: Sendable, Hashable {
    /// Global attention (GQA, or MLA when the config has `kv_lora_rank`).
    case attention
    /// Sliding-window attention over `sliding_window` tokens.
    case sliding
    /// No token KV cache (Mamba, linear attention, MLP-only layers).
    case none
}

extension KVConfigReader {
    /// The per-layer kinds of a config with `count` decoder layers, from the first rule that applies:
    /// 1. `hybrid_override_pattern` (Nemotron-H): `*` attention, anything else (`M` Mamba, `-` MLP,
    ///    `E` MoE) no KV cache;
    /// 2. `layer_types` (gpt-oss, Gemma 3, Qwen3-Next, newer Transformers configs): `full_attention`,
    ///    `sliding_attention`, `linear_attention` / `mamba` / `conv`;
    /// 3. `full_attention_interval` > 1 (Qwen3-Next, Qwen3.5): every n-th layer (1-based) full, the
    ///    others linear attention;
    /// 4. by `model_type`: `gemma2` and `gpt_oss` alternate starting with sliding; `gemma3`/`gemma3_text`
    ///    make every `sliding_window_pattern`-th layer (default 6) full, the rest sliding; `mistral` and
    ///    `mixtral` with an integer `sliding_window` slide on every layer (as Transformers does);
    /// 5. `use_sliding_window` (Qwen2 family): layers from `max_window_layers` on slide;
    /// 6. otherwise every layer has full attention.
    func layerKinds(count: Int) throws(ModelConfigError) -> [KVLayerKind] {
        if let pattern = value("hybrid_override_pattern") {
            guard let text = pattern.stringValue else {
                throw Self.error("config.json field hybrid_override_pattern must be a string, not \(pattern)")
            }
            let kinds = text.map { $0 == "*" ? KVLayerKind.attention : .none }
            guard kinds.count == count else {
                throw Self.error("config.json hybrid_override_pattern has \(kinds.count) layers, num_hidden_layers is \(count)")
            }
            return kinds
        }
        if let types = value("layer_types") {
            return try kinds(layerTypes: types, count: count)
        }
        if let interval = try int("full_attention_interval"), interval > 1 {
            return (0..<count).map { ($0 + 1) % interval == 0 ? .attention : .none }
        }
        switch modelType {
        case "gemma2", "gpt_oss":
            return (0..<count).map { $0 % 2 == 0 ? .sliding : .attention }
        case "gemma3", "gemma3_text":
            let period = try int("sliding_window_pattern") ?? 6
            guard period > 0 else { throw Self.error("config.json field sliding_window_pattern must be positive") }
            return (0..<count).map { ($0 + 1) % period == 0 ? .attention : .sliding }
        case "mistral", "mixtral":
            return Array(repeating: try int("sliding_window") == nil ? .attention : .sliding, count: count)
        default:
            break
        }
        if flag("use_sliding_window"), try int("sliding_window") != nil {
            let first = try int("max_window_layers") ?? count
            return (0..<count).map { $0 >= first ? .sliding : .attention }
        }
        return Array(repeating: .attention, count: count)
    }

    /// Reads a `layer_types` list.
    private func kinds(layerTypes: JSONValue, count: Int) throws(ModelConfigError) -> [KVLayerKind] {
        guard let items = layerTypes.arrayValue else {
            throw Self.error("config.json field layer_types must be a list, not \(layerTypes)")
        }
        guard items.count >= count else {
            throw Self.error("config.json layer_types has \(items.count) entries, num_hidden_layers is \(count)")
        }
        var kinds: [KVLayerKind] = []
        for (index, item) in items.prefix(count).enumerated() {
            switch item.stringValue {
            case "full_attention", "attention": kinds.append(.attention)
            case "sliding_attention": kinds.append(.sliding)
            case "linear_attention", "mamba", "conv": kinds.append(.none)
            default:
                throw Self.error("config.json layer_types[\(index)] is \(item), not full_attention, sliding_attention, "
                    + "linear_attention or mamba")
            }
        }
        return kinds
    }
}
