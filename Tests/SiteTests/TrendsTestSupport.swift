import Feeds
import Foundation
import SeekCore
import Site
import Sizing
import TestSupport

/// The reference implementation's published data (`shared/data/reference`) as site content, with the
/// aliases from the maintainers' `config/openhands-index.yaml` renames.
enum TrendsReference {
    static let directory = Fixtures.shared("reference")

    static func rows(_ name: String) throws -> [JSONValue] {
        try JSONParser.parse(Data(contentsOf: directory.appendingPathComponent(name))).arrayValue ?? []
    }

    static func aliases() throws -> ModelAliases {
        let config = try IndexConfiguration.load(from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))
        return ModelAliases(Dictionary(config.renames.map { ($0.from, $0.to) }, uniquingKeysWith: { _, last in last }))
    }

    static func nodePrices() throws -> NodePriceHistory {
        let json = try JSONParser.parse(Data(contentsOf: directory.appendingPathComponent("gpu_price_history.json")))
        guard let history = PriceHistory(json: json) else { return NodePriceHistory(points: []) }
        return NodePriceHistory(points: history.series.map { point in
            NodePricePoint(day: point.date, usdPerNodeHour: Dictionary(
                point.prices.map { ($0.gpuName, $0.usdPerNodeHour) }, uniquingKeysWith: { first, _ in first }))
        })
    }

    static func content() throws -> SiteContent {
        let store = SnapshotStore(directory: directory.appendingPathComponent("snapshots"))
        let index = try JSONParser.parse(Data(contentsOf: directory.appendingPathComponent("snapshots/index.json")))
        let days = (index["snapshots"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(Day.init(iso:)) }
        let history = days.compactMap(store.loadSnapshot)
        return SiteContent(latest: history.last, history: history,
                           models: try rows("models.json").compactMap(ModelSpec.init(json:)),
                           offerings: try rows("gpus.json").compactMap(Offering.init(json:)),
                           specs: try rows("gpu_specs.json").compactMap(GPUSpec.init(json:)),
                           nodePrices: try nodePrices(), aliases: try aliases())
    }
}

/// Small readers of rendered HTML for the tests.
enum HTMLProbe {
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
