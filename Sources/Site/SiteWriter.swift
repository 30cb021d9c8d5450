import Foundation
import Plot
import SeekCore
import Sizing

/// Writes the static site: the home page, the Methodology page and the stylesheet.
///
/// Output is deterministic (no clocks), and each file is written atomically only when its bytes change.
public struct SiteWriter {
    /// The directory the site is written into (created if missing).
    public var outputDirectory: URL

    /// Creates a writer.
    ///
    /// - Parameter outputDirectory: The site's root directory.
    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    /// Writes every page.
    ///
    /// - Parameters:
    ///   - latest: The newest snapshot, or nil when there is none yet.
    ///   - assumptions: The sizing constants shown on the Methodology page.
    ///   - models: models.json rows, sized on `search`'s priced setups; nil `search` leaves the setups out.
    ///   - history: every published snapshot, each rendered at `snapshots/DATE/` and listed on the home page.
    /// - Returns: The site-relative paths of the files whose contents changed, e.g. `index.html`.
    /// - Throws: `FileWriteError` when a file cannot be written.
    public func write(latest: Snapshot?, assumptions: SizingAssumptions,
                      models: [ModelSpec] = [], search: SetupSearch? = nil, history: [Snapshot] = []) throws -> [String] {
        let days = history.map(\.day)
        var files: [(path: String, contents: String)] = [
            ("index.html", Self.renderIndex(latest: latest, models: models, search: search, days: days)),
            ("methodology/index.html", MethodologyPage(assumptions: assumptions).render()),
            ("assets/site.css", siteCSS),
        ]
        if let latest {
            files += Self.categories(of: latest).dropFirst().compactMap { category in
                ModelPage.slug(of: category).map {
                    ("categories/\($0)/index.html", Self.renderIndex(latest: latest, models: models, search: search,
                                                                   days: days, category: category))
                }
            }
        }
        files += history.map { (SnapshotPages.path(of: $0.day), SnapshotPages.render($0, all: days)) }
        if let search {
            files += models.compactMap { model in
                ModelPage.slug(of: model.modelName).map {
                    ("models/\($0)/index.html", ModelPage.render(model, search: search, history: history))
                }
            }
        }
        var changed: [String] = []
        for file in files {
            let url = outputDirectory.appendingPathComponent(file.path)
            if try AtomicFile.writeIfChanged(Array(file.contents.utf8), to: url) {
                changed.append(file.path)
            }
        }
        return changed
    }

    /// The GPU setups of the open-weights models, ranked by the overall score, then the unranked ones.
    static func setupsSection(latest: Snapshot, models: [ModelSpec], search: SetupSearch?, category: String,
                              rootPath: String) -> Node<HTML.BodyContext> {
        guard let search, !models.isEmpty else { return .empty }
        let sota = latest.sota.first { $0.benchmarkName == category }
        let display = latest.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName.lowercased() ?? category
        let ranked = PerformanceMatrix.ranked(models: models, entries: latest.entries, sota: sota,
                                              category: category, search: search)
        let unranked = PerformanceMatrix.unranked(models: models, entries: latest.entries, category: category,
                                                  search: search)
        return .group(
            .h2(.text("What it takes to self-host them")),
            .p(escapedAttribute("class", "lede"),
               .text("The cheapest priced GPU setup that serves one stream (Fit) and 100 concurrent streams (Scale), "
                   + "with its monthly cost at 720 hours. See Methodology for how memory, speed and streams are estimated.")),
            .if(!ranked.isEmpty, .component(SetupsTable(rows: ranked, caption: "Open-weights models by \(display) score",
                                                        rootPath: rootPath))),
            .if(!unranked.isEmpty, .component(SetupsTable(rows: unranked,
                                                          caption: "Open-weights models with no \(display) score",
                                                          rootPath: rootPath)))
        )
    }

    /// Renders the home page (Performance): the latest overall leaderboard, or a "no data yet" message.
    ///
    /// - Parameter latest: The newest snapshot, if any.
    /// - Returns: The HTML document.
    /// - Parameter category: `overall` for the home page; another category renders its page at
    ///   `categories/NAME/` (the category selector, pre-rendered so it works without JavaScript).
    public static func renderIndex(latest: Snapshot?, models: [ModelSpec] = [], search: SetupSearch? = nil,
                                   days: [Day] = [], category: String = "overall") -> String {
        let rootPath = category == "overall" ? "" : "../../"
        let shell = PageShell(title: PageShell.siteName, section: .performance, rootPath: rootPath)
        let content: Node<HTML.BodyContext>
        if let latest, latest.entries.contains(where: { $0.benchmarkName == category }) {
            let display = latest.entries.first { $0.benchmarkName == category }?.benchmarkDisplayName ?? category
            content = .group(
                .h1(.text("Top coding models")),
                categoryNav(categories(of: latest), current: category, snapshot: latest, rootPath: rootPath),
                .p(
                    escapedAttribute("class", "lede"),
                    .text(category == "overall"
                        ? "Models ranked by their OpenHands Index score, averaged over all five categories, in the snapshot of \(latest.day)."
                        : "Models ranked by their OpenHands Index \(display) score, in the snapshot of \(latest.day).")
                ),
                .component(LeaderboardTable(snapshot: latest, category: category)),
                setupsSection(latest: latest, models: models, search: search, category: category, rootPath: rootPath),
                SnapshotPages.dateList(days, current: nil, rootPath: rootPath)
            )
        } else {
            content = .group(
                .h1(.text("Top coding models")),
                .p(escapedAttribute("class", "empty"), .text("No data yet: no leaderboard snapshot has been recorded."))
            )
        }
        return shell.render(content)
    }

    /// The snapshot's categories, overall first, in published order.
    static func categories(of snapshot: Snapshot) -> [String] {
        var names: [String] = []
        for entry in snapshot.entries where !names.contains(entry.benchmarkName) { names.append(entry.benchmarkName) }
        return names
    }

    /// Links to each category's pre-rendered page; the current one is marked.
    static func categoryNav(_ categories: [String], current: String, snapshot: Snapshot, rootPath: String) -> Node<HTML.BodyContext> {
        guard categories.count > 1 else { return .empty }
        return .nav(
            escapedAttribute("class", "categories"),
            escapedAttribute("aria-label", "Category"),
            .ul(.forEach(categories.filter { $0 == "overall" || ModelPage.slug(of: $0) != nil }) { name in
                let display = snapshot.entries.first { $0.benchmarkName == name }?.benchmarkDisplayName ?? name
                return .li(.a(
                    escapedAttribute("href", name == "overall" ? (rootPath.isEmpty ? "./" : rootPath) : rootPath + "categories/\(name)/"),
                    .if(name == current, escapedAttribute("aria-current", "page")),
                    .text(display)
                ))
            })
        )
    }
}
