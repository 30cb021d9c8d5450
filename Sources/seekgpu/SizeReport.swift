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
    /// Weights on one GPU in GiB (`nil` when the parameters could not be counted and `--available-kv-gib` was given).
    var weightsGiB: Double?
    /// Estimated non-KV memory of one GPU in GiB (activations, CUDA graphs, TP buffers; `Capacity.runtimeReserveGB`).
    var reserveGiB: Double
    /// KV cache memory of one GPU in GiB; negative when weights and reserve exceed the usable memory.
    var availableGiB: Double
    /// `true` when ``availableGiB`` is `--available-kv-gib`, `false` when estimated.
    var availableGiven: Bool
    var capacity: VLLMKVCapacity

    /// 2³⁰ bytes.
    static let gibibyte = 1_073_741_824.0

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
        settings = VLLMSettings(blockSize: command.blockSize, kvCacheDType: command.kvCacheDType ?? .auto,
                                tensorParallel: command.tensorParallel, pipelineParallel: command.pp,
                                maxModelLen: maxModelLen, maxNumBatchedTokens: command.maxNumBatchedTokens)
        let (tp, pp) = (settings.tensorParallel, settings.pipelineParallel)
        weightsGiB = inputs.weights.map { VLLMWeights.gibPerGPU($0, tensorParallel: tp, pipelineParallel: pp) }
        reserveGiB = Self.reserveGiB(config: inputs.config, layers: inputs.architecture.layers.count, settings: settings)
        if let given = command.availableKvGib {
            availableGiB = given
            availableGiven = true
        } else {
            guard let weightsGiB else {
                throw ModelConfigError(modelName: "", message: "cannot estimate the weights (\(inputs.weightsProblem ?? "unknown")); "
                    + "pass --available-kv-gib with vLLM's \"Available KV cache memory\"")
            }
            availableGiB = inputs.gpuMemoryGiB * utilization - weightsGiB - reserveGiB
            availableGiven = false
        }
        // The same vLLM KV model the site's per-token figures come from, so the two can never disagree.
        capacity = VLLMKVCache.capacity(inputs.architecture, settings: settings,
                                        availableBytes: Int(max(0, availableGiB * Self.gibibyte).rounded(.down)))
    }

    /// Whether one request of `max_model_len` tokens fits the KV cache (vLLM refuses to start otherwise).
    var fits: Bool { capacity.numBlocks > 0 && capacity.numBlocks >= capacity.blocksPerRequest }

    /// The site's runtime reserve (`Capacity.runtimeReserveGB`, shared/docs §2.6) for one GPU, with
    /// `--max-num-batched-tokens` as the activation batch.
    static func reserveGiB(config: JSONValue, layers: Int, settings: VLLMSettings) -> Double {
        let text = config["text_config"]?.objectValue ?? config.objectValue ?? JSONObject()
        let expertsPerToken = text["num_experts_per_tok"]?.intValue
        let model = ModelSpec(modelName: "", learnableParamsB: 0, activeParamsB: 0,
                              architecture: expertsPerToken == nil ? "Dense" : "MoE", contextLength: nil, precision: nil,
                              attentionType: nil, numHiddenLayers: layers, hiddenSize: text["hidden_size"]?.intValue,
                              numExperts: nil, expertsPerToken: expertsPerToken, numKVLayers: nil, numKVHeads: nil,
                              headDim: nil, routedExpertParamsB: nil, kvLoraRank: nil, qkRopeHeadDim: nil,
                              kvElemsPerToken: nil, hfModelID: nil, modelURL: nil, licenseName: nil, licenseURL: nil)
        let gpus = settings.tensorParallel * settings.pipelineParallel
        var assumptions = SizingAssumptions.reference
        assumptions.maxBatchedTokens = Double(settings.maxNumBatchedTokens)
        let layout = ParallelLayout(numGPUs: gpus, tp: settings.tensorParallel, ep: 1, pp: settings.pipelineParallel)
        return Capacity.runtimeReserveGB(model: model, layout: layout, assumptions: assumptions) / Double(gpus)
    }

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
