import SeekCore

/// vLLM's memory per GPU from a config alone: what `determine_available_memory` computes at start-up,
/// `Available KV cache memory = total × gpu_memory_utilization − weights − (memory outside weights and KV)`.
/// The one function `seekgpu size`, the site's streams (Fit/Scale, Budget, Trends) and setup search use.
public enum VLLMMemory {
    /// The settings of one replica that move the non-KV memory.
    public struct Settings: Sendable, Hashable {
        /// Tensor-parallel size.
        public var tensorParallel: Int
        /// Pipeline-parallel size.
        public var pipelineParallel: Int
        /// `--max-num-batched-tokens` (the profile run's batch); V0 defaults it to max(max_model_len, 2048).
        public var maxNumBatchedTokens: Int
        /// `--max-num-seqs` (the dummy sampler's rows).
        public var maxNumSeqs: Int
        /// `--gpu-memory-utilization`.
        public var utilization: Double
        /// Bytes of an activation element (the model dtype).
        public var activationBytes: Int
        /// The dummy sampler's kernel; nil takes the release's default (``VLLMRelease/sampler``).
        public var sampler: VLLMSamplerKernel?

        /// Creates settings; see each property.
        public init(tensorParallel: Int = 1, pipelineParallel: Int = 1, maxNumBatchedTokens: Int, maxNumSeqs: Int,
                    utilization: Double, activationBytes: Int = 2, sampler: VLLMSamplerKernel? = nil) {
            self.tensorParallel = tensorParallel
            self.pipelineParallel = pipelineParallel
            self.maxNumBatchedTokens = maxNumBatchedTokens
            self.maxNumSeqs = maxNumSeqs
            self.utilization = utilization
            self.activationBytes = activationBytes
            self.sampler = sampler
        }
    }

    /// One named part of the memory outside weights and KV cache.
    public struct Term: Sendable, Hashable {
        /// Short name, e.g. `sampler`.
        public var name: String
        /// GiB per GPU.
        public var gib: Double
        /// How it is computed and where vLLM allocates it.
        public var detail: String
    }

    /// The memory of one GPU as vLLM accounts for it.
    public struct Plan: Sendable, Hashable {
        /// The release whose constants were used.
        public var release: VLLMRelease
        /// The dummy sampler's kernel the plan assumes.
        public var sampler: VLLMSamplerKernel
        /// The GPU's total memory as vLLM sees it (`init_total_memory`), GiB.
        public var totalGiB: Double
        /// `total × gpu_memory_utilization`, GiB.
        public var requestedGiB: Double
        /// Weights on this GPU ("Model loading took"), GiB.
        public var weightsGiB: Double
        /// The parts of the memory outside weights and KV cache.
        public var terms: [Term]

        /// The sum of ``terms``, GiB.
        public var reserveGiB: Double { terms.reduce(0) { $0 + $1.gib } }
        /// `requested − weights − reserve`, GiB ("Available KV cache memory"); negative when nothing is left.
        public var availableKVGiB: Double { requestedGiB - weightsGiB - reserveGiB }
    }

    /// Plans one GPU of a replica.
    ///
    /// Terms (GiB per GPU; `T` batched tokens, `S` = min(max_num_seqs, T) sampler rows, `V` vocabulary, `H`
    /// hidden, `I` dense MLP width, `k` experts per token, `Iₑ` expert width, `b` activation bytes):
    /// - **non-torch**: the release's constant (cuBLAS/cuDNN workspaces; the CUDA context is in the baseline).
    /// - **sampler**: `S × V × bytes per logit` of the dummy sampler's top-k/top-p kernel (``VLLMSamplerKernel``).
    /// - **activations**: `T × (3·I/TP + 3·H) × b` — the widest MLP's gate/up output and activation plus the
    ///   residual stream; under v1 only what exceeds the sampler counts (the forward pass frees it first).
    /// - **MoE workspace**: `T × k × (2·Iₑ/TP + H) × b` — fused_moe's intermediate caches, kept between calls.
    /// - **vision encoder**: the release's constant, for multimodal models.
    /// - **tensor parallel**: the release's constant when TP > 1 (NCCL, custom all-reduce).
    /// - **CUDA graphs**: none in the releases modelled (captured after the KV cache is sized).
    /// - Parameters:
    ///   - weightsBytes: Weights on the most loaded GPU (``VLLMWeights/bytesPerGPU(_:tensorParallel:pipelineParallel:)``).
    ///   - shape: The model's dimensions.
    ///   - totalGiB: The GPU's memory as vLLM sees it (``VLLMGPUMemory``).
    ///   - settings: The replica's settings.
    ///   - release: The vLLM release (default: the newest the model knows).
    public static func plan(weightsBytes: Double, shape: ServingShape, totalGiB: Double, settings: Settings,
                            release: VLLMRelease = .newest) -> Plan {
        let gib = Double(VLLMKVCache.gibBytes)
        let tp = Double(max(1, settings.tensorParallel))
        let t = Double(settings.maxNumBatchedTokens)
        let b = Double(settings.activationBytes)
        let rows = Double(min(settings.maxNumSeqs, settings.maxNumBatchedTokens))
        let h = Double(shape.hidden)
        var terms = [Term(name: "non-torch", gib: release.nonTorchGiB,
                          detail: "cuBLAS/cuDNN workspaces and allocator slack (\(release))")]
        let kernel = settings.sampler ?? release.sampler
        let sampler = rows * Double(shape.vocab) * kernel.bytesPerLogit / gib
        terms.append(Term(name: "sampler", gib: sampler,
                          detail: "dummy sampler (\(kernel)): \(Int(rows)) rows × \(shape.vocab) vocab × \(kernel.bytesPerLogit) B"))
        let forward = t * (3 * Double(shape.intermediate) / tp + 3 * h) * b / gib
        let activations = release.engine == .v0 ? forward : max(0, forward - sampler)
        terms.append(Term(name: "activations", gib: activations,
                          detail: "profile run of \(Int(t)) tokens: MLP and residual activations"
                              + (release.engine == .v0 ? "" : " beyond the sampler's peak")))
        if shape.expertsPerToken > 0 {
            let moe = t * Double(shape.expertsPerToken) * (2 * Double(shape.expertWidth) / tp + h) * b / gib
            terms.append(Term(name: "MoE workspace", gib: moe,
                              detail: "fused_moe caches: \(Int(t)) tokens × \(shape.expertsPerToken) experts × (2·Iₑ/TP + H)"))
        }
        if shape.hasVision {
            terms.append(Term(name: "vision encoder", gib: release.visionEncoderGiB, detail: "encoder profile with dummy images"))
        }
        if settings.tensorParallel > 1 {
            terms.append(Term(name: "tensor parallel", gib: release.tensorParallelGiB,
                              detail: "NCCL communicators and custom all-reduce buffers (TP \(settings.tensorParallel))"))
        }
        return Plan(release: release, sampler: kernel, totalGiB: totalGiB, requestedGiB: totalGiB * settings.utilization,
                    weightsGiB: weightsBytes / gib, terms: terms)
    }

    /// vLLM's default `max_num_seqs` and `max_num_batched_tokens` for the OpenAI server on a GPU
    /// (`EngineArgs._set_default_args`): 1024 and 8192 on GPUs of at least 70 GiB other than the A100, else 256
    /// and 2048; V0 batches max(max_model_len, 2048) tokens.
    public static func defaultLimits(totalGiB: Double, gpuName: String, maxModelLen: Int,
                                     release: VLLMRelease = .newest) -> (maxNumSeqs: Int, maxNumBatchedTokens: Int) {
        if release.engine == .v0 { return (256, max(maxModelLen, 2048)) }
        let large = totalGiB >= 70 && !gpuName.uppercased().hasPrefix("A100")
        return large ? (1024, 8192) : (256, 2048)
    }
}
