import SeekCore

/// `api_pricing.json`: a list of LiteLLM price rows, each with every LiteLLM field in LiteLLM's
/// order plus `model_name`, `lab`, `litellm_id` and `context_window` (reference-pipeline §6).
enum APIPriceCodec {
    @Sendable static func json(_ prices: [APIPrice]) -> JSONValue {
        .array(prices.map { price in
            if let row = price.publishedRow { return .object(row) }
            func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
            return .object(JSONObject([
                ("input_cost_per_token", number(price.inputCostPerToken)),
                ("output_cost_per_token", number(price.outputCostPerToken)),
                ("cache_read_input_token_cost", number(price.cacheReadCostPerToken)),
                ("cache_creation_input_token_cost", number(price.cacheWriteCostPerToken)),
                ("model_name", .string(price.modelName)),
                ("lab", .string(price.lab)),
                ("litellm_id", .string(price.modelName.lowercased())),
                ("context_window", number(price.contextWindow)),
            ]))
        })
    }

    /// The fields the site reads are checked; LiteLLM's other fields are kept as they are.
    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> [APIPrice] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try price(row)
        }
    }

    /// One row read with checks: also used for rows built from LiteLLM, so both agree.
    static func price(_ row: Fields) throws(DatasetError) -> APIPrice {
        for key in ["model_name", "lab", "litellm_id"] where !row.has(key) {
            throw row.location.appending(key).error("is missing")
        }
        _ = try row.string("litellm_id")
        let perToken = 0.0...1.0
        func cost(_ key: String) throws(DatasetError) -> Double? {
            guard let value = try row.optionalDouble(key) else { return nil }
            guard perToken.contains(value) else {
                throw row.location.appending(key).error("\(PythonFloat.repr(value)) is not a price per token in USD (0…1)")
            }
            return value
        }
        return APIPrice(modelName: try row.string("model_name"), lab: try row.string("lab"),
                        inputCostPerToken: try cost("input_cost_per_token"),
                        outputCostPerToken: try cost("output_cost_per_token"),
                        cacheReadCostPerToken: try cost("cache_read_input_token_cost"),
                        cacheWriteCostPerToken: try cost("cache_creation_input_token_cost"),
                        contextWindow: try row.optionalDouble("context_window"), publishedRow: row.object)
    }
}

extension APIPrice {
    /// A price from a row built for `api_pricing.json` (LiteLLM's fields with `model_name`, `lab`,
    /// `litellm_id` and `context_window` merged in), checked as the file's decoder checks it.
    /// - Parameter source: names the row in errors, e.g. `LiteLLM entry 'gpt-5.6'`.
    /// - Throws: ``DatasetError`` when a field the site reads is missing or has the wrong type.
    public init(publishedRow row: JSONObject, source: String) throws(DatasetError) {
        self = try APIPriceCodec.price(try Fields(.object(row), at: Location(file: source)))
    }
}
