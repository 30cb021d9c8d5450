import Foundation
import Plot
import SeekCore
import Sizing

/// Writes the static site: every page, the scenario fragments, the stylesheet and the script.
///
/// Output is deterministic (no clocks), and each file is written atomically only when its bytes change.
public struct SiteWriter {
    /// The directory the site is written into (created if missing).
    public var outputDirectory: URL
    /// The scenarios pre-rendered as fragments (the Advanced Settings choices).
    public var scenarios: [Scenario]
    /// The stylesheet, scripts and favicon, copied as they are.
    public var assets: SiteAssets

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - outputDirectory: The site's root directory.
    ///   - assets: The files of `web/assets/` (``SiteAssets/load(from:)``).
    ///   - scenarios: The Advanced Settings grid; empty renders only the default scenario (faster tests).
    public init(outputDirectory: URL, assets: SiteAssets, scenarios: [Scenario] = Scenario.grid) {
        self.outputDirectory = outputDirectory
        self.assets = assets
        self.scenarios = scenarios
    }

    /// Writes every page.
    ///
    /// - Parameter content: The data to render; its scenario is the one the pages show.
    /// - Returns: The site-relative paths of the files whose contents changed, e.g. `index.html`.
    /// - Throws: `FileWriteError` when a file cannot be written.
    public func write(_ content: SiteContent) throws -> [String] {
        var changed: [String] = []
        var content = content
        content.chrome.faviconSVG = assets[SiteAssets.favicon]
        let copies = assets.files.map { SiteFile(path: $0.path, contents: $0.contents) }
        for file in copies + Self.files(content, scenarios: scenarios) {
            let url = outputDirectory.appendingPathComponent(file.path)
            if try AtomicFile.writeIfChanged(Array(file.contents.utf8), to: url) {
                changed.append(file.path)
            }
        }
        return changed
    }

    /// Every rendered file of the site (the assets aside), in a fixed order.
    static func files(_ content: SiteContent, scenarios: [Scenario]) -> [SiteFile] {
        // Each model's setups per weight format, computed once for its page and its Deploy pages.
        var formats: [String: [(ServingQuantization, ModelSpec, [GPUSetup])]] = [:]
        if let search = content.search {
            for model in content.models where formats[model.modelName] == nil {
                formats[model.modelName] = ModelPage.setupsByFormat(model, search: search)
            }
        }
        let deploys = DeployPages.entries(content, formats: formats)
        var content = content
        content.deployLinks = DeployPages.links(deploys)
        let days = content.history.map(\.day)
        let grid = content.search == nil ? [] : scenarios
        var files = [
            SiteFile(path: "methodology/index.html", contents: MethodologyPage(assumptions: content.assumptions, vllmAgreement: content.vllmAgreement, chrome: content.chrome).render()),
            SiteFile(path: CoveragePage.path, contents: CoveragePage.render(content)),
        ]
        files += PerformancePage.pages(content).flatMap { $0.files(content, grid: grid) }
        files += BudgetPage.pages(content).flatMap { $0.files(content, grid: grid) }
        files += TrendsPage.files(content)
        files += DeployPages.files(deploys, table: content.servingTable, chrome: content.chrome)
        let modelPages = content.modelPages
        files += content.history.map {
            SiteFile(path: SnapshotPages.path(of: $0.day),
                     contents: SnapshotPages.render($0, all: days, modelPages: modelPages, chrome: content.chrome))
        }
        if let search = content.search {
            let api = content.latest.flatMap { APIVerdict.bestClosedAPI(prices: content.apiPrices, entries: $0.entries, category: "overall") }
            files += content.models.compactMap { model in
                ModelPage.slug(of: model.modelName).map {
                    SiteFile(path: "models/\($0)/index.html", contents: ModelPage.render(model, search: search, history: content.history,
                                                                                      deployLinks: content.deployLinks,
                                                                                      formats: formats[model.modelName], api: api,
                                                                                      chrome: content.chrome))
                }
            }
        }
        return files
    }

    /// Renders the home page (Performance) of `category`; see ``PerformancePage``.
    public static func renderIndex(_ content: SiteContent, category: String = "overall") -> String {
        PerformancePage.render(content, category: category)
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
