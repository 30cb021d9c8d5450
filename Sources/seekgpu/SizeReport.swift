import Feeds
import Foundation
import SeekCore
import Sizing

/// The figures `seekgpu size` prints, per GPU (per pipeline stage), and their two renderings.
struct SizeReport {
    var inputs: SizeInputs
    var settings: VLLMSettings
    var gpuCount: Int
    var utilization: Double
    /// The memory of one GPU as vLLM accounts for it (weights, the terms outside weights and KV), when the weights
    /// and the model's dimensions could be read.
    var plan: VLLMMemory.Plan?
    /// The release modelled.
    var release: VLLMRelease
    /// `max_num_seqs` used (given or vLLM's default for the GPU).
    var maxNumSeqs: Int
    /// KV cache memory of one GPU in GiB; negative when weights and reserve exceed the usable memory.
    var availableGiB: Double
    /// `true` when ``availableGiB`` is `--available-kv-gib`, `false` when estimated.
    var availableGiven: Bool
    var capacity: VLLMKVCapacity

    /// Computes the report.
    ///
    /// - Throws: ``ModelConfigError`` when `max_model_len` is neither given nor in the config, or the
    ///   weights cannot be estimated and `--available-kv-gib` is missing.
    init(inputs: SizeInputs, command: SeekGPU.Size) throws {
        self.inputs = inputs
        gpuCount = command.count
        utilization = command.gpuMemoryUtilization
        guard let maxModelLen = command.maxModelLen ?? inputs.maxPositionEmbeddings else {
            throw ModelConfigError(modelName: "", message: "config.json has no max_position_embeddings; pass --max-model-len")
        }
        release = command.release
        let request = VLLMServing.Request(gpuMemoryGiB: inputs.gpuMemoryGiB, gpuName: inputs.gpu.gpuName,
                                          tensorParallel: command.tensorParallel, pipelineParallel: command.pp,
                                          maxModelLen: maxModelLen, kvCacheDType: command.kvCacheDType ?? .auto,
                                          utilization: utilization, blockSize: command.blockSize,
                                          maxNumSeqs: command.maxNumSeqs, maxNumBatchedTokens: command.maxNumBatchedTokens,
                                          sampler: command.sampler.flatMap(VLLMSamplerKernel.named), release: release)
        maxNumSeqs = request.effectiveMaxNumSeqs
        settings = request.settings
        let serving = inputs.checkpoint.map {
            VLLMServing(checkpoint: $0, architecture: inputs.architecture, request: request)
        }
        plan = serving?.plan
        if let given = command.availableKvGib {
            availableGiB = given
            availableGiven = true
        } else {
            guard let plan else {
                throw ModelConfigError(modelName: "", message: "cannot estimate the weights (\(inputs.weightsProblem ?? "unknown")); "
                    + "pass --available-kv-gib with vLLM's \"Available KV cache memory\"")
            }
            availableGiB = plan.availableKVGiB
            availableGiven = false
        }
        // The same vLLM KV model the site's per-token figures come from, so the two can never disagree.
        capacity = VLLMServing.capacity(inputs.architecture, settings: settings, availableGiB: availableGiB)
    }

    /// Whether one request of `max_model_len` tokens fits the KV cache (vLLM refuses to start otherwise).
    var fits: Bool { VLLMServing.fits(capacity) }

    /// Weights on one GPU in GiB, when they could be estimated.
    var weightsGiB: Double? { plan?.weightsGiB }

    /// Layer counts by kind, e.g. `"full": 12, "sliding_window": 12`.
    var layerCounts: [(kind: String, count: Int)] {
        var counts = [("full", 0), ("sliding_window", 0), ("mla", 0), ("no_kv_cache", 0)]
        for layer in inputs.architecture.layers {
            switch layer {
            case .full: counts[0].1 += 1
            case .slidingWindow: counts[1].1 += 1
            case .mla: counts[2].1 += 1
            case .noKVCache: counts[3].1 += 1
            }
        }
        return counts.filter { $0.1 > 0 }
    }
}
