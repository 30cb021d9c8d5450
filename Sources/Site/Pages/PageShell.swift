import Plot
import SeekCore

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
    /// The header's data date and the favicon, the same on every page.
    public var chrome: SiteChrome
    /// The document's `<base href>`, for a page shown at another path than the one its links are written for.
    var baseHref: String?

    /// Creates a shell.
    ///
    /// - Parameters:
    ///   - title: The page title, e.g. `Methodology`.
    ///   - section: The section whose navigation link is current.
    ///   - rootPath: Relative path from the page to the site root (`""` or `"../"`).
    ///   - scenarioPage: The page's scenario-fragment folder, when it has Advanced Settings.
    ///   - script: Another site-relative script to load.
    ///   - chrome: The data date and favicon of the header.
    public init(title: String, section: SiteSection, rootPath: String, scenarioPage: String? = nil, script: String? = nil,
                chrome: SiteChrome = SiteChrome(), baseHref: String? = nil) {
        self.title = title
        self.section = section
        self.rootPath = rootPath
        self.scenarioPage = scenarioPage
        self.script = script
        self.chrome = chrome
        self.baseHref = baseHref
    }

    /// Sets the theme chosen with the toggle before the first paint (no flash of the other theme); without
    /// JavaScript, or with no choice stored, the system theme applies through CSS alone.
    static let themeBootstrap = "try{var t=localStorage.getItem('seekgpu-theme');"
        + "if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}"

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
                .unwrap(baseHref) { .element(named: "base", nodes: [escapedAttribute("href", $0)]) },
                .element(named: "title", text: fullTitle),
                .element(named: "script", nodes: [.raw(Self.themeBootstrap)]),
                .link(
                    .attribute(named: "rel", value: attributeValue("icon")),
                    .attribute(named: "type", value: attributeValue("image/svg+xml")),
                    .attribute(named: "href", value: attributeValue(chrome.faviconHref(rootPath: rootPath)))
                ),
                .link(
                    .attribute(named: "rel", value: attributeValue("stylesheet")),
                    .attribute(named: "href", value: attributeValue(rootPath + SiteAssets.stylesheet))
                ),
                .unwrap(scenarioPage) { _ in
                    .script(escapedAttribute("src", rootPath + SiteAssets.scenarioScript), .defer())
                },
                .script(escapedAttribute("src", rootPath + SiteAssets.siteScript), .defer()),
                .unwrap(script) { path in
                    .script(escapedAttribute("src", rootPath + path), .defer())
                }
            ),
            .body(
                .unwrap(scenarioPage) { page in
                    .group(escapedAttribute("data-root", rootPath), escapedAttribute("data-scenario-page", page))
                },
                .a(escapedAttribute("class", "skip-link"), escapedAttribute("href", "#main"), .text("Skip to content")),
                header,
                .main(escapedAttribute("id", "main"), content),
                footer
            )
        )
        return document.render()
    }

    /// Title and version, the data date, the GitHub link and the theme toggle, then the navigation.
    private var header: Node<HTML.BodyContext> {
        .header(
            escapedAttribute("class", "site-header"),
            .div(
                escapedAttribute("class", "masthead"),
                .div(
                    escapedAttribute("class", "brand"),
                    .p(
                        escapedAttribute("class", "site-name"),
                        .a(escapedAttribute("href", href(.performance)), .text(Self.siteName)),
                        .span(escapedAttribute("class", "version"), .text("v" + ProjectInfo.version))
                    ),
                    .p(
                        escapedAttribute("class", "tagline"),
                        .text("Open source coding LLMs ranked by real-world performance, sized to real hardware.")
                    )
                ),
                .div(
                    escapedAttribute("class", "masthead-side"),
                    .unwrap(chrome.dataAsOf) { day in
                        .p(escapedAttribute("class", "data-date"), .text("Data as of "),
                           .element(named: "time", nodes: [escapedAttribute("datetime", day.iso), .text(SiteFormat.date(day))]))
                    },
                    .a(escapedAttribute("class", "icon-link"), escapedAttribute("href", ProjectInfo.repositoryURL),
                       escapedAttribute("rel", "noopener"), .raw(Icons.github), .text("GitHub")),
                    .element(named: "button", nodes: [
                        escapedAttribute("type", "button"),
                        escapedAttribute("class", "theme-toggle"),
                        escapedAttribute("id", "theme-toggle"),
                        escapedAttribute("aria-label", "Colour theme: system"),
                        .attribute(named: "hidden"),
                        .raw(Icons.theme),
                        .span(escapedAttribute("class", "theme-label"), .text("System")),
                    ])
                )
            ),
            .nav(
                escapedAttribute("aria-label", "Site"),
                .ul(.forEach(SiteSection.allCases) { navItem($0) })
            )
        )
    }

    /// The sources, each linked, and the caveat that every figure is an estimate.
    private var footer: Node<HTML.BodyContext> {
        .footer(
            escapedAttribute("class", "site-footer"),
            .p(
                .text("Scores from the "), external("OpenHands Index", "https://github.com/OpenHands/openhands-index-results"),
                .text("; GPU prices from "), external("gpuhunt", "https://github.com/dstackai/gpuhunt"),
                .text("; model configurations from "), external("Hugging Face", "https://huggingface.co"),
                .text("; API prices from "), external("LiteLLM", "https://github.com/BerriAI/litellm"), .text(".")
            ),
            .p(
                .strong(.text("Prices and sizes are estimates.")),
                .text(" Check the provider's current price and run a test load before you commit; the "),
                .a(escapedAttribute("href", href(.methodology)), .text("Methodology")),
                .text(" explains every number.")
            ),
            .p(
                escapedAttribute("class", "colophon"),
                .text("seekgpu v\(ProjectInfo.version) · "),
                external("source code", ProjectInfo.repositoryURL)
            )
        )
    }

    /// A link that leaves the site.
    private func external(_ text: String, _ url: String) -> Node<HTML.BodyContext> {
        .a(escapedAttribute("href", url), escapedAttribute("rel", "noopener"), .text(text))
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
