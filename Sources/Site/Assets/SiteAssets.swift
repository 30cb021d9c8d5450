import Foundation
import SeekCore

/// The site's own static files — stylesheet, scripts, favicon — read from the repository's `web/assets/`
/// folder, where they are edited and diffed as what they are, and copied unchanged into the output.
///
/// The page renderers only name their paths (``stylesheet``, ``scenarioScript`` …); the bytes come from here.
public struct SiteAssets: Sendable {
    /// Site-relative path → contents, in a fixed order.
    public var files: [(path: String, contents: String)]

    /// The stylesheet every page links.
    public static let stylesheet = "assets/site.css"
    /// The script of the theme toggle, sortable tables and filters, loaded by every page.
    public static let siteScript = "assets/site.js"
    /// The Advanced Settings script (pages with a scenario region).
    public static let scenarioScript = "assets/scenario.js"
    /// The copy button of Deploy pages.
    public static let deployScript = "assets/deploy.js"
    /// The SVG favicon (also served as `favicon.svg` at the root).
    public static let favicon = "assets/favicon.svg"

    /// Every file the site needs from `web/assets/`.
    public static let required = [stylesheet, siteScript, scenarioScript, deployScript, favicon]

    /// Creates assets from their contents.
    public init(files: [(path: String, contents: String)]) {
        self.files = files
    }

    /// Reads ``required`` from `directory` (the repository's `web/assets/`).
    ///
    /// - Throws: ``SiteAssetsError`` naming the missing or unreadable file.
    public static func load(from directory: URL) throws -> SiteAssets {
        try SiteAssets(files: required.map { path in
            let url = directory.appendingPathComponent(String(path.dropFirst("assets/".count)))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SiteAssetsError(path: url.path)
            }
            return (path, String(decoding: data, as: UTF8.self))
        })
    }

    /// The contents of `path`, empty when it is not an asset.
    public subscript(path: String) -> String {
        files.first { $0.path == path }?.contents ?? ""
    }
}

/// A file of `web/assets/` is missing.
public struct SiteAssetsError: Error, CustomStringConvertible {
    /// The file that could not be read.
    public var path: String

    public var description: String {
        "the site's asset \(path) is missing or unreadable: run seekgpu from the repository root "
            + "(or pass --config pointing at its config/ folder) so that web/assets/ is found"
    }
}
