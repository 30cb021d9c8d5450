import Foundation
import SeekCore

/// Cost to self-host the best open model at a gap point (§2.20 cost trend).
public struct CostTrendPoint: Sendable, Hashable {
    /// The gap point's date.
    public var date: Day
    /// Cheapest setup's monthly cost, USD.
    public var monthlyCost: Double
    /// The open leader.
    public var modelName: String
    /// `"{n}× {gpu}"`.
    public var gpuSetup: String
    /// The open leader's score.
    public var score: Double
    /// The model's weights, GB.
    public var modelMemoryGB: Double
    /// Whether the price came from the node price history at that date (decisions.md 18); `false` = today's price.
    public var pricedFromHistory: Bool
}

/// One concurrency sample of the scaling curve (§2.20 `computeScalingCurve`).
public struct ScalingPoint: Sendable, Hashable {
    /// Streams required.
    public var concurrency: Int
    /// Cheapest setup's monthly cost, USD.
    public var monthlyCost: Double
    /// `"{n}× {gpu}"`.
    public var gpuSetup: String
    /// `min(100, round(s / streams × 100))`, percent (0 when the setup admits 0 streams).
    public var gpuUtilisation: Int
}

extension Trends {
    /// Monthly cost of the best open model per gap point at 5 streams (§2.20 cost trend).
    ///
    /// Deliberate difference (decisions.md 18): offerings are priced from `history` at each point's date
    /// where it has the node; today's prices elsewhere, and each point says which.
    /// - Parameters:
    ///   - category: `overall` or a category.
    ///   - models: models.json rows.
    ///   - search: Today's offerings, specs and settings.
    ///   - history: Node price log (`nil` → today's prices throughout).
    public func costTrend(category: String, models: [ModelSpec], search: SetupSearch,
                          history: PriceHistory? = nil) -> [CostTrendPoint] {
        gapTrend(category: category).compactMap { p in
            guard let model = models.first(where: { $0.modelName == p.openSourceModel }) else { return nil }
            var dated = search
            var historical: Set<String> = []
            if let history {
                (dated.offerings, historical) = history.offerings(search.offerings, on: p.date)
            }
            let concurrency = search.assumptions.costTrendConcurrency
            guard let best = dated.setupsOrScaled(for: model, concurrency: concurrency).first else { return nil }
            return CostTrendPoint(date: p.date, monthlyCost: best.monthlyCost, modelName: model.modelName,
                                  gpuSetup: "\(best.gpuCount)× \(best.gpuName)", score: p.openSourceScore,
                                  modelMemoryGB: model.weightMemoryGB(),
                                  pricedFromHistory: !best.isProjected && historical.contains("\(best.gpuName)|\(best.gpuCount)"))
        }
    }
}

/// Self-hosting cost curves that do not depend on snapshots (§2.20).
public enum CostCurves {
    /// Cheapest setup per concurrency sample (§2.20 scaling curve).
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - search: Offerings, specs and settings.
    /// - Returns: One point per sample that has a setup.
    public static func scalingCurve(model: ModelSpec, search: SetupSearch) -> [ScalingPoint] {
        search.assumptions.scalingSamples.compactMap { s in
            guard let best = search.setupsOrScaled(for: model, concurrency: s).first else { return nil }
            let streams = best.maxConcurrentStreams
            let util = streams > 0 ? min(100, Int((Double(s) / Double(streams) * 100).rounded(.toNearestOrAwayFromZero))) : 0
            return ScalingPoint(concurrency: s, monthlyCost: best.monthlyCost,
                                gpuSetup: "\(best.gpuCount)× \(best.gpuName)", gpuUtilisation: util)
        }
    }

    /// Monthly cost of reference configurations that have an exact offering (§2.20 GPU reference costs).
    ///
    /// - Parameters:
    ///   - configs: Configurations (default: the assumptions' reference configs).
    ///   - offerings: Offerings.
    ///   - assumptions: Hours per month and reference configs.
    /// - Returns: (label, cheapest price × 720) for configs with an offering.
    public static func referenceCosts(configs: [ReferenceConfig]? = nil, offerings: [Offering],
                                      assumptions: SizingAssumptions = .reference) -> [(label: String, monthlyCost: Double)] {
        (configs ?? assumptions.referenceConfigs).compactMap { c in
            SelfHostingCost.boxOffering(gpuName: c.gpuName, gpuCount: c.gpuCount, offerings: offerings)
                .map { (c.label, $0.pricePerHour * assumptions.hoursPerMonth) }
        }
    }
}
