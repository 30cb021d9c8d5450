import SeekCore

/// SOTA percentage and total benchmark API cost (§2.17).
public enum BenchmarkMath {
    /// A score as a fraction of the category's SOTA (§2.17 Performance; ×100 for Budget).
    ///
    /// Deliberate difference (decisions.md 16): no SOTA row, or a SOTA score ≤ 0, gives `nil`
    /// (shown as "—"), not 0 %.
    /// - Parameters:
    ///   - score: The model's score, percent.
    ///   - sota: The category's SOTA row, if any.
    /// - Returns: `score / sota_score` (fraction), or `nil`.
    public static func fractionOfSOTA(score: Double, sota: SOTAEntry?) -> Double? {
        guard let sota, sota.sotaScore > 0 else { return nil }
        return score / sota.sotaScore
    }

    /// USD to run a model over a category's whole benchmark via its API (§2.17 `computeTotalBenchmarkCost`).
    ///
    /// `overall` sums `cost_per_task × instances` over the 5 categories (nil if any entry or cost is missing);
    /// another category is its own product; an unknown category is `nil`.
    /// - Parameters:
    ///   - modelName: Exact model name.
    ///   - category: `overall` or a category name.
    ///   - entries: The snapshot's rows.
    ///   - assumptions: Instance counts per category.
    /// - Returns: USD, or `nil`.
    public static func totalBenchmarkCost(modelName: String, category: String, entries: [BenchmarkEntry],
                                          assumptions: SizingAssumptions = .reference) -> Double? {
        func cost(_ cat: String) -> Double? {
            guard let count = assumptions.benchmarkInstanceCounts[cat],
                  let entry = entries.first(where: { $0.modelName == modelName && $0.benchmarkName == cat }),
                  let perTask = entry.costPerTask else { return nil }
            return perTask * count
        }
        guard category == "overall" else { return cost(category) }
        var total = 0.0
        for cat in assumptions.benchmarkCategories {
            guard let c = cost(cat) else { return nil }
            total += c
        }
        return total
    }
}
