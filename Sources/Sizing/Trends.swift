import SeekCore

/// A change of leaders in the open vs. closed gap trend (§2.20 `computeGapTrend`).
public struct GapPoint: Sendable, Hashable {
    /// The later of the two leaders' first-seen dates.
    public var date: Day
    /// The closed leader's latest score, percent.
    public var closedSourceScore: Double
    /// The closed leader (resolved name).
    public var closedSourceModel: String
    /// The open leader's latest score, percent.
    public var openSourceScore: Double
    /// The open leader (resolved name).
    public var openSourceModel: String

    /// Open score as a fraction of closed: `min(1, closed > 0 ? open / closed : 1)` (§2.20 SOTA-% trend).
    public var percentOfSOTA: Double {
        min(1, closedSourceScore > 0 ? openSourceScore / closedSourceScore : 1)
    }
}

/// API cost per task of both leaders at a gap point (§2.20 efficiency trend).
public struct EfficiencyPoint: Sendable, Hashable {
    /// The gap point's date.
    public var date: Day
    /// The closed leader's latest cost per task, USD.
    public var closedSourceCostPerTask: Double
    /// The closed leader.
    public var closedSourceModel: String
    /// The open leader's latest cost per task, USD.
    public var openSourceCostPerTask: Double
    /// The open leader.
    public var openSourceModel: String
}

/// Trend series over chronological snapshots (§2.20 `lib/trend-data.ts`).
public struct Trends: Sendable {
    /// Snapshots in chronological order.
    public var snapshots: [Snapshot]
    /// Name resolution for snapshot rows.
    public var aliases: ModelAliases
    /// Resolved names counted as open (see ``ModelAliases/openModels(in:)`` for decision 14).
    public var openModels: Set<String>

    /// Creates trends.
    ///
    /// - Parameters:
    ///   - snapshots: Chronological snapshots.
    ///   - aliases: Name resolution.
    ///   - openModels: Resolved open names; `nil` derives them from rows' `openness` (decisions.md 14).
    public init(snapshots: [Snapshot], aliases: ModelAliases, openModels: Set<String>? = nil) {
        self.snapshots = snapshots
        self.aliases = aliases
        self.openModels = openModels ?? aliases.openModels(in: snapshots)
    }

    /// Whether a snapshot name resolves to an open model.
    public func isOpen(_ name: String) -> Bool { openModels.contains(aliases.resolve(name)) }

    /// Leader changes, evaluated with the latest snapshot's scores (§2.20 gap trend).
    ///
    /// - Parameter category: `overall` or a category.
    /// - Returns: One point per change of either leader; empty without snapshots or rows.
    public func gapTrend(category: String) -> [GapPoint] {
        guard let last = snapshots.last else { return [] }
        var latest: [String: Double] = [:]
        for e in last.entries where e.benchmarkName == category {
            let name = aliases.resolve(e.modelName)
            latest[name] = max(latest[name] ?? -.infinity, e.score)
        }
        var firstSeen: [String: Day] = [:]
        var roster: [String] = []
        var points: [GapPoint] = []
        for snapshot in snapshots {
            var added = false
            for e in snapshot.entries where e.benchmarkName == category {
                let name = aliases.resolve(e.modelName)
                if firstSeen[name] == nil { firstSeen[name] = snapshot.day }
                if !roster.contains(name) {
                    roster.append(name)
                    added = true
                }
            }
            if !added && !points.isEmpty { continue }
            var open: (String, Double)?
            var closed: (String, Double)?
            for name in roster {
                guard let score = latest[name] else { continue }
                if openModels.contains(name) {
                    if open.map({ score > $0.1 }) ?? true { open = (name, score) }
                } else if closed.map({ score > $0.1 }) ?? true {
                    closed = (name, score)
                }
            }
            guard let o = open, let c = closed, let oDay = firstSeen[o.0], let cDay = firstSeen[c.0] else { continue }
            if let prev = points.last, prev.openSourceModel == o.0, prev.closedSourceModel == c.0 { continue }
            points.append(GapPoint(date: max(oDay, cDay), closedSourceScore: c.1, closedSourceModel: c.0,
                                   openSourceScore: o.1, openSourceModel: o.0))
        }
        return points
    }

    /// Open score as a fraction of closed per gap point (§2.20 SOTA-% trend).
    ///
    /// - Parameter category: `overall` or a category.
    public func sotaPercentTrend(category: String) -> [(date: Day, percentOfSOTA: Double)] {
        gapTrend(category: category).map { ($0.date, $0.percentOfSOTA) }
    }

    /// Leaders' latest API cost per task per gap point; points without both costs are dropped (§2.20).
    ///
    /// - Parameter category: `overall` or a category.
    public func efficiencyTrend(category: String) -> [EfficiencyPoint] {
        var cost: [String: Double] = [:]
        for e in snapshots.last?.entries ?? [] where e.benchmarkName == category {
            if let c = e.costPerTask { cost[aliases.resolve(e.modelName)] = c }
        }
        return gapTrend(category: category).compactMap { p in
            guard let c = cost[p.closedSourceModel], let o = cost[p.openSourceModel] else { return nil }
            return EfficiencyPoint(date: p.date, closedSourceCostPerTask: c, closedSourceModel: p.closedSourceModel,
                                   openSourceCostPerTask: o, openSourceModel: p.openSourceModel)
        }
    }

    /// The open models of the latest snapshot in a category, best score first (ties in published order), each
    /// name resolved through the aliases, with its models.json row when it has one (nil: not sized).
    ///
    /// - Parameters:
    ///   - category: `overall` or a category.
    ///   - models: models.json rows.
    public func openModelsByScore(category: String, models: [ModelSpec]) -> [(name: String, score: Double, model: ModelSpec?)] {
        let rows = (snapshots.last?.entries ?? []).enumerated().filter { $0.element.benchmarkName == category && isOpen($0.element.modelName) }
        var seen = Set<String>()
        return rows.sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.compactMap { item in
            let name = aliases.resolve(item.element.modelName)
            guard seen.insert(name).inserted else { return nil }
            return (name, item.element.score, models.first { $0.modelName == name })
        }
    }

    /// The best open model of the latest snapshot in a category (strict >, first wins) (§2.20).
    ///
    /// - Parameters:
    ///   - category: `overall` or a category.
    ///   - models: models.json rows.
    /// - Returns: The models.json row of the resolved name, or `nil`.
    public func bestOpenModel(category: String, models: [ModelSpec]) -> ModelSpec? {
        var best: (String, Double)?
        for e in snapshots.last?.entries ?? [] where e.benchmarkName == category && isOpen(e.modelName) {
            if best.map({ e.score > $0.1 }) ?? true { best = (aliases.resolve(e.modelName), e.score) }
        }
        guard let name = best?.0 else { return nil }
        return models.first { $0.modelName == name }
    }
}
