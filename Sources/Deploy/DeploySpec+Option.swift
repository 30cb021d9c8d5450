import Sizing

extension DeploySpec {
    /// The full spec of a recommended setup: the launcher names from `serving.yaml`, the parallel layout, the
    /// context, `max_num_seqs`, the model family's flags, the offering and the sizing figures.
    ///
    /// - Parameters:
    ///   - option: The setup.
    ///   - request: What was asked (model, context, KV cache dtype, utilization).
    ///   - table: `serving.yaml`.
    public init(option: Recommender.Option, request: Recommender.Request, table: ServingTable) {
        let names = table.accelerator(gpuName: option.gpuName, vramGB: option.vramGB)
        self.init(model: request.model, workload: .inference, accelerator: names.skypilot, acceleratorCount: option.gpusPerNode)
        let serving = option.serving
        nodes = option.nodes
        engineVersion = table.vllmVersion
        vramPerGPUGB = option.vramGB
        vramNeededPerGPUGB = serving.neededGiB * Double(1 << 30) / 1e9
        precision = option.precision
        kvCacheDType = request.kvCacheDType == .auto ? "auto" : request.kvCacheDType.rawValue
        tensorParallelSize = serving.request.tensorParallel
        pipelineParallelSize = serving.request.pipelineParallel
        enableExpertParallel = request.checkpoint.weights.routedExperts > 0 && serving.request.tensorParallel > 1
        maxModelLen = request.context
        maxNumSeqs = option.maxNumSeqs
        gpuMemoryUtilization = request.utilization
        servingArgs = table.modelRow(for: request.model)?.arguments ?? []
        secrets = ["HF_TOKEN"]
        ports = [8000]
        assetLinks = []
        offering = Offering(provider: option.offering.provider, instance: option.offering.instanceName,
                            region: option.offering.location, pricePerHour: option.offering.pricePerHour)
        providers = option.providers
        let disk = VLLMWeights.bytesPerGPU(request.checkpoint.weights) / 1e9
        sizing = Sizing(vllmRelease: serving.plan.release.name, weightsGiBPerGPU: serving.plan.weightsGiB,
                        reserveGiBPerGPU: serving.plan.reserveGiB, kvCacheGiBPerGPU: serving.plan.availableKVGiB,
                        kvCacheTokens: serving.capacity.kvCacheTokens, maxConcurrency: serving.capacity.maxConcurrency,
                        memoryMarginGiB: serving.marginGiB, checkpointGB: disk)
    }
}

/// Every file of a recipe, named as the site and `recommend --out` write them.
public enum RecipeFiles {
    /// The file names, in the order written.
    public static let names = ["seekgpu.yaml", "skypilot.yaml", "dstack.yml", "serve.sh"]

    /// Each file's name and text; `serve.sh` only for an inference spec.
    public static func render(_ spec: DeploySpec, table: ServingTable) -> [(name: String, text: String)] {
        var files = [("seekgpu.yaml", spec.yaml), ("skypilot.yaml", SkyPilotTask.yaml(spec, table: table)),
                     ("dstack.yml", DstackConfiguration.yaml(spec, table: table))]
        if spec.workload == .inference { files.append(("serve.sh", ServeScript.text(spec, table: table))) }
        return files
    }
}
