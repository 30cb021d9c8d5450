import SeekCore

/// A GPU configuration the Budget persona sizes against (§2.15 preset).
public struct GPUConfig: Sendable, Hashable {
    /// `"{count}× {gpu} {vram}GB"`.
    public var label: String
    /// The gpuhunt GPU name.
    public var gpuName: String
    /// GPUs.
    public var gpuCount: Int
    /// GB per GPU (datasheet `memory_size_gb`, else the offering's `vram_gb`).
    public var vramPerGPUGB: Double
    /// `vramPerGPUGB × gpuCount`, GB.
    public var totalVramGB: Double
    /// The offering's `interconnect` string.
    public var interconnect: String

    /// Creates a configuration.
    public init(label: String, gpuName: String, gpuCount: Int, vramPerGPUGB: Double, interconnect: String) {
        self.label = label
        self.gpuName = gpuName
        self.gpuCount = gpuCount
        self.vramPerGPUGB = vramPerGPUGB
        self.totalVramGB = vramPerGPUGB * Double(gpuCount)
        self.interconnect = interconnect
    }
}

/// One model on the Budget persona's serving-capacity chart (§2.15 point).
public struct BudgetPoint: Sendable, Hashable {
    /// models.json name.
    public var modelName: String
    /// Streams the configuration admits (0 when it does not fit).
    public var maxConcurrentStreams: Int
    /// §2.11 requests per hour, when the model fits and throughput is modeled.
    public var requestsPerHour: Double?
    /// Whether throughput is modeled.
    public var throughputModeled: Bool
    /// Score / SOTA × 100, or `nil` without a score or SOTA row (never 0, decisions.md 16).
    public var percentOfSOTA: Double?
    /// Weights, GB.
    public var modelMemoryGB: Double
    /// Whether the model serves at least one stream.
    public var fits: Bool
    /// `"Not enough VRAM"` or `"Not enough VRAM for KV cache"` when it does not fit.
    public var doesntFitReason: String?
    /// Single-stream decode speed, tokens/s.
    public var decodeThroughputTokS: Double?
    /// The model's score in the selected category.
    public var benchmarkScore: Double?
    /// Whether the model has no score in the category.
    public var isUnranked: Bool
    /// The estimate behind the numbers.
    public var deploymentEstimate: DeploymentEstimate?
}

/// Budget persona data (§2.15).
public enum Budget {
    /// A model's score in a category: exact name, first row (`scoreFor`).
    public static func score(of modelName: String, category: String, entries: [BenchmarkEntry]) -> Double? {
        entries.first { $0.modelName == modelName && $0.benchmarkName == category }?.score
    }

    /// Up to 8 cheapest GPU configurations that fit one of the top-3 models (§2.15 `buildGpuPresets`).
    ///
    /// Deliberate difference (decisions.md 17): the top models are ranked by the selected category,
    /// not always by overall.
    /// - Parameters:
    ///   - category: The selected category.
    ///   - models: models.json rows (after filters).
    ///   - entries: Latest snapshot rows.
    ///   - search: Offerings, specs, constants.
    ///   - topModelCount: Models that must fit (default: the assumptions' 3).
    /// - Returns: Up to `maxPresets` configurations with GPU counts in `presetGPUCounts`, cheapest first.
    public static func presets(category: String, models: [ModelSpec], entries: [BenchmarkEntry], search: SetupSearch,
                               topModelCount: Int? = nil) -> [GPUConfig] {
        let allowedCounts = search.assumptions.presetGPUCounts
        let maxPresets = search.assumptions.maxPresets
        let topModelCount = topModelCount ?? search.assumptions.presetTopModelCount
        let scored = models.compactMap { m in score(of: m.modelName, category: category, entries: entries).map { (m, $0) } }
        let top = scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.prefix(topModelCount).map(\.element.0)
        let candidates = search.offerings.filter { o in
            allowedCounts.contains(o.gpuCount)
                && (top.isEmpty || top.contains { $0.fits(gpuCount: o.gpuCount, vramPerGPUGB: o.vramGB, assumptions: search.assumptions) })
        }
        var seen: Set<String> = []
        var presets: [GPUConfig] = []
        for o in candidates.enumerated().sorted(by: { a, b in
            a.element.pricePerHour != b.element.pricePerHour ? a.element.pricePerHour < b.element.pricePerHour : a.offset < b.offset
        }).map(\.element) where seen.insert("\(o.gpuName)|\(o.gpuCount)").inserted {
            let vram = search.specs[o.gpuName]?.memorySizeGB.doubleValue ?? o.vramGB
            presets.append(GPUConfig(label: "\(o.gpuCount)× \(o.gpuName) \(formatGB(vram))GB", gpuName: o.gpuName,
                                     gpuCount: o.gpuCount, vramPerGPUGB: vram, interconnect: o.interconnect))
            if presets.count == maxPresets { break }
        }
        return presets
    }

    /// Serving-capacity points for a configuration (§2.15 `calculateBudgetChartData`).
    ///
    /// Ranked models (score in the selected category, ≥ 50 % of SOTA) come first by score, then
    /// unranked ones by min VRAM ascending (decisions.md 17: ranking uses the selected category).
    /// - Parameters:
    ///   - config: The GPU configuration.
    ///   - models: models.json rows.
    ///   - entries: Latest snapshot rows.
    ///   - sota: The category's SOTA row.
    ///   - category: The selected category.
    ///   - memoryUtilization: The slider value (0.70–0.95).
    ///   - search: Specs, settings, constants.
    public static func chartPoints(config: GPUConfig, models: [ModelSpec], entries: [BenchmarkEntry], sota: SOTAEntry?,
                                   category: String, memoryUtilization: Double, search: SetupSearch) -> [BudgetPoint] {
        let a = search.assumptions
        var ranked: [(ModelSpec, Double)] = []
        var unranked: [ModelSpec] = []
        for m in models {
            guard let s = score(of: m.modelName, category: category, entries: entries) else {
                unranked.append(m)
                continue
            }
            if let pct = BenchmarkMath.fractionOfSOTA(score: s, sota: sota), pct * 100 >= a.budgetMinPercentOfSOTA {
                ranked.append((m, s))
            }
        }
        let orderedRanked = ranked.enumerated().sorted { x, y in
            x.element.1 != y.element.1 ? x.element.1 > y.element.1 : x.offset < y.offset
        }.map(\.element.0)
        let orderedUnranked = unranked.enumerated().sorted { x, y in
            let (vx, vy) = (x.element.minVRAMGB(assumptions: a), y.element.minVRAMGB(assumptions: a))
            return vx != vy ? vx < vy : x.offset < y.offset
        }.map(\.element)
        return (orderedRanked + orderedUnranked).map { m in
            let s = score(of: m.modelName, category: category, entries: entries)
            var point = BudgetPoint(
                modelName: m.modelName, maxConcurrentStreams: 0, requestsPerHour: nil,
                throughputModeled: m.throughputState == .modeled,
                percentOfSOTA: s.flatMap { BenchmarkMath.fractionOfSOTA(score: $0, sota: sota) }.map { $0 * 100 },
                modelMemoryGB: m.weightMemoryGB(), fits: false, doesntFitReason: "Not enough VRAM",
                decodeThroughputTokS: nil, benchmarkScore: s, isUnranked: s == nil, deploymentEstimate: nil)
            guard m.fits(gpuCount: config.gpuCount, vramPerGPUGB: config.vramPerGPUGB, assumptions: a) else { return point }
            let e = search.estimate(model: m, gpuName: config.gpuName, gpuCount: config.gpuCount,
                                    vramPerGPUGB: config.vramPerGPUGB, memoryUtilization: memoryUtilization)
            point.deploymentEstimate = e
            point.maxConcurrentStreams = e?.operatingStreams.low ?? 0
            point.decodeThroughputTokS = e?.singleStreamTokS
            point.fits = point.maxConcurrentStreams > 0
            point.doesntFitReason = point.fits ? nil : "Not enough VRAM for KV cache"
            point.requestsPerHour = point.fits ? e?.requestsPerHour(assumptions: a) : nil
            return point
        }
    }

    static func formatGB(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
