import SeekCore

/// A GPU box's monthly cost and request capacity, for the API vs. self-hosting chart (§2.19).
public struct SelfHostingCost: Sendable, Hashable {
    /// Monthly cost of one box B = `price_per_hour × 720`, USD.
    public var baseMonthlyCost: Double
    /// Requests one box serves per month C, or `nil` when throughput is not modeled.
    public var maxRequestsPerMonth: Double?

    /// Creates a cost model.
    public init(baseMonthlyCost: Double, maxRequestsPerMonth: Double?) {
        self.baseMonthlyCost = baseMonthlyCost
        self.maxRequestsPerMonth = maxRequestsPerMonth
    }

    /// The box cost for a GPU configuration (§2.19 `computeSelfHostingCostForConfig`).
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - gpuName: The configuration's GPU.
    ///   - gpuCount: GPUs per box.
    ///   - totalVramGB: Total VRAM of the configuration (per GPU = total / count), GB.
    ///   - search: Offerings, specs and settings.
    ///   - memoryUtilization: The Budget slider's utilization.
    /// - Returns: `nil` when no offering has exactly this GPU name and count.
    public init?(model: ModelSpec, gpuName: String, gpuCount: Int, totalVramGB: Double, search: SetupSearch,
                 memoryUtilization: Double) {
        guard let box = SelfHostingCost.boxOffering(gpuName: gpuName, gpuCount: gpuCount, offerings: search.offerings),
              gpuCount > 0 else { return nil }
        let e = search.estimate(model: model, gpuName: gpuName, gpuCount: gpuCount,
                                vramPerGPUGB: totalVramGB / Double(gpuCount), memoryUtilization: memoryUtilization)
        self.init(baseMonthlyCost: box.pricePerHour * search.assumptions.hoursPerMonth,
                  maxRequestsPerMonth: e?.maxRequestsPerMonth(assumptions: search.assumptions))
    }

    /// The cheapest offering with exactly this GPU name and count (§2.19 `findGpuOfferingForConfig`).
    ///
    /// - Returns: The offering, or `nil`.
    public static func boxOffering(gpuName: String, gpuCount: Int, offerings: [Offering]) -> Offering? {
        var best: Offering?
        for o in offerings where o.gpuName == gpuName && o.gpuCount == gpuCount {
            if best.map({ o.pricePerHour < $0.pricePerHour }) ?? true { best = o }
        }
        return best
    }

    /// Monthly cost of the boxes needed for `requestsPerMonth`: `max(1, ceil(x / C)) × B` (B without capacity).
    ///
    /// - Parameter requestsPerMonth: Volume x, requests per month.
    /// - Returns: USD per month.
    public func stepCost(requestsPerMonth x: Double) -> Double {
        guard let c = maxRequestsPerMonth, c > 0 else { return baseMonthlyCost }
        return max(1, (x / c).rounded(.up)) * baseMonthlyCost
    }

    /// Self-hosting USD per request at a volume: `stepCost(x) / x`; `nil` for x ≤ 0.
    ///
    /// - Parameter requestsPerMonth: Volume x, requests per month.
    public func costPerRequest(requestsPerMonth x: Double) -> Double? {
        x > 0 ? stepCost(requestsPerMonth: x) / x : nil
    }

    /// The lowest cost per request, a full box: `B / C`, or `nil` without capacity.
    public var floorCostPerRequest: Double? {
        guard let c = maxRequestsPerMonth, c > 0 else { return nil }
        return baseMonthlyCost / c
    }

    /// Volumes where each API becomes dearer than one box (§2.19 crossovers).
    ///
    /// - Parameter apiCosts: Model name → API USD per request.
    /// - Returns: For each price p > 0 not below the floor: `x* = B / p` and utilization `x*/C × 100`, sorted by x*.
    public func breakEvens(apiCosts: [(modelName: String, costPerRequest: Double)]) -> [BreakEven] {
        let floor = floorCostPerRequest
        return apiCosts.compactMap { item -> BreakEven? in
            guard item.costPerRequest > 0, floor.map({ $0 <= item.costPerRequest }) ?? true else { return nil }
            let volume = baseMonthlyCost / item.costPerRequest
            let util = maxRequestsPerMonth.flatMap { $0 > 0 ? volume / $0 * 100 : nil }
            return BreakEven(modelName: item.modelName, requestsPerMonth: volume, utilizationPercent: util)
        }.enumerated().sorted { a, b in
            a.element.requestsPerMonth != b.element.requestsPerMonth
                ? a.element.requestsPerMonth < b.element.requestsPerMonth : a.offset < b.offset
        }.map(\.element)
    }
}

/// Where self-hosting one box costs as much as an API (§2.19).
public struct BreakEven: Sendable, Hashable {
    /// The API model.
    public var modelName: String
    /// Break-even volume `B / p`, requests per month.
    public var requestsPerMonth: Double
    /// Box utilization at that volume, percent, or `nil` without capacity.
    public var utilizationPercent: Double?
}
