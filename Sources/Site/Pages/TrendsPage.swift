import Plot
import SeekCore
import Sizing

/// The Trends persona ("How is the landscape evolving?", reference-site.md §1.7): seven charts as inline
/// SVG, each followed by its data table, for one category per page.
///
/// `trends/` shows `overall`; every other path-safe category is pre-rendered at `trends/NAME/`.
/// No JavaScript: the reference's tabs become sections, its model select the best open model's curve.
enum TrendsPage {
    /// The Trends files: `trends/index.html` (overall, or "no data yet"), then `trends/NAME/index.html`.
    static func files(_ content: SiteContent) -> [SiteFile] {
        categories(content).map { category in
            SiteFile(path: "trends/" + folder(category) + "index.html", contents: render(content, category: category))
        }
    }

    /// overall, then the latest snapshot's other categories whose names are safe as a path component.
    static func categories(_ content: SiteContent) -> [String] {
        let all = content.latest.map(SiteWriter.categories(of:)) ?? []
        return ["overall"] + all.dropFirst().filter { $0 != "overall" && ModelPage.slug(of: $0) != nil }
    }

    /// The category's folder under `trends/`: `""` for overall, `NAME/` otherwise.
    static func folder(_ category: String) -> String { category == "overall" ? "" : category + "/" }

    /// Renders a category's Trends page, or a "no data yet" message before the first snapshot.
    static func render(_ content: SiteContent, category: String = "overall") -> String {
        let rootPath = category == "overall" ? "../" : "../../"
        let shell = PageShell(title: "Trends", section: .trends, rootPath: rootPath, chrome: content.chrome)
        guard let data = TrendData(content, category: category) else {
            return shell.render(.group(
                .h1(.text("Trends")),
                .p(escapedAttribute("class", "empty"), .text("No data yet: no leaderboard snapshot has been recorded."))
            ))
        }
        let sections = [gapSection(data), costSection(data), sotaSection(data), sizeSection(data),
                        apiCostSection(data), nodePriceSection(data), scalingSection(data, rootPath: rootPath)]
        return shell.render(.group(
            .h1(.text("Trends")),
            categoryNav(content, current: category, rootPath: rootPath),
            .p(escapedAttribute("class", "lede"),
               .text("How the best open-weights model compares with the best closed one over time, what self-hosting it "
                   + "costs, and how GPU rental prices move, on \(data.categoryLabel). Updated with every OpenHands Index "
                   + "snapshot; this page uses \(data.snapshots.count) snapshot\(data.snapshots.count == 1 ? "" : "s"), "
                   + "the latest of \(data.latestDay.iso).")),
            .nav(escapedAttribute("class", "trend-toc"), escapedAttribute("aria-label", "Charts"),
                 .ul(.forEach(sections) { .li(.a(escapedAttribute("href", "#\($0.id)"), .text($0.tab))) })),
            .forEach(sections) { $0.render() }
        ))
    }

    /// Links to each category's Trends page; the current one is marked.
    static func categoryNav(_ content: SiteContent, current: String, rootPath: String) -> Node<HTML.BodyContext> {
        let names = categories(content)
        guard names.count > 1, let latest = content.latest else { return .empty }
        return .nav(
            escapedAttribute("class", "categories"),
            escapedAttribute("aria-label", "Category"),
            .ul(.forEach(names) { name in
                .li(.a(
                    escapedAttribute("href", rootPath + "trends/" + folder(name)),
                    .if(name == current, escapedAttribute("aria-current", "page")),
                    .text(latest.entries.first { $0.benchmarkName == name }?.benchmarkDisplayName ?? name)
                ))
            })
        )
    }
}
