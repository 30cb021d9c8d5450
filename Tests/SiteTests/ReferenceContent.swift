import Feeds
import Foundation
import SeekCore
import Site
import Sizing
import TestSupport

/// The reference implementation's published data (`shared/data/reference`) as site content, decoded the
/// way `seekgpu generate --step site` decodes `web/public/data`.
enum ReferenceContent {
    static let directory = Fixtures.shared("reference")

    static func rows(_ name: String) throws -> [JSONValue] {
        try json(name).arrayValue ?? []
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The maintainers' renames (`config/openhands-index.yaml`) as trend aliases, as `seekgpu` passes them.
    static func aliases() throws -> ModelAliases {
        let config = try IndexConfiguration.load(from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))
        return ModelAliases(config.renames.map { ($0.from, $0.to) })
    }

    /// Every input of the site on the reference's HEAD data (latest snapshot 2026-06-18).
    static func load() throws -> SiteContent {
        let store = SnapshotStore(directory: directory.appendingPathComponent("snapshots"))
        // The reference's index.json has no index commit, so list its dates directly.
        let dates = try json("snapshots/index.json")["snapshots"]?.arrayValue ?? []
        let history = dates.compactMap { $0.stringValue.flatMap(Day.init(iso:)) }.compactMap(store.loadSnapshot)
        let prices = try rows("api_pricing.json").compactMap(APIPrice.init(json:))
        let nodePrices = NodePriceHistory(json: try json("gpu_price_history.json")) ?? NodePriceHistory(points: [])
        return SiteContent(latest: history.last, history: history,
                           models: try rows("models.json").compactMap(ModelSpec.init(json:)),
                           offerings: try rows("gpus.json").compactMap(Offering.init(json:)),
                           specs: try rows("gpu_specs.json").compactMap(GPUSpec.init(json:)),
                           apiPrices: prices, nodePrices: nodePrices, aliases: try aliases())
    }
}
