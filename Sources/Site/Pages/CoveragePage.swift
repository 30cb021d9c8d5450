import Plot
import SeekCore
import Sizing

/// The snapshot coverage matrix (reference §1.6): which model has a score in which category, with the
/// closed flagships for comparison and the sized open-weights models that have no result yet.
enum CoveragePage {
    static let path = "coverage/index.html"

    static func render(_ content: SiteContent) -> String {
        let shell = PageShell(title: "Snapshot coverage", section: .performance, rootPath: "../", chrome: content.chrome)
        guard let latest = content.latest else {
            return shell.render(.group(.h1(.text("Snapshot coverage")),
                                       .p(escapedAttribute("class", "empty"), .text("No snapshot data available."))))
        }
        let labs = Dictionary(content.apiPrices.map { ($0.lab, $0.modelName) }, uniquingKeysWith: { first, _ in first })
        let rows = CoverageMatrix.rows(entries: latest.entries, models: content.models.map(\.modelName), closedModelsPerLab: labs)
        let categories = content.assumptions.benchmarkCategories
        let display = { (name: String) in latest.entries.first { $0.benchmarkName == name }?.benchmarkDisplayName ?? name }
        let sections: [(String, [CoverageRow])] = [
            ("Leading closed API models", rows.filter { $0.lab != nil }),
            ("Ranked open-weights models", rows.filter { $0.lab == nil && !$0.isUnranked }),
            ("Unranked open-weights models", rows.filter { $0.lab == nil && $0.isUnranked }),
        ]
        return shell.render(.group(
            .h1(.text("Snapshot coverage")),
            .p(escapedAttribute("class", "lede"),
               .text("Benchmark scores for each model in the snapshot of \(latest.day). Gaps indicate missing data; "
                   + "unranked open-weights models are sized but have no OpenHands Index result yet.")),
            scrollRegion(label: "Snapshot coverage", .table(
                escapedAttribute("class", "coverage"),
                .caption(.text("Scores by category, snapshot of \(latest.day)")),
                .thead(.tr(
                    .th(escapedAttribute("scope", "col"), .text("Model")),
                    .forEach(categories) { .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text(display($0))) }
                )),
                .forEach(sections.filter { !$0.1.isEmpty }) { title, group in
                    .tbody(
                        .tr(.th(escapedAttribute("scope", "colgroup"), escapedAttribute("colspan", String(categories.count + 1)),
                                escapedAttribute("class", "group"), .text(title))),
                        .forEach(group) { row in
                            .tr(
                                .th(escapedAttribute("scope", "row"),
                                    .text(row.modelName + (row.lab.map { " (\(labName($0)))" } ?? ""))),
                                .forEach(categories) { category in
                                    .td(escapedAttribute("class", row.scores[category] == nil ? "num missing" : "num"),
                                        .text(row.scores[category].map(LeaderboardTable.formatScore) ?? "—"))
                                }
                            )
                        }
                    )
                }
            ))
        ))
    }

    static func labName(_ lab: String) -> String {
        switch lab {
        case "anthropic": "Anthropic"
        case "openai": "OpenAI"
        case "google": "Google"
        default: lab
        }
    }
}
