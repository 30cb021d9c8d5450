extension DataDiff {
    /// The longest a summary line may be: git's conventional subject limit.
    public static let summaryLimit = 72

    /// A git subject line (at most 72 characters) naming the most important changes first, e.g.
    /// `2 new models; H100×8 −4.2%; snapshot 2026-06-18` or
    /// `prices: 14 configs moved (max H200×8 +6.1%)`; `data: no changes` when nothing changed.
    ///
    /// Fragments are taken in priority order (models, prices, snapshots, state of the art, the
    /// rest); one that does not fit is left out and shorter later ones may still follow.
    public var summaryLine: String {
        if isEmpty { return "data: no changes" }
        var line = ""
        for fragment in summaryFragments {
            let candidate = line.isEmpty ? fragment : line + "; " + fragment
            if candidate.count <= Self.summaryLimit {
                line = candidate
            } else if line.isEmpty {
                line = String(fragment.prefix(Self.summaryLimit - 1)) + "…"
            }
        }
        return line.isEmpty ? "data: \(Format.count(files.entries.count, "file")) changed" : line
    }

    /// Every summary fragment, most important first.
    var summaryFragments: [String] {
        if isFirstRun { return firstRunFragments }
        var fragments: [String] = []
        fragments += modelFragments
        fragments += priceFragments
        fragments += snapshotFragments
        if let stale = sources.newlyStale.first {
            fragments.append(sources.newlyStale.count == 1 ? "\(stale.name) stale" : "\(sources.newlyStale.count) providers stale")
        }
        fragments += apiFragments
        if let change = sizingModel { fragments.append("sizing: \(change.new ?? "reference reserve")") }
        if !prices.appeared.isEmpty { fragments.append(Format.count(prices.appeared.count, "new config")) }
        if !prices.disappeared.isEmpty { fragments.append(Format.count(prices.disappeared.count, "config") + " gone") }
        if !models.changed.isEmpty {
            fragments.append(models.changed.count == 1 ? "\(models.changed[0].key) spec changed"
                             : Format.count(models.changed.count, "model spec") + " changed")
        }
        if !prices.addedOfferings.isEmpty || !prices.removedOfferings.isEmpty {
            fragments.append("+\(prices.addedOfferings.count)/\(Format.minus)\(prices.removedOfferings.count) offerings")
        }
        if let version = Set(sources.versionChanges.compactMap(\.new)).sorted().last {
            fragments.append("catalog \(version)")
        }
        if !gpuSpecs.isEmpty {
            fragments.append(Format.count(gpuSpecs.added.count + gpuSpecs.removed.count + gpuSpecs.changed.count, "GPU spec")
                             + " changed")
        }
        if !unreadable.isEmpty { fragments.append("unreadable: " + unreadable.joined(separator: ", ")) }
        if fragments.isEmpty, !files.isEmpty {
            fragments.append(files.entries.count == 1 ? "data: \(files.entries[0].path) \(files.entries[0].kind.rawValue)"
                             : "data: \(Format.count(files.entries.count, "file")) changed")
        }
        if let site = siteFiles, !site.isEmpty {
            fragments.append(files.isEmpty ? "site: \(Format.count(site.entries.count, "file")) changed"
                             : Format.count(site.entries.count, "site file") + " changed")
        }
        return fragments
    }

    private var firstRunFragments: [String] {
        var parts: [String] = []
        if models.newCount > 0 { parts.append(Format.count(models.newCount, "model")) }
        if prices.newOfferings > 0 { parts.append(Format.count(prices.newOfferings, "offering")) }
        if snapshots.dateCount > 0 {
            parts.append(Format.count(snapshots.dateCount, "snapshot") + (snapshots.newLatest.map { " to \($0)" } ?? ""))
        }
        return parts.isEmpty ? ["first data: \(Format.count(files.entries.count, "file"))"]
            : ["first data: " + parts.joined(separator: ", ")]
    }

    private var modelFragments: [String] {
        var fragments: [String] = []
        if models.added.count == 1 { fragments.append("new model \(models.added[0].key)") }
        else if !models.added.isEmpty { fragments.append("\(models.added.count) new models") }
        if models.removed.count == 1 { fragments.append("\(models.removed[0].key) removed") }
        else if !models.removed.isEmpty { fragments.append("\(models.removed.count) models removed") }
        return fragments
    }

    private var priceFragments: [String] {
        guard let top = prices.moves.first else { return [] }
        let move = "\(top.configuration.label) \(Format.percent(top.percent))"
        return prices.moves.count == 1 ? [move] : ["prices: \(prices.moves.count) configs moved (max \(move))"]
    }

    private var snapshotFragments: [String] {
        var fragments: [String] = []
        let added = snapshots.addedDates
        if added.count == 1 { fragments.append("snapshot \(added[0])") }
        else if let last = added.last { fragments.append("\(added.count) snapshots to \(last)") }
        guard let board = snapshots.leaderboard else { return fragments }
        if let overall = board.sotaChanges.first(where: { $0.benchmark == "overall" }), let model = overall.newModel {
            let score = overall.newScore.map { " " + Format.fixed($0, places: 1) } ?? ""
            fragments.append((overall.oldModel == model ? "SOTA " : "new SOTA ") + model + score)
        } else if !board.sotaChanges.isEmpty {
            fragments.append(Format.count(board.sotaChanges.count, "SOTA change"))
        }
        if board.entered.count == 1 { fragments.append("\(board.entered[0].name) on leaderboard") }
        else if !board.entered.isEmpty { fragments.append("\(board.entered.count) models on leaderboard") }
        if !board.scoreChanges.isEmpty { fragments.append(Format.count(board.scoreChanges.count, "score change")) }
        if !board.left.isEmpty { fragments.append("\(board.left.count) left leaderboard") }
        return fragments
    }

    /// One fragment per lab, labs with a new model first; else the largest price change.
    private var apiFragments: [String] {
        let modelChanges = apiPricing.labs.filter { $0.oldModel != $0.newModel }
        return (modelChanges + apiPricing.labs.filter { $0.oldModel == $0.newModel }).map { lab in
            if lab.oldModel != lab.newModel {
                return lab.newModel.map { "API \(lab.lab): \($0)" } ?? "API \(lab.lab) removed"
            }
            if let change = lab.largestPriceChange { return "API \(lab.newModel ?? lab.lab) \(Format.percent(change))" }
            return "API \(lab.newModel ?? lab.lab) changed"
        }
    }
}
