import SeekCore

/// One public vLLM start-up log (a case of the shared `vllm-logs/cases.json`): what vLLM printed and the
/// architecture facts needed to predict it. Used by the agreement table on the Methodology page and its tests.
public struct VLLMLogCase: Sendable {
    var id: String
    public var modelID: String
    public var family: String
    public var version: String?
    public var engine: String?
    public var tensorParallel: Int
    public var pipelineParallel: Int
    public var blockSize: Int?
    public var maxModelLen: Int?
    public var maxNumBatchedTokens: Int?
    public var kvCacheDType: String?
    public var dtype: String?
    public var quantization: String?
    public var weightsGiB: Double?
    public var availableGiB: Double?
    public var tokens: Int?
    public var blocks: Int?
    /// As printed, two decimals ("20.60").
    public var concurrency: String?
    public var paddingWarning: String?
    public var arch: JSONObject

    /// Reads one case object of cases.json.
    public init(_ o: JSONObject) {
        id = o["id"]?.stringValue ?? "?"
        modelID = o["model_id"]?.stringValue ?? ""
        family = o["family"]?.stringValue ?? ""
        version = o["vllm_version"]?.stringValue
        engine = o["engine"]?.stringValue
        tensorParallel = o["tensor_parallel_size"]?.intValue ?? 1
        pipelineParallel = o["pipeline_parallel_size"]?.intValue ?? 1
        blockSize = o["block_size"]?.intValue
        maxModelLen = o["max_model_len"]?.intValue
        maxNumBatchedTokens = o["max_num_batched_tokens"]?.intValue
        kvCacheDType = o["kv_cache_dtype"]?.stringValue
        dtype = o["dtype"]?.stringValue
        quantization = o["quantization"]?.stringValue
        weightsGiB = o["reported_weights_gib"]?.doubleValue
        availableGiB = o["available_kv_cache_gib"]?.doubleValue
        tokens = o["kv_cache_size_tokens"]?.intValue
        blocks = o["num_gpu_blocks"]?.intValue
        concurrency = o["max_concurrency"]?.stringValue ?? o["max_concurrency"]?.doubleValue.map { String(format: "%.2f", $0) }
        paddingWarning = o["padding_warning"]?.stringValue
        arch = o["model_arch"]?.objectValue ?? JSONObject()
    }

    /// The version rules: the `engine` field or a "V0…" version → V0, else by version number (default v1).
    public var rules: VLLMVersionRules { engine?.lowercased() == "v0" ? .v0 : VLLMVersionRules(version: version) }

    /// Why this case cannot be checked, or `nil` with the architecture and settings to check it with.
    public func checkable() -> Result<(KVArchitecture, VLLMSettings), NotCheckable> {
        if family.hasPrefix("linear_hybrid") {
            return .failure(.init("linear-attention hybrid: vLLM enlarges the attention block to the linear-state page, not modelled"))
        }
        guard availableGiB != nil else { return .failure(.init("log lacks 'Available KV cache memory'")) }
        guard tokens != nil || blocks != nil else { return .failure(.init("log lacks 'GPU KV cache size'")) }
        guard concurrency != nil, let maxModelLen else {
            let missing = [concurrency == nil ? "the 'Maximum concurrency' line" : nil, self.maxModelLen == nil ? "max_model_len" : nil]
            return .failure(.init("log lacks " + missing.compactMap { $0 }.joined(separator: " and ")))
        }
        let arch: KVArchitecture
        switch architecture() {
        case .success(let a): arch = a
        case .failure(let reason): return .failure(reason)
        }
        let kvDType: VLLMSettings.KVCacheDType = (kvCacheDType ?? "auto").hasPrefix("fp8") ? .fp8 : .auto
        let settings = VLLMSettings(blockSize: blockSize ?? 16, kvCacheDType: kvDType, tensorParallel: tensorParallel,
                                    pipelineParallel: pipelineParallel, maxModelLen: maxModelLen,
                                    maxNumBatchedTokens: maxNumBatchedTokens ?? 8192)
        return .success((arch, settings))
    }

    /// The KV layers from `model_arch` facts: MLA ranks → MLA everywhere; `sliding_window` with
    /// `sliding_window_pattern` P → layer i full when (i + 1) % P == 0 (Gemma 3); `sliding_window` with an
    /// "alternat…" layout → even layers sliding, odd full (Gemma 2, gpt-oss); else full attention.
    public func architecture() -> Result<KVArchitecture, NotCheckable> {
        let dtypeBytes = (dtype ?? "bfloat16").contains("32") ? 4 : 2
        guard let layers = arch["num_hidden_layers"]?.intValue else {
            return .failure(.init("model_arch lacks num_hidden_layers"))
        }
        if let rank = arch["kv_lora_rank"]?.intValue, let rope = arch["qk_rope_head_dim"]?.intValue {
            return .success(KVArchitecture(layers: Array(repeating: .mla(kvLoraRank: rank, qkRopeHeadDim: rope), count: layers),
                                           modelDTypeBytes: dtypeBytes))
        }
        guard let heads = arch["num_key_value_heads"]?.intValue else { return .failure(.init("model_arch lacks num_key_value_heads")) }
        guard let dim = arch["head_dim"]?.intValue else { return .failure(.init("model_arch lacks head_dim")) }
        let full = KVArchitecture.Attention.full(kvHeads: heads, headDim: dim)
        guard let window = arch["sliding_window"]?.intValue else {
            if arch["sliding_window"].map({ !$0.isNull }) == true { return .failure(.init("unreadable sliding_window")) }
            return .success(KVArchitecture(layers: Array(repeating: full, count: layers), modelDTypeBytes: dtypeBytes))
        }
        let sliding = KVArchitecture.Attention.slidingWindow(window: window, kvHeads: heads, headDim: dim)
        let layout: [KVArchitecture.Attention]
        if let pattern = arch["sliding_window_pattern"]?.intValue, pattern > 0 {
            layout = (0..<layers).map { ($0 + 1) % pattern == 0 ? full : sliding }
        } else if (arch["attention"]?.stringValue ?? "").lowercased().contains("alternat") {
            layout = (0..<layers).map { $0 % 2 == 0 ? sliding : full }
        } else {
            return .failure(.init("sliding_window without a layer layout"))
        }
        return .success(KVArchitecture(layers: layout, modelDTypeBytes: dtypeBytes))
    }
}

/// The reason a case cannot be checked.
public struct NotCheckable: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
