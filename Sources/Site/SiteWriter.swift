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
    /// - Returns: The site-relative paths of the files whose contents changed, e.g. `index.html`.
    /// - Throws: `FileWriteError` when a file cannot be written.
    public func write(latest: Snapshot?, assumptions: SizingAssumptions) throws -> [String] {
        let files: [(path: String, contents: String)] = [
            ("index.html", Self.renderIndex(latest: latest)),
            ("methodology/index.html", MethodologyPage(assumptions: assumptions).render()),
            ("assets/site.css", siteCSS),
        ]
        var changed: [String] = []
        for file in files {
            let url = outputDirectory.appendingPathComponent(file.path)
            if try AtomicFile.writeIfChanged(Array(file.contents.utf8), to: url) {
                changed.append(file.path)
            }
        }
        return changed
    }

    /// Renders the home page (Performance): the latest overall leaderboard, or a "no data yet" message.
    ///
    /// - Parameter latest: The newest snapshot, if any.
    /// - Returns: The HTML document.
    public static func renderIndex(latest: Snapshot?) -> String {
        let shell = PageShell(title: PageShell.siteName, section: .performance, rootPath: "")
        let content: Node<HTML.BodyContext>
        if let latest, latest.entries.contains(where: { $0.benchmarkName == "overall" }) {
            content = .group(
                .h1(.text("Top coding models")),
                .p(
                    escapedAttribute("class", "lede"),
                    .text("Models ranked by their OpenHands Index score, averaged over all five categories, "
                        + "in the snapshot of \(latest.day).")
                ),
                .component(LeaderboardTable(snapshot: latest, category: "overall"))
            )
        } else {
            content = .group(
                .h1(.text("Top coding models")),
                .p(escapedAttribute("class", "empty"), .text("No data yet: no leaderboard snapshot has been recorded."))
            )
        }
        return shell.render(content)
    }
}
