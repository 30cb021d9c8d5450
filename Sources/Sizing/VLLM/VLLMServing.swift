import SeekCore

/// One model served by vLLM on one replica: the memory per GPU and the KV cache it leaves, as vLLM prints them at
/// start-up. The one computation behind `seekgpu size` and `seekgpu recommend`.
public struct VLLMServing: Sendable, Hashable {
    /// What a replica is started with.
    public struct Request: Sendable, Hashable {
        /// Memory of one GPU as vLLM sees it, GiB (``VLLMGPUMemory``).
        public var gpuMemoryGiB: Double
        /// The gpuhunt GPU name (vLLM's defaults differ for the A100).
        public var gpuName: String
        /// `--tensor-parallel-size`.
        public var tensorParallel: Int
        /// `--pipeline-parallel-size`.
        public var pipelineParallel: Int
        /// `--max-model-len`.
        public var maxModelLen: Int
        /// `--kv-cache-dtype`.
        public var kvCacheDType: VLLMSettings.KVCacheDType
        /// `--gpu-memory-utilization`.
        public var utilization: Double
        /// `--block-size`.
        public var blockSize: Int
        /// `--max-num-seqs`; nil = vLLM's default for the GPU.
        public var maxNumSeqs: Int?
        /// `--max-num-batched-tokens`; nil = vLLM's default for the GPU.
        public var maxNumBatchedTokens: Int?
        /// The dummy sampler's kernel; nil = the release's.
        public var sampler: VLLMSamplerKernel?
        /// The release whose accounting is modelled.
        public var release: VLLMRelease

        /// Creates a request; defaults are vLLM's.
        public init(gpuMemoryGiB: Double, gpuName: String, tensorParallel: Int = 1, pipelineParallel: Int = 1,
                    maxModelLen: Int, kvCacheDType: VLLMSettings.KVCacheDType = .auto, utilization: Double = 0.9,
                    blockSize: Int = 16, maxNumSeqs: Int? = nil, maxNumBatchedTokens: Int? = nil,
                    sampler: VLLMSamplerKernel? = nil, release: VLLMRelease = .newest) {
            self.gpuMemoryGiB = gpuMemoryGiB
            self.gpuName = gpuName
            self.tensorParallel = tensorParallel
            self.pipelineParallel = pipelineParallel
            self.maxModelLen = maxModelLen
            self.kvCacheDType = kvCacheDType
            self.utilization = utilization
            self.blockSize = blockSize
            self.maxNumSeqs = maxNumSeqs
            self.maxNumBatchedTokens = maxNumBatchedTokens
            self.sampler = sampler
            self.release = release
        }

        /// vLLM's engine settings for the KV cache, with the GPU's default batch.
        public var settings: VLLMSettings {
            VLLMSettings(blockSize: blockSize, kvCacheDType: kvCacheDType, tensorParallel: tensorParallel,
                         pipelineParallel: pipelineParallel, maxModelLen: maxModelLen,
                         maxNumBatchedTokens: maxNumBatchedTokens ?? defaults.maxNumBatchedTokens)
        }

        /// `max_num_seqs` used: given, or vLLM's default for the GPU.
        public var effectiveMaxNumSeqs: Int { maxNumSeqs ?? defaults.maxNumSeqs }

        private var defaults: (maxNumSeqs: Int, maxNumBatchedTokens: Int) {
            VLLMMemory.defaultLimits(totalGiB: gpuMemoryGiB, gpuName: gpuName, maxModelLen: maxModelLen, release: release)
        }
    }

    /// The request sized.
    public var request: Request
    /// The engine settings used.
    public var settings: VLLMSettings
    /// Memory of one GPU: weights, the terms outside weights and KV, what is left.
    public var plan: VLLMMemory.Plan
    /// The KV cache that memory holds.
    public var capacity: VLLMKVCapacity

    /// Sizes a checkpoint on a replica.
    ///
    /// - Parameters:
    ///   - checkpoint: What vLLM loads and the model's dimensions.
    ///   - architecture: Each layer's attention and the model dtype.
    ///   - request: The replica.
    public init(checkpoint: ServingCheckpoint, architecture: KVArchitecture, request: Request) {
        self.request = request
        settings = request.settings
        let memory = VLLMMemory.Settings(tensorParallel: request.tensorParallel, pipelineParallel: request.pipelineParallel,
                                         maxNumBatchedTokens: settings.maxNumBatchedTokens,
                                         maxNumSeqs: request.effectiveMaxNumSeqs, utilization: request.utilization,
                                         activationBytes: architecture.modelDTypeBytes, sampler: request.sampler)
        plan = VLLMMemory.plan(weightsBytes: VLLMWeights.bytesPerGPU(checkpoint.weights, tensorParallel: request.tensorParallel,
                                                                     pipelineParallel: request.pipelineParallel),
                               shape: checkpoint.shape, totalGiB: request.gpuMemoryGiB, settings: memory,
                               release: request.release)
        capacity = Self.capacity(architecture, settings: settings, availableGiB: plan.availableKVGiB)
    }

    /// The KV cache of `availableGiB` per GPU (negative counts as none).
    public static func capacity(_ architecture: KVArchitecture, settings: VLLMSettings, availableGiB: Double) -> VLLMKVCapacity {
        VLLMKVCache.capacity(architecture, settings: settings,
                             availableBytes: Int(max(0, availableGiB * Double(VLLMKVCache.gibBytes)).rounded(.down)))
    }

    /// Whether vLLM starts: one request of `max_model_len` tokens fits the KV cache.
    public var fits: Bool { Self.fits(capacity) }

    /// Whether a KV cache holds one request of its `max_model_len`.
    public static func fits(_ capacity: VLLMKVCapacity) -> Bool {
        capacity.numBlocks > 0 && capacity.numBlocks >= capacity.blocksPerRequest
    }

    /// Memory per GPU the replica needs beyond the KV cache (weights and reserve), plus one request's KV, GiB.
    public var neededGiB: Double {
        plan.weightsGiB + plan.reserveGiB + Double(capacity.blocksPerRequest) * blockGiB
    }

    /// GiB of usable memory left after weights, reserve and one full request; negative when it does not fit.
    public var marginGiB: Double { plan.requestedGiB - neededGiB }

    /// One KV block on one GPU, GiB.
    private var blockGiB: Double {
        capacity.numBlocks > 0 ? max(0, plan.availableKVGiB) / Double(capacity.numBlocks)
            : capacity.bytesPerTokenPerGPU * Double(settings.blockSize) / Double(VLLMKVCache.gibBytes)
    }
}
