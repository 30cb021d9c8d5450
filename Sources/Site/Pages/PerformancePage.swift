import Plot
import SeekCore
import Sizing

/// The Performance persona: a category's leaderboard and the GPU setups that self-host each open model.
///
/// The home page shows `overall`; every other category is pre-rendered at `categories/NAME/`
/// (the category selector works without JavaScript).
enum PerformancePage {
    /// The scenario pages: overall at the root, then one per category with a path-safe name.
    static func pages(_ content: SiteContent) -> [ScenarioPage] {
        let categories = content.latest.map(SiteWriter.categories(of:)) ?? []
        let others = categories.dropFirst().filter { ModelPage.slug(of: $0) != nil }
        return (["overall"] + others).map { category in
            let folder = category == "overall" ? "" : "categories/\(category)/"
            let title = category == "overall" ? "Top coding models"
                : "Top coding models: \(content.latest?.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName ?? category)"
            return ScenarioPage(folder: folder, section: .performance, title: title,
                                render: { render($0, category: category) },
                                region: { setupsSection($0, category: category, rootPath: rootPath(category)) })
        }
    }

    static func rootPath(_ category: String) -> String { category == "overall" ? "" : "../../" }

    /// Renders a category's page, or a "no data yet" message before the first snapshot.
    static func render(_ content: SiteContent, category: String = "overall") -> String {
        let rootPath = rootPath(category)
        let hasSizing = content.search != nil
        let shell = PageShell(title: PageShell.siteName, section: .performance, rootPath: rootPath,
                              scenarioPage: hasSizing ? (category == "overall" ? "" : "categories/\(category)/") : nil,
                              chrome: content.chrome)
        guard let latest = content.latest, latest.entries.contains(where: { $0.benchmarkName == category }) else {
            return shell.render(.group(
                .h1(.text("Top coding models")),
                .p(escapedAttribute("class", "empty"), .text("No data yet: no leaderboard snapshot has been recorded."))
            ))
        }
        let display = latest.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName ?? category
        return shell.render(.group(
            .h1(.text("Top coding models")),
            SiteWriter.categoryNav(SiteWriter.categories(of: latest), current: category, snapshot: latest, rootPath: rootPath),
            .p(
                escapedAttribute("class", "lede"),
                .text(category == "overall"
                    ? "Models ranked by their OpenHands Index score, averaged over all five categories, in the snapshot of \(SiteFormat.date(latest.day))."
                    : "Models ranked by their OpenHands Index \(display) score, in the snapshot of \(SiteFormat.date(latest.day)).")
            ),
            .if(hasSizing, .group(
                .h2(.text("What it takes to self-host them")),
                .p(escapedAttribute("class", "lede"),
                   .text("The cheapest priced GPU setup that serves one stream (Fit) and 100 concurrent streams (Scale), "
                       + "with its monthly cost at 720 hours. See Methodology for how memory, speed and streams are estimated.")),
                LicenceFilter(models: content.models).node,
                ScenarioSection.wrap(content.scenario, setupsSection(content, category: category, rootPath: rootPath)),
                .h2(.text("Full leaderboard")),
                .p(escapedAttribute("class", "lede"), .text("Every model of the snapshot, open and closed, with its cost per task. "),
                   .a(escapedAttribute("href", rootPath + "coverage/"), .text("Which model has a score in which category")),
                   .text("."))
            )),
            .component(LeaderboardTable(snapshot: latest, category: category, modelPages: content.modelPages, rootPath: rootPath)),
            SnapshotPages.dateList(content.history.map(\.day), current: nil, rootPath: rootPath)
        ))
    }

    /// The scenario region: the setups of the ranked open-weights models, then the unranked ones.
    static func setupsSection(_ content: SiteContent, category: String, rootPath: String) -> Node<HTML.BodyContext> {
        guard let latest = content.latest, let search = content.search else { return .empty }
        let sota = latest.sota.first { $0.benchmarkName == category }
        let display = latest.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName.lowercased() ?? category
        let ranked = PerformanceMatrix.ranked(models: content.models, entries: latest.entries, sota: sota,
                                              category: category, search: search)
        let unranked = PerformanceMatrix.unranked(models: content.models, entries: latest.entries, category: category,
                                                  search: search)
        let unsized = PerformanceMatrix.unsized(models: content.models, entries: latest.entries, sota: sota, category: category,
                                                known: content.unsized)
        let ranks = PerformanceMatrix.ranks(ranked: ranked, unsized: unsized)
        let api = APIVerdict.bestClosedAPI(prices: content.apiPrices, entries: latest.entries, category: category)
        var verdicts: [String: APIVerdict] = [:]
        if let api {
            for row in ranked + unranked {
                verdicts[row.modelName] = APIVerdict(setups: row.cells.compactMap(\.setup), api: api, settings: search.settings,
                                                     assumptions: search.assumptions)
            }
        }
        let links = content.deployLinks
        let deploy: @Sendable (MatrixRow, GPUSetup?) -> String? = { row, setup in
            guard let setup, !setup.isProjected else { return nil }
            return links[SiteContent.deployKey(model: row.modelName, gpuName: setup.gpuName, gpuCount: setup.gpuCount)]
                .map { rootPath + $0 }
        }
        return .group(
            ScenarioSection.summary(content.scenario),
            answer(ranked: ranked, verdicts: verdicts, api: api, ranks: ranks),
            .if(!ranked.isEmpty || !unsized.isEmpty,
                .component(SetupsTable(rows: ranked, caption: "Open-weights models by \(display) score",
                                       rootPath: rootPath, models: content.models, sota: sota,
                                       assumptions: search.assumptions, unsized: unsized, ranks: ranks, api: api,
                                       verdicts: verdicts, deploy: deploy))),
            .if(!unsized.isEmpty, .p(escapedAttribute("class", "muted unsized-note"),
                                     .text("\(SiteFormat.count(unsized.count, "ranked open-weights model")) at the bottom "
                                         + "could not be sized yet; each says why and what a maintainer does about it."))),
            .if(!unranked.isEmpty, .component(SetupsTable(rows: unranked,
                                                          caption: "Open-weights models with no \(display) score",
                                                          rootPath: rootPath, models: content.models,
                                                          assumptions: search.assumptions, api: api, verdicts: verdicts,
                                                          deploy: deploy)))
        )
    }

    /// The one-minute answer above the matrix: the best-ranked open model that a priced setup serves, what that
    /// costs and how it compares with the best closed API; then the cheapest model to run of those within 10 points.
    static func answer(ranked: [MatrixRow], verdicts: [String: APIVerdict], api: APIPrice?, ranks: [String: Int]) -> Node<HTML.BodyContext> {
        let served = ranked.filter { $0.cells.first?.setup.map { !$0.isProjected } ?? false }
        guard let best = served.first, let setup = best.cells.first?.setup else { return .empty }
        func place(_ row: MatrixRow) -> String {
            "#\(ranks[row.modelName] ?? 0)" + (row.percentOfSOTA.map { ", \(SiteFormat.percent(fraction: $0)) of SOTA" } ?? "")
        }
        let floor = (best.benchmarkScore ?? 0) - 10
        let cheapest = served.filter { ($0.benchmarkScore ?? 0) >= floor }
            .min { ($0.cells.first?.setup?.monthlyCost ?? .infinity) < ($1.cells.first?.setup?.monthlyCost ?? .infinity) }
        let verdict = verdicts[best.modelName]
        return .div(
            escapedAttribute("class", "answer"),
            .p(.strong(.text("Best open model you can self-host: ")), .text("\(best.modelName) (\(place(best))) on "),
               .strong(.text("\(setup.gpuCount)× \(setup.gpuName)")), .text(" for \(SiteFormat.perMonth(setup.monthlyCost)) a month"),
               .unwrap(verdict.flatMap { v in api.map { (v, $0) } }) { v, api in
                   .text(", \(SetupsTable.verdictText(v)) than \(DisplayName.model(api.modelName)) at "
                       + "\(SiteFormat.requests(v.requestsPerMonth)) requests a month")
               },
               .text(".")),
            .unwrap(cheapest.flatMap { row in row.modelName == best.modelName ? nil : row }) { row in
                .p(.strong(.text("Cheapest within 10 points of it: ")), .text("\(row.modelName) (\(place(row))) on "),
                   .strong(.text("\(row.cells.first?.setup.map { "\($0.gpuCount)× \($0.gpuName)" } ?? "")")),
                   .text(" for \(row.cells.first?.setup.map { SiteFormat.perMonth($0.monthlyCost) } ?? "") a month."))
            }
        )
    }
}
