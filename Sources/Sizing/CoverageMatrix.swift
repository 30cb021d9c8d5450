import Foundation
import SeekCore

/// One row of the snapshot coverage matrix (§2.21): a model's scores per category.
public struct CoverageRow: Sendable, Hashable {
    /// The model's name as published.
    public var modelName: String
    /// The lab whose selected closed flagship this is, else nil (an open-weights model).
    public var lab: String?
    /// The overall score, if any.
    public var overallScore: Double?
    /// Scores by benchmark name (categories and overall).
    public var scores: [String: Double]

    /// Whether the model has no overall and no category score.
    public var isUnranked: Bool { overallScore == nil && scores.isEmpty }
}

/// Which models have a score in which category, in the latest snapshot (§2.21 `getMatrixModels`).
public enum CoverageMatrix {
    /// The matrix rows.
    ///
    /// Rows: open-weights rows of the snapshot, rows of the selected closed models, every models.json
    /// name and every selected closed model (even without a row). Sorted by the overall score, else the
    /// mean of the category scores, descending; models without either last, by name.
    /// - Parameters:
    ///   - entries: The snapshot's rows.
    ///   - models: models.json names (sized open-weights models).
    ///   - closedModelsPerLab: lab → the closed model chosen for it (api_pricing.json).
    public static func rows(entries: [BenchmarkEntry], models: [String], closedModelsPerLab: [String: String]) -> [CoverageRow] {
        let labOf = Dictionary(closedModelsPerLab.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) { if seen.insert(name).inserted { order.append(name) } }
        for entry in entries where entry.openness == "open_weights" || labOf[entry.modelName] != nil { add(entry.modelName) }
        models.forEach(add)
        closedModelsPerLab.keys.sorted().compactMap { closedModelsPerLab[$0] }.forEach(add)
        let rows = order.map { name in
            var scores: [String: Double] = [:]
            for entry in entries where entry.modelName == name && scores[entry.benchmarkName] == nil {
                scores[entry.benchmarkName] = entry.score
            }
            return CoverageRow(modelName: name, lab: labOf[name], overallScore: scores["overall"], scores: scores)
        }
        return rows.enumerated().sorted { a, b in
            switch (sortKey(a.element), sortKey(b.element)) {
            case let (x?, y?): x != y ? x > y : a.offset < b.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil):
                a.element.modelName.caseInsensitiveCompare(b.element.modelName) != .orderedSame
                    ? a.element.modelName.caseInsensitiveCompare(b.element.modelName) == .orderedAscending
                    : a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The overall score, else the mean of the non-overall scores, else nil.
    static func sortKey(_ row: CoverageRow) -> Double? {
        if let overall = row.overallScore { return overall }
        let others = row.scores.filter { $0.key != "overall" }.map(\.value)
        return others.isEmpty ? nil : others.reduce(0, +) / Double(others.count)
    }
}
