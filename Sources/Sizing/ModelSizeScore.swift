import SeekCore

/// A point of the Model Size vs. Score chart (§2.20 `computeModelSizeScore`).
public struct ModelSizePoint: Sendable, Hashable {
    /// models.json name.
    public var modelName: String
    /// Best score in the category, or `nil` for an unranked model.
    public var score: Double?
    /// `ceil(weights × 1.15)`, GB.
    public var minVramGB: Double
    /// Learnable parameters, billions (ranked points only).
    public var paramsB: Double?
}

extension Trends {
    /// Ranked and unranked open models for the size chart, from the latest snapshot (§2.20).
    ///
    /// - Parameters:
    ///   - category: `overall` or a category.
    ///   - models: models.json rows.
    ///   - assumptions: The overhead factor.
    /// - Returns: Ranked (best score per resolved open name, first-appearance order, only names in `models`)
    ///   and unranked (open models in list order without a score).
    public func modelSizeScore(category: String, models: [ModelSpec], assumptions: SizingAssumptions = .reference)
        -> (ranked: [ModelSizePoint], unranked: [ModelSizePoint]) {
        var best: [String: Double] = [:]
        var order: [String] = []
        for e in snapshots.last?.entries ?? [] where e.benchmarkName == category {
            let name = aliases.resolve(e.modelName)
            guard openModels.contains(name) else { continue }
            if let s = best[name] { best[name] = max(s, e.score) } else {
                best[name] = e.score
                order.append(name)
            }
        }
        let ranked = order.compactMap { name -> ModelSizePoint? in
            guard let m = models.first(where: { $0.modelName == name }), let score = best[name] else { return nil }
            return ModelSizePoint(modelName: name, score: score, minVramGB: m.minVRAMGB(assumptions: assumptions),
                                  paramsB: m.learnableParamsB)
        }
        let unranked = models.filter { openModels.contains($0.modelName) && best[$0.modelName] == nil }.map {
            ModelSizePoint(modelName: $0.modelName, score: nil, minVramGB: $0.minVRAMGB(assumptions: assumptions), paramsB: nil)
        }
        return (ranked, unranked)
    }
}
