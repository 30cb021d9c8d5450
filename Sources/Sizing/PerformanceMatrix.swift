import SeekCore

/// One column cell of the Performance matrix (§2.14): the cheapest setup at a stream target.
public struct MatrixCell: Sendable, Hashable {
    /// Streams required (Fit 1, Scale 100).
    public var minStreams: Int
    /// The cheapest setup (real, else projected), or `nil`.
    public var setup: GPUSetup?
    /// Whether no setup qualifies.
    public var exceedsCapacity: Bool { setup == nil }
}

/// One model row of the Performance matrix (§2.14).
public struct MatrixRow: Sendable, Hashable {
    /// models.json name.
    public var modelName: String
    /// Score in the category, or `nil` for an unranked row.
    public var benchmarkScore: Double?
    /// Score / SOTA (fraction), `nil` without a SOTA row (decisions.md 16) or for unranked rows.
    public var percentOfSOTA: Double?
    /// §2.17 total benchmark API cost, USD.
    public var totalBenchmarkCost: Double?
    /// Fit and Scale cells.
    public var cells: [MatrixCell]
    /// Whether the model has no score in the category.
    public var isUnranked: Bool
}

/// The Performance persona's matrices (§2.14).
public enum PerformanceMatrix {
    /// Ranked rows: models with a score in the category, by score descending (stable) (§2.14).
    ///
    /// - Parameters:
    ///   - models: models.json rows.
    ///   - entries: Latest snapshot rows.
    ///   - sota: The category's SOTA row.
    ///   - category: `overall` or a category.
    ///   - search: Offerings, specs, settings.
    public static func ranked(models: [ModelSpec], entries: [BenchmarkEntry], sota: SOTAEntry?, category: String,
                              search: SetupSearch) -> [MatrixRow] {
        let byName = Dictionary(models.map { ($0.modelName, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = entries.filter { $0.benchmarkName == category && byName[$0.modelName] != nil }
        let sorted = rows.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        return sorted.compactMap { e in
            guard let m = byName[e.modelName] else { return nil }
            return MatrixRow(modelName: m.modelName, benchmarkScore: e.score,
                             percentOfSOTA: BenchmarkMath.fractionOfSOTA(score: e.score, sota: sota),
                             totalBenchmarkCost: BenchmarkMath.totalBenchmarkCost(
                                modelName: m.modelName, category: category, entries: entries, assumptions: search.assumptions),
                             cells: cells(model: m, search: search), isUnranked: false)
        }
    }

    /// Unranked rows: models without a score in the category, biggest min VRAM first (§2.14).
    ///
    /// - Parameters:
    ///   - models: models.json rows.
    ///   - entries: Latest snapshot rows.
    ///   - category: `overall` or a category.
    ///   - search: Offerings, specs, settings.
    public static func unranked(models: [ModelSpec], entries: [BenchmarkEntry], category: String,
                                search: SetupSearch) -> [MatrixRow] {
        let a = search.assumptions
        return models.filter { Budget.score(of: $0.modelName, category: category, entries: entries) == nil }
            .enumerated().sorted { x, y in
                let (vx, vy) = (x.element.minVRAMGB(assumptions: a), y.element.minVRAMGB(assumptions: a))
                return vx != vy ? vx > vy : x.offset < y.offset
            }.map { item in
                MatrixRow(modelName: item.element.modelName, benchmarkScore: nil, percentOfSOTA: nil, totalBenchmarkCost: nil,
                          cells: cells(model: item.element, search: search), isUnranked: true)
            }
    }

    static func cells(model: ModelSpec, search: SetupSearch) -> [MatrixCell] {
        search.assumptions.performanceColumnStreams.map { MatrixCell(minStreams: $0, setup: search.setupsOrScaled(for: model, concurrency: $0, limit: 1).first) }
    }
}

/// An open-weights model the category ranks that has no `models.json` row, so no setup: listed under
/// the matrix with why and what a maintainer does, so every ranked open model is accounted for.
public struct UnsizedRow: Sendable, Hashable {
    /// The leaderboard's name.
    public var modelName: String
    /// Score in the category.
    public var benchmarkScore: Double
    /// Score / SOTA (fraction), `nil` without a SOTA row.
    public var percentOfSOTA: Double?
    /// Why it has no size (``UnsizedModel/Reason/notFetched`` when `unsized_models.json` does not list it either).
    public var reason: UnsizedModel.Reason
    /// The models step's message, or empty.
    public var detail: String
}

extension PerformanceMatrix {
    /// The category's open-weights models without a `models.json` row, by score descending (stable).
    ///
    /// - Parameters:
    ///   - models: models.json rows.
    ///   - entries: Latest snapshot rows.
    ///   - sota: The category's SOTA row.
    ///   - category: `overall` or a category.
    ///   - known: `unsized_models.json`: the reason of each, when the models step recorded one.
    public static func unsized(models: [ModelSpec], entries: [BenchmarkEntry], sota: SOTAEntry?, category: String,
                               known: [UnsizedModel]) -> [UnsizedRow] {
        let sized = Set(models.map(\.modelName))
        let reasons = Dictionary(known.map { ($0.modelName, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = entries.filter { $0.benchmarkName == category && $0.openness == "open_weights" && !sized.contains($0.modelName) }
        return rows.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element).map { entry in
            let recorded = reasons[entry.modelName]
            return UnsizedRow(modelName: entry.modelName, benchmarkScore: entry.score,
                              percentOfSOTA: BenchmarkMath.fractionOfSOTA(score: entry.score, sota: sota),
                              reason: recorded?.reason ?? .notFetched, detail: recorded?.detail ?? "")
        }
    }

    /// Each ranked model's place among all the category's open-weights models, sized or not, by score
    /// descending (sized first on a tie): the rank pill, so an unsized model keeps its place.
    public static func ranks(ranked: [MatrixRow], unsized: [UnsizedRow]) -> [String: Int] {
        let scored = ranked.map { ($0.modelName, $0.benchmarkScore ?? 0) } + unsized.map { ($0.modelName, $0.benchmarkScore) }
        let order = scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }
        var ranks: [String: Int] = [:]
        for (index, item) in order.enumerated() where ranks[item.element.0] == nil { ranks[item.element.0] = index + 1 }
        return ranks
    }
}
