import Deploy
import Feeds
import Foundation
import SeekCore
import Sizing

/// What `seekgpu recommend` found: every fitting setup, cheapest first, and the cheapest one's spec.
struct RecommendReport: RecipeReport {
    var inputs: RecommendInputs
    var model: ModelInputs
    var request: Recommender.Request
    var options: [Recommender.Option]
    /// The cheapest setup's spec.
    var spec: DeploySpec
    /// Lines about the context and the inputs, printed before the listing.
    var notes: [String] = []

    /// Sizes the model on every offer.
    ///
    /// - Throws: ``ModelConfigError`` when what vLLM loads cannot be read; ``NothingFitsError`` when no setup serves
    ///   the model (with the memory needed and the largest setup on offer).
    init(inputs: RecommendInputs, model: ModelInputs, command: SeekGPU.Recommend) throws {
        self.inputs = inputs
        self.model = model
        guard let checkpoint = model.checkpoint else {
            throw ModelConfigError(modelName: "", message: "\(model.source): cannot tell what vLLM loads "
                + "(\(model.weightsProblem ?? "unknown")); recommend needs the weights to size a setup")
        }
        let maximum = model.maxPositionEmbeddings ?? SeekGPU.Recommend.defaultContext
        let asked = command.context ?? min(maximum, SeekGPU.Recommend.defaultContext)
        if asked > maximum { notes.append("context \(Self.grouped(asked)) capped at the model's maximum, \(Self.grouped(maximum))") }
        var request = Recommender.Request(model: inputs.repository ?? Self.placeholderModel, checkpoint: checkpoint,
                                          architecture: model.architecture,
                                          attentionHeads: model.attentionHeads, context: min(asked, maximum))
        request.concurrency = command.concurrency
        request.kvCacheDType = command.kvCacheDtype == "fp8" ? .fp8 : .auto
        request.precisions = command.precisions ?? [.checkpoint]
        request.maxPricePerHour = command.maxPrice
        request.providers = command.providers.map(command.providerSet)
        if let gpu = command.gpu ?? inputs.repositorySpec?.accelerator {
            // A gpuhunt name on offer is taken as it is; otherwise a SkyPilot name is looked up in serving.yaml.
            let mapped = inputs.offerings.contains { $0.gpuName == gpu } ? nil : inputs.table.gpuhuntName(ofAccelerator: gpu)
            request.gpu = (mapped?.gpuName ?? gpu, mapped?.vramGB)
        }
        if let given = inputs.repositorySpec {
            // A committed spec fixes the node; only its price, layout and limits are derived.
            request.gpusPerNode = given.acceleratorCount
            request.maxNodes = given.nodes
            if given.kvCacheDType == "fp8" { request.kvCacheDType = .fp8 }
            if given.precision != .checkpoint { request.precisions = [given.precision] }
            if let length = given.maxModelLen, command.context == nil { request.context = min(length, maximum) }
        }
        self.request = request
        let recommender = Recommender(specs: inputs.specs)
        options = recommender.options(request, offerings: inputs.offerings)
        guard let cheapest = options.first else {
            throw NothingFitsError(request: request, recommender: recommender, offerings: inputs.offerings)
        }
        var spec = DeploySpec(option: cheapest, request: request, table: inputs.table)
        if let given = inputs.repositorySpec { spec = spec.keeping(given) }
        if inputs.repository == nil { notes.append("no repository id known for the config: set `model` in seekgpu.yaml") }
        self.spec = spec
    }

    /// The model of a spec whose config came from a path without a repository id.
    static let placeholderModel = "ORG/MODEL"

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// No priced setup serves the model (exit 1).
struct NothingFitsError: Error, CustomStringConvertible {
    var description: String

    init(description: String) { self.description = description }

    init(request: Recommender.Request, recommender: Recommender, offerings: [Offering]) {
        let what = "\(request.concurrency) request\(request.concurrency == 1 ? "" : "s") of "
            + "\(RecommendReport.grouped(request.context)) tokens"
        guard let largest = recommender.largestOffer(request, offerings: offerings) else {
            var open = request
            open.providers = nil
            open.gpu = nil
            let offered = Set(offerings.filter { request.gpu == nil || open.admits($0) && request.gpu?.name == $0.gpuName }
                .map(\.provider)).sorted()
            description = "no offer passes --providers and --gpu; nothing to size \(request.model) on"
                + (request.gpu.map { gpu in
                    offered.isEmpty ? ". No provider offers \(gpu.name)" : ". \(gpu.name) is offered by \(offered.joined(separator: ", "))"
                } ?? "")
            return
        }
        if let budget = request.maxPricePerHour {
            var unbounded = request
            unbounded.maxPricePerHour = nil
            if let cheapest = recommender.options(unbounded, offerings: offerings).first {
                description = "no setup serves \(request.model) with \(what) for at most $\(RecommendReport.money(budget))/hour; "
                    + "the cheapest that does is \(RecommendReport.setup(cheapest)) at $\(RecommendReport.money(cheapest.pricePerHour))/hour "
                    + "(\(cheapest.offering.provider)). Raise --max-price, or try --precision all or a shorter --context."
                return
            }
        }
        let spec = recommender.datasheet(gpuName: largest.gpuName, vramGB: largest.vramGB)
        let memory = VLLMGPUMemory.total(gpuName: spec?.gpuName ?? largest.gpuName, datasheetGB: largest.vramGB).gib
        let needed = recommender.neededGiB(request, gpus: largest.gpuCount, memoryGiB: memory, gpuName: largest.gpuName)
        description = "no setup on offer serves \(request.model) with \(what)"
            + (request.maxPricePerHour.map { " for at most $\(RecommendReport.money($0))/hour" } ?? "") + ". "
            + "The largest on offer, \(largest.gpuCount)× \(largest.gpuName) (\(largest.vramGB) GB each, "
            + "\(largest.provider) \(largest.instanceName), $\(RecommendReport.money(largest.pricePerHour))/hour), "
            + "would need \(String(format: "%.1f", needed)) GiB per GPU where vLLM may use "
            + "\(String(format: "%.1f", memory * request.utilization)) GiB (\(String(format: "%.2f", memory)) GiB × "
            + "\(request.utilization)); NVLink nodes were also tried clustered up to \(request.maxNodes) nodes. "
            + "Try --precision all, --kv-cache-dtype fp8, a shorter --context, or fewer filters."
    }
}
