import SeekCore

/// The agreement check of a public vLLM start-up log against the KV cache model.
extension VLLMLogCase {
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
        guard let layers = facts.numHiddenLayers else {
            return .failure(.init("model_arch lacks num_hidden_layers"))
        }
        if let rank = facts.kvLoraRank, let rope = facts.qkRopeHeadDim {
            return .success(KVArchitecture(layers: Array(repeating: .mla(kvLoraRank: rank, qkRopeHeadDim: rope), count: layers),
                                           modelDTypeBytes: dtypeBytes))
        }
        guard let heads = facts.numKeyValueHeads else { return .failure(.init("model_arch lacks num_key_value_heads")) }
        guard let dim = facts.headDim else { return .failure(.init("model_arch lacks head_dim")) }
        let full = KVArchitecture.Attention.full(kvHeads: heads, headDim: dim)
        guard let window = facts.slidingWindow else {
            if facts.slidingWindowUnreadable { return .failure(.init("unreadable sliding_window")) }
            return .success(KVArchitecture(layers: Array(repeating: full, count: layers), modelDTypeBytes: dtypeBytes))
        }
        let sliding = KVArchitecture.Attention.slidingWindow(window: window, kvHeads: heads, headDim: dim)
        let layout: [KVArchitecture.Attention]
        if let pattern = facts.slidingWindowPattern, pattern > 0 {
            layout = (0..<layers).map { ($0 + 1) % pattern == 0 ? full : sliding }
        } else if (facts.attention ?? "").lowercased().contains("alternat") {
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
