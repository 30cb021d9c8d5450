import SeekCore
import Sizing

/// The trend series of one category, computed once per page by the sizing engine (§2.20).
struct TrendData {
    /// The category, e.g. `overall`.
    var category: String
    /// Its display name, e.g. `Frontend`.
    var display: String
    /// The snapshots the series are computed from, oldest first.
    var snapshots: [Snapshot]
    /// The trend calculator.
    var trends: Trends
    /// The content the page renders.
    var content: SiteContent

    /// `nil` when there is no snapshot at all.
    init?(_ content: SiteContent, category: String) {
        var snapshots = content.history
        if let latest = content.latest, snapshots.last?.day != latest.day { snapshots.append(latest) }
        guard !snapshots.isEmpty else { return nil }
        self.category = category
        self.content = content
        self.snapshots = snapshots
        display = snapshots.last?.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName ?? category
        // decisions.md 14: open = `openness` of the rows; models.json lists only open-weights models, so its
        // names count as open too (unranked models have no snapshot rows).
        let open = content.aliases.openModels(in: snapshots).union(content.models.map(\.modelName))
        trends = Trends(snapshots: snapshots, aliases: content.aliases, openModels: open)
    }

    /// The newest snapshot's day.
    var latestDay: Day { snapshots.last?.day ?? Day(daysSinceEpoch: 0) }

    /// "the overall score (mean of the five categories)" or "Frontend".
    var categoryLabel: String {
        category == "overall" ? "the overall score (the mean of the five categories)" : display
    }

    /// The axis title of scores, e.g. `Overall score`.
    var scoreTitle: String { "\(display) score" }

    var gap: [GapPoint] { trends.gapTrend(category: category) }

    var efficiency: [EfficiencyPoint] { trends.efficiencyTrend(category: category) }

    /// Cost trend priced from the node price history where it has the setup (decisions.md 18).
    var datedCost: [CostTrendPoint] {
        guard let search = content.search else { return [] }
        let history = content.nodePrices.series.isEmpty ? nil : content.nodePrices
        return trends.costTrend(category: category, models: content.models, search: search, history: history)
    }

    /// Cost trend at today's prices throughout (the reference's series).
    var todayCost: [CostTrendPoint] {
        guard let search = content.search else { return [] }
        return trends.costTrend(category: category, models: content.models, search: search)
    }

    var referenceCosts: [(label: String, monthlyCost: Double)] {
        content.search == nil ? [] : CostCurves.referenceCosts(offerings: content.offerings, assumptions: content.assumptions)
    }

    var modelSize: (ranked: [ModelSizePoint], unranked: [ModelSizePoint]) {
        trends.modelSizeScore(category: category, models: content.models, assumptions: content.assumptions)
    }

    /// The scaling curves of the category's sized open models that any priced setup serves, best score first (at
    /// most `limit`), and the better-ranked open models left out (not sized, or no setup serves them), so the page
    /// can say so.
    func scalingCurves(limit: Int) -> (curves: [(model: ModelSpec, points: [ScalingPoint])], skipped: [String]) {
        guard let search = content.search else { return ([], []) }
        var curves: [(model: ModelSpec, points: [ScalingPoint])] = []
        var skipped: [String] = []
        for candidate in trends.openModelsByScore(category: category, models: content.models) where curves.count < limit {
            guard let model = candidate.model else {
                if curves.isEmpty { skipped.append(candidate.name) }
                continue
            }
            let points = CostCurves.scalingCurve(model: model, search: search)
            if points.isEmpty {
                if curves.isEmpty { skipped.append(candidate.name) }
            } else {
                curves.append((model, points))
            }
        }
        return (curves, skipped)
    }

    /// "at the default settings (50k input / 1k output tokens, FP16 KV, 90 % memory)" for the content's scenario.
    var settingsPhrase: String {
        let s = content.scenario
        let values = "\(ScenarioSection.tokens(s.avgInputTokens)) input / \(ScenarioSection.tokens(s.avgOutputTokens)) output tokens, "
            + "\(s.kvCachePrecision == .fp16 ? "FP16" : "FP8") KV, \(Int((s.memoryUtilization * 100).rounded()))% memory"
        return (s == .default ? "at the default settings (" : "at the settings (") + values + ")"
    }
}
