import Plot

/// A rendered file of the site.
struct SiteFile {
    /// The path under the site root, e.g. `budget/index.html`.
    var path: String
    /// The file's text.
    var contents: String
}

/// A page with a scenario region: rendered whole for the default scenario, and for every scenario of
/// the grid as a small page holding only that region (`scenarios/ID/<folder>region.html`).
///
/// The script swaps the region of such a page into the open one; opened by itself it is a styled page
/// of the site whose links work, since its `<base>` is the page's folder.
struct ScenarioPage {
    /// The page's folder under the site root: `""` for the home page, `categories/frontend/`, ….
    var folder: String
    /// The page's section and title, for the region pages.
    var section: SiteSection
    var title: String
    /// The whole page for a content.
    var render: (SiteContent) -> String
    /// Only the scenario region's inner HTML for a content.
    var region: (SiteContent) -> Node<HTML.BodyContext>

    /// The page's path, e.g. `categories/frontend/index.html`.
    var path: String { folder + "index.html" }

    /// The fragment's path for a scenario.
    func fragmentPath(_ scenario: Scenario) -> String { "scenarios/\(scenario.id)/\(folder)region.html" }

    /// The files of this page: the page for `content`'s scenario and one fragment per scenario of `grid`.
    func files(_ content: SiteContent, grid: [Scenario]) -> [SiteFile] {
        [SiteFile(path: path, contents: render(content))]
            + grid.map { SiteFile(path: fragmentPath($0), contents: regionPage(content.with($0))) }
    }

    /// The region of `content`'s scenario as a page of its own.
    func regionPage(_ content: SiteContent) -> String {
        let scenario = content.scenario
        let depth = fragmentPath(scenario).split(separator: "/").count - 1
        let toPage = String(repeating: "../", count: depth)
        let rootPath = String(repeating: "../", count: folder.split(separator: "/").count)
        let shell = PageShell(title: "\(title) · \(ScenarioSection.describe(scenario))", section: section,
                              rootPath: rootPath, chrome: content.chrome, baseHref: toPage + folder)
        return shell.render(.group(
            .h1(.text(title)),
            .p(escapedAttribute("class", "lede"),
               .text("The figures of this page for other Advanced Settings: \(ScenarioSection.describe(scenario)). "),
               .a(escapedAttribute("href", "./?scenario=\(scenario.id)"), .text("Open the whole page with these settings")),
               .text(".")),
            ScenarioSection.regionDiv(scenario, region(content))
        ))
    }
}
