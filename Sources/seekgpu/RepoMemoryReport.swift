import Deploy
import Foundation
import SeekCore
import Sizing

/// `recommend --repo` for a repository sized by memory alone (training, the LLM's answer, a model named only by its
/// size): every setup whose GPUs hold what one GPU needs, cheapest first, and the cheapest one's spec.
struct RepoMemoryReport: RecipeReport {
    var inputs: RecommendInputs
    var memory: RepoNeed.Memory
    var fits: [Recommender.MemoryFit]
    var spec: DeploySpec

    /// Chooses the setup.
    ///
    /// - Throws: ``NothingFitsError`` when no offer holds it.
    init(inputs: RecommendInputs, memory: RepoNeed.Memory, command: SeekGPU.Recommend) throws {
        self.inputs = inputs
        self.memory = memory
        var filters = Recommender.Filters(providers: command.providers.map(command.providerSet),
                                          maxPricePerHour: command.maxPrice)
        if let gpu = command.gpu.flatMap({ RepoNeed.gpuName($0, offerings: inputs.offerings, table: inputs.table) }) ?? memory.gpuName {
            filters.gpu = (gpu, nil)
        }
        if let given = inputs.repositorySpec { filters.gpusPerNode = given.acceleratorCount }
        fits = Recommender(specs: inputs.specs).memoryFits(neededGBPerGPU: memory.perGPU, minimumGPUs: memory.minimumGPUs,
                                                            filters: filters, offerings: inputs.offerings)
        guard let cheapest = fits.first else {
            let needed = memory.perGPU(max(1, memory.minimumGPUs))
            throw NothingFitsError(description: "no offer of at least \(memory.minimumGPUs) GPU"
                + (memory.minimumGPUs == 1 ? "" : "s") + (filters.gpu.map { " of \($0.name)" } ?? "")
                + " has \(String(format: "%.1f", needed)) GB per GPU (\(memory.why))"
                + (filters.maxPricePerHour.map { " for at most $\(RecommendReport.money($0))/hour" } ?? "")
                + "; the largest GPU on offer has \(RepoNeed.gb(inputs.offerings.map(\.vramGB).max() ?? 0)) GB.")
        }
        var spec = DeploySpec(fit: cheapest, workload: memory.workload, model: inputs.repository,
                              analysis: inputs.repo?.analysis, table: inputs.table)
        if let given = inputs.repositorySpec { spec = spec.keeping(given) }
        self.spec = spec
    }

    var table: String {
        var lines = inputs.findings
        lines.append("needs    \(String(format: "%.1f", memory.perGPU(max(1, memory.minimumGPUs)))) GB per GPU on at least "
            + "\(memory.minimumGPUs) GPU\(memory.minimumGPUs == 1 ? "" : "s") for \(memory.workload.rawValue): \(memory.why)")
        lines.append("offers   \(inputs.offerings.count) from \(inputs.offeringsSource); \(fits.count) setup"
            + (fits.count == 1 ? "" : "s") + " fit, cheapest first")
        lines.append("")
        var rows = [["#", "setup", "$/hour", "$/month", "needs GB/GPU", "providers"]]
        for (index, fit) in fits.enumerated() {
            rows.append([String(index + 1), "\(fit.offering.gpuCount)× \(fit.offering.gpuName) (\(RepoNeed.gb(fit.offering.vramGB)) GB)",
                         RecommendReport.money(fit.pricePerHour),
                         RecommendReport.money(fit.pricePerHour * SizingAssumptions.reference.hoursPerMonth),
                         String(format: "%.1f", fit.neededGBPerGPU), fit.providers.joined(separator: ",")])
        }
        lines += RecommendReport.aligned(rows, rightAligned: [0, 2, 3, 4])
        if let best = fits.first {
            lines.append("")
            lines.append("recommended  \(best.offering.gpuCount)× \(best.offering.gpuName) on \(best.offering.provider) "
                + "(\(best.offering.instanceName), \(best.offering.location)): $\(RecommendReport.money(best.pricePerHour))/hour")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json(written: [String]) -> String {
        let list: [JSONValue] = fits.map { fit in
            .object(JSONObject([
                ("gpu", .string(fit.offering.gpuName)), ("vram_gb", .double(fit.offering.vramGB)),
                ("gpus_per_node", .int(fit.offering.gpuCount)), ("nodes", .int(1)),
                ("price_per_hour", .double(Self.rounded(fit.pricePerHour))),
                ("needed_gb_per_gpu", .double(Self.rounded(fit.neededGBPerGPU))),
                ("provider", .string(fit.offering.provider)), ("instance", .string(fit.offering.instanceName)),
                ("region", .string(fit.offering.location)), ("providers", .array(fit.providers.map(JSONValue.string))),
            ]))
        }
        let object = JSONObject([
            ("model", inputs.repository.map(JSONValue.string) ?? .null), ("workload", .string(spec.workload.rawValue)),
            ("sized_by", .string(memory.why)),
            ("findings", .array(inputs.findings.map(JSONValue.string))), ("options", .array(list)),
            ("recommended", .object(JSONObject([("spec", .string(spec.yaml))]))),
            ("written", .array(written.map(JSONValue.string))),
        ])
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self)
    }
}
