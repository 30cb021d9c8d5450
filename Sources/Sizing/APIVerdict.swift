import SeekCore

/// Self-hosting a model against a closed API at a stated monthly volume: the Performance matrix's
/// per-row verdict ("≈ 4.1× cheaper than Claude Fable 5 at 1M requests/mo") and the model page's
/// break-even volume. Uses the Budget page's maths (§2.18 API cost per request, §2.19 boxes).
public struct APIVerdict: Sendable, Hashable {
    /// The volume the matrix states.
    public static let defaultRequestsPerMonth = 1_000_000.0

    /// The API compared.
    public var api: APIPrice
    /// The volume compared, requests per month.
    public var requestsPerMonth: Double
    /// The setup whose boxes serve the volume most cheaply.
    public var setup: GPUSetup
    /// Boxes of ``setup`` the volume needs.
    public var boxes: Int
    /// Self-hosting the volume, USD per month.
    public var selfHostedMonthlyCost: Double
    /// The API for the volume, USD per month.
    public var apiMonthlyCost: Double
    /// The volume at which one box of ``setup`` costs what the API does (`B / p`), or `nil` when even a
    /// full box costs more per request than the API.
    public var breakEvenRequestsPerMonth: Double?

    /// API cost ÷ self-hosting cost: above 1, self-hosting is that many times cheaper.
    public var ratio: Double { apiMonthlyCost / selfHostedMonthlyCost }
    /// Whether self-hosting the volume costs less than the API.
    public var selfHostingIsCheaper: Bool { selfHostedMonthlyCost < apiMonthlyCost }

    /// The verdict for the cheapest of `setups` at `requestsPerMonth`, or `nil` when no setup has a
    /// modeled capacity (projected setups are left out) or the API has no price.
    ///
    /// - Parameters:
    ///   - setups: The model's candidate setups (the matrix row's cells).
    ///   - api: The closed model compared.
    ///   - settings: Token counts of a request.
    ///   - requestsPerMonth: The volume.
    ///   - assumptions: Seconds per month, cache TTLs, compaction.
    public init?(setups: [GPUSetup], api: APIPrice, settings: ServingSettings,
                 requestsPerMonth: Double = APIVerdict.defaultRequestsPerMonth, assumptions: SizingAssumptions) {
        let perRequest = Self.apiCostPerRequest(api, settings: settings, assumptions: assumptions)
        guard perRequest > 0, requestsPerMonth > 0 else { return nil }
        let candidates = setups.filter { !$0.isProjected }.compactMap { setup -> (GPUSetup, SelfHostingCost)? in
            guard let capacity = setup.deploymentEstimate?.maxRequestsPerMonth(assumptions: assumptions), capacity > 0 else {
                return nil
            }
            return (setup, SelfHostingCost(baseMonthlyCost: setup.monthlyCost, maxRequestsPerMonth: capacity))
        }
        guard let (setup, cost) = candidates.enumerated().min(by: { a, b in
            let (x, y) = (a.element.1.stepCost(requestsPerMonth: requestsPerMonth), b.element.1.stepCost(requestsPerMonth: requestsPerMonth))
            return x != y ? x < y : a.offset < b.offset
        })?.element else { return nil }
        self.api = api
        self.requestsPerMonth = requestsPerMonth
        self.setup = setup
        selfHostedMonthlyCost = cost.stepCost(requestsPerMonth: requestsPerMonth)
        boxes = Int((selfHostedMonthlyCost / cost.baseMonthlyCost).rounded())
        apiMonthlyCost = perRequest * requestsPerMonth
        breakEvenRequestsPerMonth = cost.breakEvens(apiCosts: [(api.modelName, perRequest)]).first?.requestsPerMonth
    }

    /// The API's average USD per request for `settings`' tokens, 50 requests per conversation and a
    /// 90 % prompt-cache hit rate (the Budget page's comparison, §2.18).
    public static func apiCostPerRequest(_ api: APIPrice, settings: ServingSettings, assumptions: SizingAssumptions) -> Double {
        let pattern = ConversationPattern(avgInputTokens: settings.avgInputTokens, avgOutputTokens: settings.avgOutputTokens)
        return APICost.averageCostPerRequest(price: api, pattern: pattern,
                                             ttlMinutes: APICost.cacheTTLMinutes(lab: api.lab, assumptions: assumptions),
                                             assumptions: assumptions)
    }

    /// The best closed API of a category: the priced model with the highest score in it (published order on a
    /// tie), else the first priced model when none has a score there.
    public static func bestClosedAPI(prices: [APIPrice], entries: [BenchmarkEntry], category: String) -> APIPrice? {
        let scores = Dictionary(entries.filter { $0.benchmarkName == category }.map { ($0.modelName, $0.score) },
                                uniquingKeysWith: { first, _ in first })
        let priced = prices.filter { ($0.inputCostPerToken ?? 0) > 0 && ($0.outputCostPerToken ?? 0) > 0 }
        return priced.enumerated().max { a, b in
            let (x, y) = (scores[a.element.modelName] ?? -1, scores[b.element.modelName] ?? -1)
            return x != y ? x < y : a.offset > b.offset
        }?.element
    }
}
