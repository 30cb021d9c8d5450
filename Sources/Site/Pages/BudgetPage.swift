import Plot
import SeekCore
import Sizing

/// The Budget persona, "What's the best model for my GPU?" (reference-site.md §1.4).
///
/// `budget/` shows the first (cheapest) preset and `budget/SLUG/` each preset, so the preset selector
/// is a list of links that works without JavaScript. The preset list is computed once for the default
/// scenario, so the set of pages never depends on the Advanced Settings; each page's region is
/// computed for the content's scenario. Models are ranked by their overall score.
enum BudgetPage {
    /// The category Budget ranks by.
    static let category = "overall"

    /// `budget/`, then one page per preset.
    static func pages(_ content: SiteContent) -> [ScenarioPage] {
        let presets = BudgetPreset.list(content.with(.default))
        let pages = [("budget/", 0)] + presets.indices.map { ("budget/\(presets[$0].slug)/", $0) }
        return pages.map { folder, index in
            ScenarioPage(folder: folder, section: .budget, title: presets.indices.contains(index) ? "Budget: \(presets[index].config.label)" : "Budget",
                         render: { render($0, presets: presets, selected: index, folder: folder) },
                         region: { region($0, presets: presets, selected: index, rootPath: rootPath(folder)) })
        }
    }

    /// The path from a page folder back to the site root: `../` for `budget/`, `../../` below it.
    static func rootPath(_ folder: String) -> String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }

    /// Renders a Budget page.
    ///
    /// - Parameters:
    ///   - content: The data and the scenario the region is computed for.
    ///   - presets: Every preset (the selector), computed for the default scenario.
    ///   - selected: Index of the preset this page shows.
    ///   - folder: The page's folder, e.g. `budget/` or `budget/8x-rtxpro6000/`.
    static func render(_ content: SiteContent, presets: [BudgetPreset], selected: Int, folder: String) -> String {
        let rootPath = rootPath(folder)
        let preset = presets.indices.contains(selected) ? presets[selected] : nil
        let title = preset.map { "Budget: \($0.config.label)" } ?? "Budget"
        let hasRegion = preset != nil && content.search != nil && content.latest != nil
        let shell = PageShell(title: title, section: .budget, rootPath: rootPath, scenarioPage: hasRegion ? folder : nil,
                              chrome: content.chrome)
        let heading = Node<HTML.BodyContext>.h1(.text("What's the best model for my GPU?"))
        guard let latest = content.latest else {
            return shell.render(.group(heading, empty("No data yet: no leaderboard snapshot has been recorded.")))
        }
        guard let preset else {
            return shell.render(.group(heading, empty("No GPU configuration can host the current top models.")))
        }
        return shell.render(.group(
            heading,
            .p(escapedAttribute("class", "lede"),
               .text("Pick a GPU configuration to see which open-weights coding models it serves, how many requests per "
                   + "hour and developers it handles, and how its cost compares with closed-model APIs. Models are "
                   + "ranked by their overall OpenHands Index score in the snapshot of \(SiteFormat.date(latest.day)); per-category "
                   + "rankings are on the "),
               .a(escapedAttribute("href", rootPath), .text("Performance page")),
               .text(".")),
            selector(presets, selected: selected, rootPath: rootPath),
            .p(escapedAttribute("class", "budget-selected"),
               .text("Selected: "), .strong(.text(preset.config.label)),
               .text(" (\(SiteFormat.gigabytes(preset.config.totalVramGB)) total VRAM) "),
               badge(preset.badge)),
            BudgetCategoryChoice(snapshot: latest).node,
            .nav(escapedAttribute("class", "budget-tabs"), escapedAttribute("aria-label", "Budget sections"),
                 .ul(.li(.a(escapedAttribute("href", "#budget-capacity-title"), .text("Serving capacity"))),
                     .li(.a(escapedAttribute("href", "#budget-api-title"), .text("API vs. self-hosting"))))),
            hasRegion
                ? ScenarioSection.wrap(content.scenario, region(content, presets: presets, selected: selected, rootPath: rootPath))
                : region(content, presets: presets, selected: selected, rootPath: rootPath)
        ))
    }

    /// The scenario region: the summary, Serving capacity and API vs. self-hosting for the preset.
    static func region(_ content: SiteContent, presets: [BudgetPreset], selected: Int, rootPath: String) -> Node<HTML.BodyContext> {
        guard let latest = content.latest else {
            return empty("No data yet: no leaderboard snapshot has been recorded.")
        }
        guard presets.indices.contains(selected), let search = content.search else {
            return empty("No GPU configuration can host the current top models.")
        }
        let preset = presets[selected]
        let utilization = content.scenario.memoryUtilization
        let points = Budget.chartPoints(config: preset.config, models: content.models, entries: latest.entries,
                                        sota: latest.sota.first { $0.benchmarkName == category }, category: category,
                                        memoryUtilization: utilization, search: search)
        return .group(
            ScenarioSection.summary(content.scenario),
            BudgetCapacityTable(points: points, preset: preset, memoryUtilization: utilization, rootPath: rootPath,
                                requestsPerDeveloperHour: search.assumptions.requestsPerDeveloperHour,
                                hasDatasheet: search.specs[preset.config.gpuName] != nil,
                                deployLinks: content.deployLinks,
                                categoryScores: BudgetCategoryChoice(snapshot: latest).scores).node,
            BudgetAPISection(points: points, preset: preset, models: content.models, apiPrices: content.apiPrices,
                             search: search, memoryUtilization: utilization,
                             hasDatasheet: search.specs[preset.config.gpuName] != nil).node
        )
    }

    /// Links to every preset's page, the current one marked, each with its badge and monthly cost.
    static func selector(_ presets: [BudgetPreset], selected: Int, rootPath: String) -> Node<HTML.BodyContext> {
        .nav(
            escapedAttribute("class", "budget-presets"),
            escapedAttribute("aria-label", "GPU configuration"),
            .ul(.forEach(Array(presets.enumerated())) { index, preset in
                .li(.a(
                    escapedAttribute("href", rootPath + "budget/\(preset.slug)/"),
                    .if(index == selected, escapedAttribute("aria-current", "page")),
                    .span(escapedAttribute("class", "preset-label"), .text(preset.config.label)),
                    badge(preset.badge),
                    .span(escapedAttribute("class", "preset-cost"),
                          .text(preset.monthlyCost.map { SiteFormat.perMonth($0) + "/mo" } ?? "no price"))
                ))
            })
        )
    }

    /// An interconnect badge; generic so it sits in body text and inside the selector's links.
    private static func badge<Context>(_ label: String) -> Node<Context> {
        .element(named: "span", nodes: [escapedAttribute("class", "badge interconnect"), .text(label)])
    }

    private static func empty(_ text: String) -> Node<HTML.BodyContext> {
        .p(escapedAttribute("class", "empty"), .text(text))
    }
}
