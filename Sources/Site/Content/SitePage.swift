import Plot

/// A rendered file of the site.
struct SiteFile {
    /// The path under the site root, e.g. `budget/index.html`.
    var path: String
    /// The file's text.
    var contents: String
}

/// A page with a scenario region: rendered whole for the default scenario, and as a region
/// fragment (`scenarios/ID/<folder>region.html`) for every scenario of the grid.
struct ScenarioPage {
    /// The page's folder under the site root: `""` for the home page, `categories/frontend/`, ….
    var folder: String
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
            + grid.map { SiteFile(path: fragmentPath($0), contents: region(content.with($0)).render()) }
    }
}
