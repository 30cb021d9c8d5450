import SeekCore
import Sizing

extension DeploySpec {
    /// The spec of a setup the site shows for a model: its GPUs and the parallel layout the site sized, the
    /// scenario's context (rounded up to 1,024 tokens, capped at the model's), `max_num_seqs` from the streams the
    /// site predicts, the model family's flags, and the providers of the node. No offering or price, so a price
    /// change leaves the published files as they are; the sizing figures are the site's vLLM memory plan.
    ///
    /// - Parameters:
    ///   - model: The row as sized (``ModelSpec/served(as:)`` for another weight format).
    ///   - precision: The weight format served.
    /// - Returns: nil when the model has no Hugging Face repository, the setup is projected (no real offer), or no
    ///   offer of `offerings` is the setup's.
    public init?(model: ModelSpec, setup: GPUSetup, offerings: [SeekCore.Offering], settings: ServingSettings,
                 table: ServingTable, precision: ServingQuantization = .checkpoint) {
        guard let repo = model.hfModelID, !setup.isProjected else { return nil }
        let hours = SizingAssumptions.reference.hoursPerMonth
        let offers = offerings.filter { $0.gpuName == setup.gpuName && $0.gpuCount == setup.gpuCount }
        func distance(_ offer: SeekCore.Offering) -> Double { abs(offer.pricePerHour * hours - setup.monthlyCost) }
        guard let chosen = offers.min(by: { distance($0) < distance($1) }) else { return nil }
        let names = table.accelerator(gpuName: setup.gpuName, vramGB: chosen.vramGB)
        self.init(model: repo, workload: .inference, accelerator: names.skypilot, acceleratorCount: setup.gpuCount)
        engineVersion = table.vllmVersion
        self.precision = precision
        vramPerGPUGB = chosen.vramGB
        let topology = setup.deploymentEstimate?.topology
        tensorParallelSize = topology?.tp ?? setup.gpuCount
        pipelineParallelSize = topology?.pp ?? 1
        enableExpertParallel = model.isMoE && tensorParallel > 1
        let context = Int((settings.contextTokens / 1024).rounded(.up)) * 1024
        maxModelLen = model.contextLength.map { min($0, context) } ?? context
        maxNumSeqs = max(1, setup.maxConcurrentStreams)
        gpuMemoryUtilization = SizingAssumptions.reference.memoryUtilization
        kvCacheDType = settings.kvCachePrecision == .fp8 ? "fp8" : "auto"
        servingArgs = table.modelRow(for: repo)?.arguments ?? []
        secrets = ["HF_TOKEN"]
        ports = [8000]
        providers = offers.filter { $0.vramGB == chosen.vramGB }.sorted { $0.pricePerHour < $1.pricePerHour }
            .reduce(into: [String]()) { if !$0.contains($1.provider) { $0.append($1.provider) } }
        if let plan = setup.deploymentEstimate?.memoryPlan {
            let gpus = Double(tensorParallel * pipelineParallel)
            let perToken = model.kvCacheBytesPerToken(kvBytes: kvCacheDType == "fp8" ? 1 : 2)
            let kvBytes = max(0, plan.availableKVGiB) * 1_073_741_824 * gpus
            let tokens = perToken > 0 ? Int(kvBytes / perToken) : 0
            let request = perToken * Double(maxModelLen ?? 0) / gpus / 1_073_741_824
            vramNeededPerGPUGB = (plan.weightsGiB + plan.reserveGiB + request) * 1_073_741_824 / 1e9
            sizing = Sizing(vllmRelease: plan.release.name, weightsGiBPerGPU: plan.weightsGiB, reserveGiBPerGPU: plan.reserveGiB,
                            kvCacheGiBPerGPU: plan.availableKVGiB, kvCacheTokens: tokens,
                            maxConcurrency: Double(tokens) / Double(max(1, maxModelLen ?? 1)),
                            memoryMarginGiB: plan.requestedGiB - plan.weightsGiB - plan.reserveGiB - request,
                            checkpointGB: model.weightMemoryGB())
        }
    }

    /// The folder of a site setup under `deploy/MODEL/`: `8x-h200-141gb`, `8x-a100-80gb` (memory once), with the
    /// weight format when it is not the checkpoint's (`4x-h100-80gb-fp8`).
    public var setupSlug: String {
        let name = String(accelerator.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let vram = vramPerGPUGB.map { "-\(Int($0.rounded()))gb" } ?? ""
        return "\(acceleratorCount)x-\(name)" + (name.hasSuffix(vram) ? "" : vram)
            + (precision == .checkpoint ? "" : "-\(precision.rawValue)")
    }
}
