import Plot

/// The sections of the site, in navigation order.
public enum SiteSection: String, CaseIterable, Sendable {
    /// The leaderboard and GPU recommendations (the home page).
    case performance
    /// Models that fit a GPU budget.
    case budget
    /// Price and score history.
    case trends
    /// How every number is computed.
    case methodology

    /// The label shown in the navigation.
    public var title: String {
        switch self {
        case .performance: "Performance"
        case .budget: "Budget"
        case .trends: "Trends"
        case .methodology: "Methodology"
        }
    }

    /// The section's path relative to the site root (a directory, or `./` for the home page).
    public var path: String {
        switch self {
        case .performance: "./"
        case .budget: "budget/"
        case .trends: "trends/"
        case .methodology: "methodology/"
        }
    }
}

/// The HTML document shell shared by every page: head, header with navigation, main and footer.
///
/// All links are relative, so the site works from any base path and from `file://`; the page makes no
/// external requests (no web fonts, no CDNs); pages with Advanced Settings load one small local script.
public struct PageShell {
    /// The site's name, shown in the header and in every `<title>`.
    public static let siteName = "Coding Model Seeks GPU"

    /// The page title (without the site name).
    public var title: String
    /// The section this page belongs to; its navigation link is marked current.
    public var section: SiteSection
    /// The path from this page's directory back to the site root: `""` at the root, `"../"` one level down.
    public var rootPath: String
    /// The scenario-fragment folder of this page (e.g. `categories/frontend/`, `""` at the root) when it
    /// has a scenario region; the page then loads the switching script.
    public var scenarioPage: String?
    /// A site-relative script the page loads besides the scenario one (a progressive enhancement).
    public var script: String?

    /// Creates a shell.
    ///
    /// - Parameters:
    ///   - title: The page title, e.g. `Methodology`.
    ///   - section: The section whose navigation link is current.
    ///   - rootPath: Relative path from the page to the site root (`""` or `"../"`).
    ///   - scenarioPage: The page's scenario-fragment folder, when it has Advanced Settings.
    public init(title: String, section: SiteSection, rootPath: String, scenarioPage: String? = nil, script: String? = nil) {
        self.title = title
        self.section = section
        self.rootPath = rootPath
        self.scenarioPage = scenarioPage
        self.script = script
    }

    /// Renders a complete HTML document around `content`.
    ///
    /// - Parameter content: The body of `<main>`.
    /// - Returns: The minified HTML, starting with the doctype. Deterministic for equal inputs.
    public func render(_ content: Node<HTML.BodyContext>) -> String {
        let fullTitle = title == Self.siteName ? title : "\(title) · \(Self.siteName)"
        let document = HTML(
            escapedAttribute("lang", "en"),
            .head(
                .meta(.attribute(named: "charset", value: attributeValue("utf-8"))),
                .meta(
                    .attribute(named: "name", value: attributeValue("viewport")),
                    .attribute(named: "content", value: attributeValue("width=device-width, initial-scale=1"))
                ),
                .meta(
                    .attribute(named: "name", value: attributeValue("color-scheme")),
                    .attribute(named: "content", value: attributeValue("light dark"))
                ),
                .element(named: "title", text: fullTitle),
                .link(
                    .attribute(named: "rel", value: attributeValue("stylesheet")),
                    .attribute(named: "href", value: attributeValue(rootPath + "assets/site.css"))
                ),
                .unwrap(scenarioPage) { _ in
                    .script(escapedAttribute("src", rootPath + ScenarioScript.path), .defer())
                },
                .unwrap(script) { path in
                    .script(escapedAttribute("src", rootPath + path), .defer())
                }
            ),
            .body(
                .unwrap(scenarioPage) { page in
                    .group(escapedAttribute("data-root", rootPath), escapedAttribute("data-scenario-page", page))
                },
                .a(escapedAttribute("class", "skip-link"), escapedAttribute("href", "#main"), .text("Skip to content")),
                .header(
                    escapedAttribute("class", "site-header"),
                    .p(
                        escapedAttribute("class", "site-name"),
                        .a(escapedAttribute("href", href(.performance)), .text(Self.siteName))
                    ),
                    .p(
                        escapedAttribute("class", "tagline"),
                        .text("Open source coding LLMs ranked by real-world performance, sized to real hardware.")
                    ),
                    .nav(
                        escapedAttribute("aria-label", "Site"),
                        .ul(.forEach(SiteSection.allCases) { navItem($0) })
                    )
                ),
                .main(escapedAttribute("id", "main"), content),
                .footer(
                    escapedAttribute("class", "site-footer"),
                    .p(
                        .text("Scores from the OpenHands Index; GPU prices and sizing as explained on the "),
                        .a(escapedAttribute("href", href(.methodology)), .text("Methodology")),
                        .text(" page. Every page works without JavaScript.")
                    )
                )
            )
        )
        return document.render()
    }

    /// The relative link from this page to a section, e.g. `../budget/`; `./` or `../` for the home page.
    func href(_ target: SiteSection) -> String {
        if target == .performance, !rootPath.isEmpty { return rootPath }
        return rootPath + target.path
    }

    private func navItem(_ item: SiteSection) -> Node<HTML.ListContext> {
        .li(.a(
            escapedAttribute("href", href(item)),
            .if(item == section, escapedAttribute("aria-current", "page")),
            .text(item.title)
        ))
    }
}
