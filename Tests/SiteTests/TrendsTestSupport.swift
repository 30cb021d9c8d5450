import Feeds
import Foundation
import SeekCore
import Site
import Sizing
import TestSupport

/// The reference data for the Trends tests: the shared loader, which includes the aliases.
enum TrendsReference {
    static func content() throws -> SiteContent { try ReferenceContent.load() }
}

/// Small readers of rendered HTML for the tests.
enum HTMLProbe {
    /// The `<main>…</main>` of a page (without the header's and footer's icons and links), or "" when absent.
    static func main(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The `<section id="ID" …>…</section>` of a page, or "" when absent.
    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</section>") else { return "" }
        return String(rest[..<end.upperBound])
    }

    /// The text of every body row's cells (`th` and `td`), tags stripped.
    static func tableRows(_ html: String) -> [[String]] {
        guard let body = html.range(of: "<tbody>"), let bodyEnd = html.range(of: "</tbody>", range: body.upperBound..<html.endIndex)
        else { return [] }
        let tbody = String(html[body.upperBound..<bodyEnd.lowerBound])
        return tbody.components(separatedBy: "</tr>").dropLast().map { row in
            row.components(separatedBy: "</t").dropLast().map { cell in
                guard let open = cell.range(of: ">", options: .backwards) else { return "" }
                return String(cell[open.upperBound...])
            }
        }
    }

    /// The page without its `<template>` elements (the pre-rendered choices a script swaps in): what shows.
    static func shown(_ html: String) -> String {
        html.replacingOccurrences(of: #"<template[^>]*>[\s\S]*?</template>"#, with: "", options: .regularExpression)
    }

    /// How many times `needle` occurs.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// The `<svg …>…</svg>` of a section.
    static func svg(in section: String) -> String {
        guard let start = section.range(of: "<svg"), let end = section.range(of: "</svg>") else { return "" }
        return String(section[start.lowerBound..<end.upperBound])
    }
}

extension SiteAssets {
    /// The repository's `web/assets/`, as `generate` reads them.
    static func repository() throws -> SiteAssets {
        try SiteAssets.load(from: Fixtures.repositoryRoot.appendingPathComponent("web/assets"))
    }

    /// The stylesheet of the repository's assets.
    static var css: String { (try? repository())?[stylesheet] ?? "" }
}
