/// One public vLLM start-up log (a case of the shared `vllm-logs/cases.json`): what vLLM printed and the
/// architecture facts needed to predict it. Ground truth for the KV cache model (Sizing's agreement
/// check and the Methodology page's table); read from its JSON by Feeds (`VLLMLogCases`).
public struct VLLMLogCase: Sendable, Equatable {
    /// The architecture facts the log's source gives (`model_arch`).
    public struct Facts: Sendable, Equatable {
        /// `num_hidden_layers`.
        public var numHiddenLayers: Int?
        /// `kv_lora_rank` (MLA).
        public var kvLoraRank: Int?
        /// `qk_rope_head_dim` (MLA).
        public var qkRopeHeadDim: Int?
        /// `num_key_value_heads`.
        public var numKeyValueHeads: Int?
        /// `head_dim`.
        public var headDim: Int?
        /// `sliding_window` in tokens, when a number.
        public var slidingWindow: Int?
        /// True when `sliding_window` is present and not null but not a whole number.
        public var slidingWindowUnreadable: Bool
        /// `sliding_window_pattern`: every P-th layer is full attention (Gemma 3).
        public var slidingWindowPattern: Int?
        /// `attention`, a description of the layout, e.g. "alternating sliding/full".
        public var attention: String?

        /// Creates facts.
        public init(numHiddenLayers: Int? = nil, kvLoraRank: Int? = nil, qkRopeHeadDim: Int? = nil, numKeyValueHeads: Int? = nil,
                    headDim: Int? = nil, slidingWindow: Int? = nil, slidingWindowUnreadable: Bool = false,
                    slidingWindowPattern: Int? = nil, attention: String? = nil) {
            self.numHiddenLayers = numHiddenLayers
            self.kvLoraRank = kvLoraRank
            self.qkRopeHeadDim = qkRopeHeadDim
            self.numKeyValueHeads = numKeyValueHeads
            self.headDim = headDim
            self.slidingWindow = slidingWindow
            self.slidingWindowUnreadable = slidingWindowUnreadable
            self.slidingWindowPattern = slidingWindowPattern
            self.attention = attention
        }
    }

    /// The case's id in cases.json.
    public var id: String
    /// The Hugging Face model id.
    public var modelID: String
    /// The architecture family, e.g. `dense_gqa`, `linear_hybrid_qwen3_next`.
    public var family: String
    /// vLLM's version as logged, e.g. `0.10.1` or `V0 0.6.3`.
    public var version: String?
    /// `v0` for the V0 engine, when the log says so.
    public var engine: String?
    /// Tensor-parallel size.
    public var tensorParallel: Int
    /// Pipeline-parallel size.
    public var pipelineParallel: Int
    /// `--block-size`.
    public var blockSize: Int?
    /// `--max-model-len`.
    public var maxModelLen: Int?
    /// `--max-num-batched-tokens`.
    public var maxNumBatchedTokens: Int?
    /// `--kv-cache-dtype`.
    public var kvCacheDType: String?
    /// `--dtype`.
    public var dtype: String?
    /// `--quantization`.
    public var quantization: String?
    /// "Model loading took X GiB".
    public var weightsGiB: Double?
    /// "Available KV cache memory: X GiB".
    public var availableGiB: Double?
    /// "GPU KV cache size: N tokens".
    public var tokens: Int?
    /// "# GPU blocks: N" (V0) or `num_gpu_blocks`.
    public var blocks: Int?
    /// "Maximum concurrency … X", as printed with two decimals ("20.60").
    public var concurrency: String?
    /// The padding warning as logged, e.g. "Add 1 padding layers …".
    public var paddingWarning: String?
    /// What the log's source says about the architecture.
    public var facts: Facts
    /// The GPU as the case describes it, e.g. `NVIDIA H100 80GB (vLLM init_total_memory 79.19 GiB)`.
    public var gpuType: String?
    /// `--gpu-memory-utilization`, when the log says.
    public var gpuMemoryUtilization: Double?
    /// The dummy sampler's top-k/top-p kernel the run used (`pytorch`, `flashinfer`, `triton`), when a source
    /// beyond the log says (the project's runtime notes); nil = the release's default.
    public var samplerKernel: String?

    /// Creates a case.
    public init(id: String, modelID: String, family: String, version: String? = nil, engine: String? = nil,
                tensorParallel: Int = 1, pipelineParallel: Int = 1, blockSize: Int? = nil, maxModelLen: Int? = nil,
                maxNumBatchedTokens: Int? = nil, kvCacheDType: String? = nil, dtype: String? = nil, quantization: String? = nil,
                weightsGiB: Double? = nil, availableGiB: Double? = nil, tokens: Int? = nil, blocks: Int? = nil,
                concurrency: String? = nil, paddingWarning: String? = nil, facts: Facts = Facts(), gpuType: String? = nil,
                gpuMemoryUtilization: Double? = nil, samplerKernel: String? = nil) {
        self.id = id
        self.modelID = modelID
        self.family = family
        self.version = version
        self.engine = engine
        self.tensorParallel = tensorParallel
        self.pipelineParallel = pipelineParallel
        self.blockSize = blockSize
        self.maxModelLen = maxModelLen
        self.maxNumBatchedTokens = maxNumBatchedTokens
        self.kvCacheDType = kvCacheDType
        self.dtype = dtype
        self.quantization = quantization
        self.weightsGiB = weightsGiB
        self.availableGiB = availableGiB
        self.tokens = tokens
        self.blocks = blocks
        self.concurrency = concurrency
        self.paddingWarning = paddingWarning
        self.facts = facts
        self.gpuType = gpuType
        self.gpuMemoryUtilization = gpuMemoryUtilization
        self.samplerKernel = samplerKernel
    }
}
