/// vLLM's engine settings that decide the KV cache (defaults are vLLM's).
public struct VLLMSettings: Sendable, Hashable {
    /// KV element type: `auto` = the model dtype, `fp8` = 1 byte, `fp8DSMLA` = DeepSeek's 656-byte MLA page per token.
    public enum KVCacheDType: String, Sendable, Hashable { case auto, fp8, fp8DSMLA = "fp8_ds_mla" }

    /// Tokens per KV block (`--block-size`, 16).
    public var blockSize: Int
    /// `--kv-cache-dtype`.
    public var kvCacheDType: KVCacheDType
    /// `--tensor-parallel-size`: KV heads are split over it (MLA latents are not).
    public var tensorParallel: Int
    /// `--pipeline-parallel-size`: each stage caches only its layers.
    public var pipelineParallel: Int
    /// `--max-model-len`: the request length behind "Maximum concurrency".
    public var maxModelLen: Int
    /// `--max-num-batched-tokens` (8192): the prefill chunk a sliding window must also hold.
    public var maxNumBatchedTokens: Int

    /// Creates settings; defaults are vLLM's.
    public init(blockSize: Int = 16, kvCacheDType: KVCacheDType = .auto, tensorParallel: Int = 1, pipelineParallel: Int = 1,
                maxModelLen: Int, maxNumBatchedTokens: Int = 8192) {
        self.blockSize = blockSize
        self.kvCacheDType = kvCacheDType
        self.tensorParallel = tensorParallel
        self.pipelineParallel = pipelineParallel
        self.maxModelLen = maxModelLen
        self.maxNumBatchedTokens = maxNumBatchedTokens
    }
}

/// What vLLM reports for a KV cache of a given size (per GPU / pipeline stage).
public struct VLLMKVCapacity: Sendable, Hashable {
    /// Blocks in the cache (`num_gpu_blocks`).
    public var numBlocks: Int
    /// The "GPU KV cache size: N tokens" figure.
    public var kvCacheTokens: Int
    /// KV bytes one token takes on one GPU, over all its layers.
    public var bytesPerTokenPerGPU: Double
    /// Blocks one request of `maxModelLen` tokens needs, over all KV cache groups.
    public var blocksPerRequest: Int
    /// "Maximum concurrency for N tokens per request".
    public var maxConcurrency: Double
    /// Empty layers vLLM adds to even out hybrid groups ("Add N padding layers").
    public var paddingLayers: Int

    /// Creates a capacity.
    public init(numBlocks: Int, kvCacheTokens: Int, bytesPerTokenPerGPU: Double, blocksPerRequest: Int,
                maxConcurrency: Double, paddingLayers: Int) {
        self.numBlocks = numBlocks
        self.kvCacheTokens = kvCacheTokens
        self.bytesPerTokenPerGPU = bytesPerTokenPerGPU
        self.blocksPerRequest = blocksPerRequest
        self.maxConcurrency = maxConcurrency
        self.paddingLayers = paddingLayers
    }
}
