import SeekCore

/// Turns the model records of one day into that day's leaderboard. Pure.
///
/// Follows the reference (`shared/docs/reference-pipeline.md` §4.6, decisions 5): categories
/// in first-seen order, the best score per model (first wins a tie), `overall` for models
/// present in every category of the day, stable sort by score, ranks by position.
public enum SnapshotBuilder {
    /// Builds the snapshot for `day`, or nil when there are no records at all.
    ///
    /// Records must be in tree order of their directories: it decides ties. A day whose
    /// records have no mapped benchmark gives a snapshot with no rows, not nil.
    public static func build(day: Day, records: [ModelRecord], configuration: IndexConfiguration) -> Snapshot? {
        guard !records.isEmpty else { return nil }
        let categoryByBenchmark = Dictionary(configuration.categories.map { ($0.benchmark, $0) },
                                             uniquingKeysWith: { first, _ in first })
        var openness: [String: String?] = [:]
        var categories: [CategoryScores] = []
        var categoryIndex: [String: Int] = [:]

        for record in records {
            let name = configuration.publishedName(for: record.model, on: day)
            openness[name] = record.openness
            for score in record.scores {
                guard let category = categoryByBenchmark[score.benchmark] else { continue }
                let index: Int
                if let existing = categoryIndex[category.name] {
                    index = existing
                } else {
                    index = categories.count
                    categoryIndex[category.name] = index
                    categories.append(CategoryScores(name: category.name, display: category.display))
                }
                categories[index].offer(model: name, score: score.score, cost: score.costPerInstance)
            }
        }

        var ordered: [CategoryScores] = []
        if let overall = overall(of: categories) { ordered.append(overall) }
        ordered += categories.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

        var entries: [BenchmarkEntry] = []
        var sota: [SOTAEntry] = []
        for category in ordered where !category.models.isEmpty {
            let ranked = category.ranked()
            for (position, item) in ranked.enumerated() {
                entries.append(BenchmarkEntry(
                    modelName: item.model, benchmarkName: category.name, benchmarkDisplayName: category.display,
                    score: item.score, rank: position + 1, costPerTask: item.cost,
                    benchmarkGroup: IndexConfiguration.benchmarkGroup,
                    benchmarkGroupDisplay: IndexConfiguration.benchmarkGroupDisplay,
                    openness: openness[item.model] ?? nil))
            }
            if let first = ranked.first {
                sota.append(SOTAEntry(benchmarkName: category.name, benchmarkDisplayName: category.display,
                                      sotaModelName: first.model, sotaScore: first.score))
            }
        }
        return Snapshot(day: day, entries: entries, sota: sota)
    }

    /// Models with a score in every category present: mean score rounded to 1 decimal, mean of
    /// the known costs rounded to 2; in order of first appearance across categories.
    private static func overall(of categories: [CategoryScores]) -> CategoryScores? {
        guard !categories.isEmpty else { return nil }
        var order: [String] = []
        var scores: [String: [Double]] = [:]
        var costs: [String: [Double]] = [:]
        for category in categories {
            for model in category.models {
                guard let item = category.best[model] else { continue }
                if scores[model] == nil { order.append(model) }
                scores[model, default: []].append(item.score)
                if let cost = item.cost { costs[model, default: []].append(cost) }
            }
        }
        var result = CategoryScores(name: IndexConfiguration.overallName, display: IndexConfiguration.overallDisplay)
        for model in order {
            guard let modelScores = scores[model], modelScores.count == categories.count,
                  let mean = PythonMath.mean(modelScores) else { continue }
            let cost = costs[model].flatMap(PythonMath.mean).map { PythonMath.round($0, places: 2) }
            result.offer(model: model, score: PythonMath.round(mean, places: 1), cost: cost)
        }
        return result
    }
}

/// The entries of one category while a snapshot is built: best score per model, first-seen order.
private struct CategoryScores {
    struct Item {
        var model: String
        var score: Double
        var cost: Double?
    }

    let name: String
    let display: String
    private(set) var models: [String] = []
    private(set) var best: [String: Item] = [:]

    init(name: String, display: String) {
        self.name = name
        self.display = display
    }

    /// Keeps the higher score; an equal score does not replace the first one.
    mutating func offer(model: String, score: Double, cost: Double?) {
        if let current = best[model] {
            if score > current.score { best[model] = Item(model: model, score: score, cost: cost) }
        } else {
            models.append(model)
            best[model] = Item(model: model, score: score, cost: cost)
        }
    }

    /// Items by score, descending; ties keep first-seen order.
    func ranked() -> [Item] {
        models.enumerated()
            .compactMap { position, model in best[model].map { (position, $0) } }
            .sorted { a, b in a.1.score != b.1.score ? a.1.score > b.1.score : a.0 < b.0 }
            .map(\.1)
    }
}
