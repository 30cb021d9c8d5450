import Feeds
import Foundation
import SeekCore
import Site
import Sizing

/// The data files the site step renders from, read from `<out>/data/` (a missing file reads as empty,
/// so the site renders before every feed has run).
struct SiteInputs {
    var models: [ModelSpec] = []
    var offerings: [Offering] = []
    var specs: [GPUSpec] = []
    var apiPrices: [APIPrice] = []
    var nodePrices = NodePriceHistory(points: [])

    init(dataDirectory: URL) {
        func json(_ name: String) -> JSONValue? {
            FileManager.default.contents(atPath: dataDirectory.appendingPathComponent(name).path)
                .flatMap { try? JSONParser.parse($0) }
        }
        func rows(_ name: String) -> [JSONValue] { json(name)?.arrayValue ?? [] }
        models = rows("models.json").compactMap(ModelSpec.init(json:))
        offerings = rows("gpus.json").compactMap(Offering.init(json:))
        specs = rows("gpu_specs.json").compactMap(GPUSpec.init(json:))
        apiPrices = rows("api_pricing.json").compactMap(APIPrice.init(json:))
        nodePrices = json("gpu_price_history.json").flatMap(NodePriceHistory.init(json:)) ?? NodePriceHistory(points: [])
    }

    /// The content to render: these files plus the snapshots.
    func content(latest: Snapshot?, history: [Snapshot], aliases: ModelAliases) -> SiteContent {
        SiteContent(latest: latest, history: history, models: models, offerings: offerings, specs: specs,
                    apiPrices: apiPrices, nodePrices: nodePrices, aliases: aliases)
    }
}
