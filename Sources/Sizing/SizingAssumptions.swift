import SeekCore

/// Every constant of the reference site's sizing maths, with the reference defaults
/// (reference-site.md §2.1). Pass a modified copy to explore other assumptions.
public struct SizingAssumptions: Sendable, Hashable {
    /// Hours billed per month; monthly cost = hourly price × this (§2.1 `HOURS_PER_MONTH`, 720 h/month).
    public var hoursPerMonth: Double = 720
    /// Seconds per month used for request capacity (§2.1 `SECONDS_PER_MONTH`, 30 × 24 × 3600 s).
    public var secondsPerMonth: Double = 2_592_000
    /// Weights × this = VRAM needed to fit (activations, CUDA context) (§2.1 `WEIGHT_OVERHEAD_FACTOR`, 1.15).
    public var weightOverheadFactor: Double = 1.15
    /// Fraction of VRAM the engine may use (§2.1 `DEFAULT_MEMORY_UTILIZATION`, vLLM's 0.90).
    public var memoryUtilization: Double = 0.90
    /// FLOPs per parameter per token of a forward pass (§2.1 `FORWARD_FLOPS_PER_PARAM`, 2).
    public var forwardFLOPsPerParam: Double = 2
    /// Fraction of input tokens served from the prefix cache, not prefilled (§2.1 `PREFILL_CACHE_HIT_RATE`, 0.9).
    public var prefillCacheHitRate: Double = 0.9
    /// Largest GPU count a projected (scaled) setup may use (§2.1 `MAX_PROJECTED_GPUS`, 8 GPUs).
    public var maxProjectedGPUs: Int = 8
    /// GPUs per NVLink bridge on `nvlink_paired` nodes (§2.1 `NVLINK_PAIR_SIZE`, 2 GPUs).
    public var nvlinkPairSize: Int = 2
    /// Engine batch size in tokens for activation buffers (§2.1 `DEFAULT_ENGINE_DEFAULTS.maxBatchedTokens`, 8192 tokens).
    public var maxBatchedTokens: Double = 8192
    /// Bytes per activation element in the runtime reserve (§2.1 `bytesPerActivation`, 2 bytes).
    public var bytesPerActivation: Double = 2
    /// Activation buffers held at peak (§2.1 `activationBuffers`, 2).
    public var activationBuffers: Double = 2
    /// Largest batch captured by CUDA graphs (§2.1 `cudaGraphMaxBatchSize`, 256 sequences).
    public var cudaGraphMaxBatchSize: Double = 256
    /// Prefix-reuse range used when a caller passes none (§2.1 `DEFAULT_PREFIX_REUSE_RANGE`, 0.25–0.75; the app passes 0–0).
    public var defaultPrefixReuse: PrefixReuse = PrefixReuse(low: 0.25, high: 0.75)
    /// Upper clamp of a prefix-reuse fraction (§2.1 reuse clamp, 0.999).
    public var maxPrefixReuse: Double = 0.999
    /// Bytes per activation element exchanged in decode collectives (§2.1 `DEFAULT_ACTIVATION_BYTES`, 2 bytes).
    public var decodeActivationBytes: Double = 2
    /// Latency of one kernel launch (§2.1 `DEFAULT_KERNEL_LAUNCH_LATENCY_S`, 5e-6 s).
    public var kernelLaunchLatencyS: Double = 5e-6
    /// Kernels per layer per decode step for dense models (§2.1 `DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER.dense`, 8).
    public var denseOpsPerLayer: Double = 8
    /// Kernels per layer per decode step for MoE models (§2.1 `DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER.moe`, 11).
    public var moeOpsPerLayer: Double = 11
    /// Fixed latency of one collective on an NVSwitch fabric (§2.1 `DEFAULT_COLLECTIVE_LATENCY_S`, 5e-6 s).
    public var nvswitchCollectiveLatencyS: Double = 5e-6
    /// Fixed latency of one collective over paired NVLink bridges (§2.1, 8e-6 s).
    public var nvlinkPairedCollectiveLatencyS: Double = 8e-6
    /// Fixed latency of one collective over PCIe (§2.1, 15e-6 s).
    public var pcieCollectiveLatencyS: Double = 15e-6
    /// GPU architectures whose KV cache can be stored in 1-byte FP8 (§2.1, Ada Lovelace, Hopper, Blackwell).
    public var fp8KVArchitectures: Set<String> = ["Ada Lovelace", "Hopper", "Blackwell"]
    /// Tasks per OpenHands Index category, for total benchmark API cost (§2.1 `BENCHMARK_INSTANCE_COUNTS`, tasks).
    public var benchmarkInstanceCounts: [String: Double] = [
        "issue_resolution": 500, "frontend": 102, "greenfield": 16, "testing": 433, "information_gathering": 165,
    ]
    /// Categories summed for the "overall" benchmark cost, in the reference's order (§2.17).
    public var benchmarkCategories: [String] = [
        "frontend", "greenfield", "information_gathering", "issue_resolution", "testing",
    ]
    /// Running context after compaction and at the first request of a conversation (§2.1 `COMPACTION_THRESHOLD_TOKENS`, 20,000 tokens).
    public var compactionThresholdTokens: Double = 20_000
    /// Minutes between conversations; a cache TTL at least this long keeps the first request warm (§2.1 `INTER_CONVERSATION_GAP_MIN`, 60 min).
    public var interConversationGapMinutes: Double = 60
    /// Prompt-cache TTLs per provider (§2.1 `PROVIDER_CACHE_TTLS`, minutes).
    public var providerCacheTTLMinutes: [String: [Double]] = ["anthropic": [5, 60, 1440], "openai": [60], "google": [60]]
    /// Requests one developer sends per hour, for team capacity (§2.1 `DEFAULT_REQ_PER_DEV_HOUR`, 200 requests/h).
    public var requestsPerDeveloperHour: Double = 200
    /// Lowest % of SOTA a ranked model needs to appear in the budget chart (§2.1, 50 %).
    public var budgetMinPercentOfSOTA: Double = 50
    /// Concurrency the cost trend sizes for (§2.1 cost-trend concurrency, 5 streams).
    public var costTrendConcurrency: Int = 5
    /// Setups returned by a setup search unless told otherwise (§2.13, 3).
    public var setupSearchLimit: Int = 3
    /// Concurrency samples of the scaling curve (§2.1 scaling samples, streams).
    public var scalingSamples: [Int] = [1] + Array(stride(from: 5, through: 100, by: 5)) + Array(stride(from: 110, through: 200, by: 10))

    /// Stream targets of the Performance matrix's Fit and Scale columns (§2.1 `PERFORMANCE_COLUMNS`, streams).
    public var performanceColumnStreams: [Int] = [1, 100]
    /// GPU counts a Budget preset may have (§2.1 GPU presets, GPUs).
    public var presetGPUCounts: Set<Int> = [1, 4, 8, 16]
    /// Budget presets offered (§2.1 `MAX_PRESETS`, 8).
    public var maxPresets: Int = 8
    /// Top models a preset must fit at least one of (§2.1 GPU presets, 3 models).
    public var presetTopModelCount: Int = 3
    /// GPUs per node in the node price history (§2.1 node-price nodes, 8 GPUs).
    public var nodeGPUCount: Int = 8
    /// Reference configurations of the GPU cost trend (§2.1 reference configs: label, gpu_name, GPUs).
    public var referenceConfigs: [ReferenceConfig] = [
        ReferenceConfig(label: "1× H100 80GB", gpuName: "H100", gpuCount: 1),
        ReferenceConfig(label: "4× H100 80GB", gpuName: "H100", gpuCount: 4),
        ReferenceConfig(label: "8× H100 80GB", gpuName: "H100", gpuCount: 8),
        ReferenceConfig(label: "1× H200 141GB", gpuName: "H200", gpuCount: 1),
        ReferenceConfig(label: "8× A100 80GB", gpuName: "A100_80G", gpuCount: 8),
    ]

    /// The vLLM release whose memory accounting sizes the KV budget (``VLLMMemory``); `nil` keeps the reference's
    /// runtime reserve (§2.6) and usable memory `vram × utilization`, for parity with its golden values.
    public var vllmRelease: VLLMRelease?

    /// The reference site's defaults.
    public static let reference = SizingAssumptions()

    /// seekgpu's defaults: the reference's constants, with the KV budget from vLLM's own memory accounting of the
    /// newest release the model knows (GPU memory as vLLM sees it, weights as it loads them, the non-KV terms).
    public static let seekgpu: SizingAssumptions = {
        var assumptions = SizingAssumptions()
        assumptions.vllmRelease = .newest
        return assumptions
    }()

    /// Creates the reference defaults; change fields afterwards.
    public init() {}

    /// Seconds of fixed latency per collective on a tier (§2.1 `DEFAULT_COLLECTIVE_LATENCY_S`).
    ///
    /// - Parameter tier: The node's interconnect tier.
    /// - Returns: Latency in seconds.
    public func collectiveLatencyS(_ tier: GPUSpec.InterconnectTier) -> Double {
        switch tier {
        case .nvswitch: nvswitchCollectiveLatencyS
        case .nvlinkPaired: nvlinkPairedCollectiveLatencyS
        case .pcieOnly: pcieCollectiveLatencyS
        }
    }
}

/// A GPU configuration whose monthly cost the trends show (§2.1 reference configs).
public struct ReferenceConfig: Sendable, Hashable {
    /// Display label, e.g. `"1× H100 80GB"`.
    public var label: String
    /// The gpuhunt GPU name.
    public var gpuName: String
    /// GPUs.
    public var gpuCount: Int
    /// Creates a configuration.
    public init(label: String, gpuName: String, gpuCount: Int) {
        self.label = label
        self.gpuName = gpuName
        self.gpuCount = gpuCount
    }
}

/// A prefix-reuse range: the fraction of each stream's context shared with other streams (§2.7).
public struct PrefixReuse: Sendable, Hashable {
    /// Reuse fraction for the conservative (`low` streams) bound, 0…1.
    public var low: Double
    /// Reuse fraction for the optimistic (`high` streams) bound, 0…1.
    public var high: Double
    /// Creates a range.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
    /// Whole-prompt admission, the range the app always uses (§2.7: {0, 0}).
    public static let none = PrefixReuse(low: 0, high: 0)
}

/// The user's Advanced Settings (§1.5, §2.1 `DEFAULT_ADVANCED_SETTINGS`).
public struct ServingSettings: Sendable, Hashable {
    /// Average prompt length, in tokens (default 50,000).
    public var avgInputTokens: Double
    /// Average completion length, in tokens (default 1,000).
    public var avgOutputTokens: Double
    /// Slowest acceptable single-stream decode speed, in tokens/s (default 20).
    public var minTokPerStream: Double
    /// KV cache element type (default fp16).
    public var kvCachePrecision: KVCachePrecision

    /// Creates settings; the defaults are the reference's.
    public init(avgInputTokens: Double = 50_000, avgOutputTokens: Double = 1_000, minTokPerStream: Double = 20,
                kvCachePrecision: KVCachePrecision = .fp16) {
        self.avgInputTokens = avgInputTokens
        self.avgOutputTokens = avgOutputTokens
        self.minTokPerStream = minTokPerStream
        self.kvCachePrecision = kvCachePrecision
    }

    /// The reference defaults: 50k in / 1k out, 20 tok/s, fp16 KV.
    public static let reference = ServingSettings()

    /// Tokens of context each stream holds: input + output.
    public var contextTokens: Double { avgInputTokens + avgOutputTokens }
}
