import Sizing

/// The one call from `seekgpu size` into the vLLM KV cache model.
///
/// Stand-in until `VLLMKVCache.capacity` lands in `Sizing`, which will replace this body; it applies
/// vLLM's *uniform* rule to every layer with a KV cache (no hybrid grouping or padding layers, no
/// sliding-window discount on per-request blocks), so it is exact for dense, MoE and MLA models and an
/// approximation for sliding-window and hybrid ones:
/// - page bytes per layer and block: full and sliding `2 × block × max(1, kv_heads / TP) × head_dim × e`,
///   MLA `block × (kv_lora_rank + qk_rope_head_dim) × e` (not split by TP; `fp8_ds_mla`: 656 bytes per
///   token), with `e` = the model dtype's bytes for `auto`, 1 for `fp8`;
/// - with PP, each stage holds its layers (vLLM's `get_pp_indices` split) and the largest stage decides;
/// - `num_blocks = floor(available / Σ page bytes)`, tokens `= num_blocks × block`,
///   concurrency `= num_blocks / ceil(max_model_len / block)`.
///
/// - Parameters:
///   - architecture: Each layer's attention.
///   - settings: Block size, KV dtype, TP, PP, `max_model_len`.
///   - availableBytes: KV cache memory of one GPU, in bytes.
/// - Returns: The capacity vLLM would report for one GPU (stage). (`VLLMKVCapacity` has no public
///   initializer, so the figures travel in ``SizeCapacity``; at the switch the body becomes
///   `SizeCapacity(VLLMKVCache.capacity(…))`.)
func sizeCapacity(of architecture: KVArchitecture, settings: VLLMSettings, availableBytes: Double) -> SizeCapacity {
    let block = max(1, settings.blockSize)
    let stages = pipelineStages(layerCount: architecture.layers.count, pp: max(1, settings.pipelineParallel))
    let bytesPerBlock = stages.map { range in
        architecture.layers[range].reduce(0) { $0 + pageBytes($1, architecture: architecture, settings: settings) }
    }.max() ?? 0
    let numBlocks = bytesPerBlock > 0 && availableBytes > 0 ? Int((availableBytes / Double(bytesPerBlock)).rounded(.down)) : 0
    let blocksPerRequest = max(1, (settings.maxModelLen + block - 1) / block)
    return SizeCapacity(numBlocks: numBlocks, kvCacheTokens: numBlocks * block,
                          bytesPerTokenPerGPU: Double(bytesPerBlock) / Double(block),
                          blocksPerRequest: blocksPerRequest,
                          maxConcurrency: Double(numBlocks) / Double(blocksPerRequest), paddingLayers: 0)
}

/// The figures of a ``VLLMKVCapacity``, field for field, for `seekgpu size`.
struct SizeCapacity: Hashable {
    /// Blocks in the cache (`num_gpu_blocks`).
    var numBlocks: Int
    /// The "GPU KV cache size: N tokens" figure.
    var kvCacheTokens: Int
    /// KV bytes one token takes on one GPU, over all its layers.
    var bytesPerTokenPerGPU: Double
    /// Blocks one request of `max_model_len` tokens needs, over all KV cache groups.
    var blocksPerRequest: Int
    /// "Maximum concurrency for N tokens per request".
    var maxConcurrency: Double
    /// Empty layers vLLM adds to even out hybrid groups.
    var paddingLayers: Int
}

extension SizeCapacity {
    /// Copies the vLLM model's result.
    init(_ capacity: VLLMKVCapacity) {
        self.init(numBlocks: capacity.numBlocks, kvCacheTokens: capacity.kvCacheTokens,
                  bytesPerTokenPerGPU: capacity.bytesPerTokenPerGPU, blocksPerRequest: capacity.blocksPerRequest,
                  maxConcurrency: capacity.maxConcurrency, paddingLayers: capacity.paddingLayers)
    }
}

/// Bytes one block of `layer` takes on one GPU.
private func pageBytes(_ layer: KVArchitecture.Attention, architecture: KVArchitecture, settings: VLLMSettings) -> Int {
    let block = max(1, settings.blockSize)
    let element = settings.kvCacheDType == .auto ? architecture.modelDTypeBytes : 1
    switch layer {
    case .full(let kvHeads, let headDim), .slidingWindow(_, let kvHeads, let headDim):
        return 2 * block * max(1, kvHeads / max(1, settings.tensorParallel)) * headDim * element
    case .mla(let rank, let rope):
        return settings.kvCacheDType == .fp8DSMLA ? block * 656 : block * (rank + rope) * element
    case .noKVCache:
        return 0
    }
}

/// vLLM's `get_pp_indices`: `n / pp` layers per stage, the remainder added to the stages before the last.
func pipelineStages(layerCount: Int, pp: Int) -> [Range<Int>] {
    var sizes = Array(repeating: layerCount / pp, count: pp)
    for offset in 0..<(layerCount % pp) { sizes[pp - 2 - offset] += 1 }
    var start = 0
    return sizes.map { size in
        defer { start += size }
        return start..<(start + size)
    }
}
