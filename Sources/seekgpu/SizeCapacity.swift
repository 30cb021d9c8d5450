import Sizing

/// The one call from `seekgpu size` into the vLLM KV cache model (`VLLMKVCache.capacity`), the same
/// functions the site's per-token figures come from, so the two can never disagree.
///
/// - Parameters:
///   - architecture: Each layer's attention.
///   - settings: Block size, KV dtype, TP, PP, `max_model_len`, `max_num_batched_tokens`.
///   - availableBytes: KV cache memory of one GPU, in bytes.
/// - Returns: The capacity vLLM would report for one GPU (the smallest pipeline stage decides).
func sizeCapacity(of architecture: KVArchitecture, settings: VLLMSettings, availableBytes: Double) -> SizeCapacity {
    SizeCapacity(VLLMKVCache.capacity(architecture, settings: settings,
                                      availableBytes: Int(max(0, availableBytes).rounded(.down))))
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
