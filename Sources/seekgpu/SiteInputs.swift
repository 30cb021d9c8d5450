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
        apiPrices = rows("api_pricing.json").compactMap(Self.apiPrice)
        if let history = json("gpu_price_history.json").flatMap(PriceHistory.init(json:)) {
            nodePrices = NodePriceHistory(points: history.series.map { point in
                NodePricePoint(day: point.date, usdPerNodeHour: Dictionary(
                    point.prices.map { ($0.gpuName, $0.usdPerNodeHour) }, uniquingKeysWith: { first, _ in first }))
            })
        }
    }

    /// The content to render: these files plus the snapshots.
    func content(latest: Snapshot?, history: [Snapshot]) -> SiteContent {
        SiteContent(latest: latest, history: history, models: models, offerings: offerings, specs: specs,
                    apiPrices: apiPrices, nodePrices: nodePrices)
    }

    /// An api_pricing.json row (LiteLLM field names) as the sizing engine's price.
    static func apiPrice(_ row: JSONValue) -> APIPrice? {
        guard let name = row["model_name"]?.stringValue, let lab = row["lab"]?.stringValue else { return nil }
        return APIPrice(modelName: name, lab: lab,
                        inputCostPerToken: row["input_cost_per_token"]?.doubleValue,
                        outputCostPerToken: row["output_cost_per_token"]?.doubleValue,
                        cacheReadCostPerToken: row["cache_read_input_token_cost"]?.doubleValue,
                        cacheWriteCostPerToken: row["cache_creation_input_token_cost"]?.doubleValue,
                        contextWindow: row["context_window"]?.doubleValue)
    }
}
