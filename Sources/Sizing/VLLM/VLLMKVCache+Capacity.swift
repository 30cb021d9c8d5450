import SeekCore

extension VLLMKVCache {
    /// Bytes of one block across a group layout on one GPU.
    ///
    /// Uniform: the sum of every layer's page (`UniformTypeKVCacheSpecs`; `page_bytes × num_layers` when all
    /// pages match). Hybrid: `page_bytes × group_size`, with the largest page of the groups (vLLM requires one
    /// page size across groups; it pads smaller pages up to it).
    /// - Parameters:
    ///   - grouping: From ``grouping(of:rules:)``.
    ///   - layers: The stage's layers (for the uniform sum).
    ///   - settings: Block size, KV dtype, TP.
    ///   - modelDTypeBytes: Model dtype bytes.
    /// - Returns: Bytes per block.
    public static func blockBytes(_ grouping: KVCacheGrouping, layers: [KVArchitecture.Attention], settings: VLLMSettings,
                                  modelDTypeBytes: Int) -> Int {
        let page = { (a: KVArchitecture.Attention) in pageBytes(of: a, settings: settings, modelDTypeBytes: modelDTypeBytes) }
        if grouping.isUniform { return layers.reduce(0) { $0 + page($1) } }
        return (grouping.groups.map { page($0.attention) }.max() ?? 0) * grouping.layersPerBlock
    }

    /// `num_gpu_blocks`: `floor(available_bytes / block_bytes)` (`kv_cache_utils.get_num_blocks`), never negative.
    ///
    /// - Parameters:
    ///   - availableBytes: "Available KV cache memory", bytes.
    ///   - blockBytes: From ``blockBytes(_:layers:settings:modelDTypeBytes:)``.
    /// - Returns: Blocks; 0 when `blockBytes` is not positive.
    public static func numBlocks(availableBytes: Int, blockBytes: Int) -> Int {
        guard blockBytes > 0 else { return 0 }
        return max(0, availableBytes / blockBytes)
    }

    /// Blocks one request of `max_model_len` tokens needs in one group of this attention (`max_memory_usage_bytes`).
    ///
    /// Full and MLA: `ceil(max_model_len / block)`; sliding window:
    /// `ceil(min(window − 1 + max_num_batched_tokens, max_model_len) / block) + 1` (`SlidingWindowSpec`); no KV: 0.
    /// - Parameters:
    ///   - attention: The group's spec.
    ///   - settings: Block size, `max_model_len`, `max_num_batched_tokens`.
    public static func blocksPerRequest(_ attention: KVArchitecture.Attention, settings: VLLMSettings) -> Int {
        let block = max(1, settings.blockSize)
        func cdiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
        switch attention {
        case .full, .mla:
            return cdiv(settings.maxModelLen, block)
        case .slidingWindow(let window, _, _):
            return cdiv(min(window - 1 + settings.maxNumBatchedTokens, settings.maxModelLen), block) + 1
        case .noKVCache:
            return 0
        }
    }

    /// "Maximum concurrency for max_model_len tokens per request" (`get_max_concurrency_for_kv_cache_config`).
    ///
    /// v1: `num_blocks / blocks_per_request` (blocks one request needs over all groups); V0 (``VLLMVersionRules/v0``):
    /// `num_blocks × block_size / max_model_len`.
    /// - Parameters:
    ///   - numBlocks: `num_gpu_blocks`.
    ///   - blocksPerRequest: Sum of ``blocksPerRequest(_:settings:)`` over the groups.
    ///   - settings: Block size and `max_model_len`.
    ///   - rules: Version rules.
    /// - Returns: Requests of `max_model_len` tokens that fit at once; 0 when nothing is needed or fits.
    public static func maxConcurrency(numBlocks: Int, blocksPerRequest: Int, settings: VLLMSettings,
                                      rules: VLLMVersionRules = .v1) -> Double {
        if rules.reportedFigure == .blocks {
            return Double(numBlocks * settings.blockSize) / Double(max(1, settings.maxModelLen))
        }
        return blocksPerRequest > 0 ? Double(numBlocks) / Double(blocksPerRequest) : 0
    }

    /// What vLLM reports for one pipeline stage's layers with `availableBytes` of KV memory.
    static func stageCapacity(_ layers: [KVArchitecture.Attention], modelDTypeBytes: Int, settings: VLLMSettings,
                              availableBytes: Int, rules: VLLMVersionRules) -> VLLMKVCapacity {
        let grouping = grouping(of: layers, rules: rules)
        let blocks = numBlocks(availableBytes: availableBytes,
                               blockBytes: blockBytes(grouping, layers: layers, settings: settings, modelDTypeBytes: modelDTypeBytes))
        let perRequest = grouping.groups.reduce(0) { $0 + blocksPerRequest($1.attention, settings: settings) }
        let concurrency = maxConcurrency(numBlocks: blocks, blocksPerRequest: perRequest, settings: settings, rules: rules)
        let tokens: Int
        switch rules.reportedFigure {
        case .blocks: tokens = blocks * settings.blockSize
        case .tokensFromBlocks: tokens = blocks / max(1, grouping.groups.count) * settings.blockSize
        case .tokensFromConcurrency: tokens = Int(concurrency * Double(settings.maxModelLen))
        }
        let dtype = elementBytes(settings.kvCacheDType, modelDTypeBytes: modelDTypeBytes)
        let perToken = layers.reduce(0) {
            $0 + bytesPerToken(of: $1, elementBytes: dtype, kvCacheDType: settings.kvCacheDType, tensorParallel: settings.tensorParallel)
        }
        return VLLMKVCapacity(numBlocks: blocks, kvCacheTokens: tokens, bytesPerTokenPerGPU: Double(perToken),
                              blocksPerRequest: perRequest, maxConcurrency: concurrency, paddingLayers: grouping.paddingLayers)
    }

    /// What vLLM prints at start-up for a KV cache of `availableBytes` per GPU.
    ///
    /// Each pipeline stage (``stages(of:pipelineParallel:)``) sizes its own cache with its layers and TP's share of
    /// the KV heads; the engine keeps the smallest `num_blocks` ("minimum across workers"), so this returns the
    /// capacity of the stage with the fewest blocks (the first such stage). All workers are assumed to have the same
    /// available memory.
    /// - Parameters:
    ///   - arch: The model's layers and dtype.
    ///   - settings: vLLM's engine settings.
    ///   - availableBytes: "Available KV cache memory" of one GPU, bytes.
    ///   - rules: Version rules (default v1).
    /// - Returns: Blocks, reported tokens, bytes per token per GPU, per-request blocks, concurrency and padding.
    public static func capacity(_ arch: KVArchitecture, settings: VLLMSettings, availableBytes: Int,
                                rules: VLLMVersionRules = .v1) -> VLLMKVCapacity {
        let all = stages(of: arch, pipelineParallel: settings.pipelineParallel).map {
            stageCapacity($0, modelDTypeBytes: arch.modelDTypeBytes, settings: settings, availableBytes: availableBytes, rules: rules)
        }
        return all.min { $0.numBlocks < $1.numBlocks } ?? stageCapacity([], modelDTypeBytes: arch.modelDTypeBytes, settings: settings,
                                                                         availableBytes: availableBytes, rules: rules)
    }
}
