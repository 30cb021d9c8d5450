import SeekCore

extension APIPrice {
    /// An `api_pricing.json` row (LiteLLM field names); nil without `model_name` or `lab`.
    public init?(json row: JSONValue) {
        guard let name = row["model_name"]?.stringValue, let lab = row["lab"]?.stringValue else { return nil }
        self.init(modelName: name, lab: lab,
                  inputCostPerToken: row["input_cost_per_token"]?.doubleValue,
                  outputCostPerToken: row["output_cost_per_token"]?.doubleValue,
                  cacheReadCostPerToken: row["cache_read_input_token_cost"]?.doubleValue,
                  cacheWriteCostPerToken: row["cache_creation_input_token_cost"]?.doubleValue,
                  contextWindow: row["context_window"]?.doubleValue)
    }
}

extension NodePriceHistory {
    /// `gpu_price_history.json` (`{"unit": "usd_per_node_hour", "series": [{date, prices: [{gpu_name, usd_per_node_hour}]}]}`);
    /// nil when it is not that format. A GPU listed twice on a date keeps its first price.
    public init?(json: JSONValue) {
        guard json["unit"]?.stringValue == "usd_per_node_hour", let series = json["series"]?.arrayValue else { return nil }
        var points: [NodePricePoint] = []
        for item in series {
            guard let day = item["date"]?.stringValue.flatMap(Day.init(iso:)), let prices = item["prices"]?.arrayValue else { return nil }
            var byGPU: [String: Double] = [:]
            for price in prices {
                guard let name = price["gpu_name"]?.stringValue, let value = price["usd_per_node_hour"]?.doubleValue else { return nil }
                if byGPU[name] == nil { byGPU[name] = value }
            }
            points.append(NodePricePoint(day: day, usdPerNodeHour: byGPU))
        }
        self.init(points: points)
    }
}
