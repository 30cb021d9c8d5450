/// The API prices of one closed model: one row of `api_pricing.json` (reference-site §3.6), the
/// lab's best closed model priced from LiteLLM.
public struct APIPrice: Sendable, Hashable {
    /// OpenHands-style model name, e.g. `claude-fable-5`.
    public var modelName: String
    /// `anthropic`, `openai` or `google` (selects the cache TTLs).
    public var lab: String
    /// USD per input token (`nil` or 0 → cost 0).
    public var inputCostPerToken: Double?
    /// USD per output token (`nil` or 0 → cost 0).
    public var outputCostPerToken: Double?
    /// USD per cached input token read; `nil` means no caching is modeled.
    public var cacheReadCostPerToken: Double?
    /// USD per cache-write token (`nil` → 0).
    public var cacheWriteCostPerToken: Double?
    /// Context window, tokens (`nil` → unbounded).
    public var contextWindow: Double?
    /// The row as published: every LiteLLM field in LiteLLM's order with `model_name`, `lab`,
    /// `litellm_id` and `context_window` merged in (reference-pipeline §6). `nil` for a price made
    /// by hand, which is published from the fields above. When set, it is what the file holds, so
    /// the typed fields above must agree with it (the api-pricing step and the decoder keep them so).
    public var publishedRow: JSONObject?

    /// Creates a price; see each property for units.
    public init(modelName: String, lab: String, inputCostPerToken: Double?, outputCostPerToken: Double?,
                cacheReadCostPerToken: Double? = nil, cacheWriteCostPerToken: Double? = nil, contextWindow: Double? = nil,
                publishedRow: JSONObject? = nil) {
        self.modelName = modelName
        self.lab = lab
        self.inputCostPerToken = inputCostPerToken
        self.outputCostPerToken = outputCostPerToken
        self.cacheReadCostPerToken = cacheReadCostPerToken
        self.cacheWriteCostPerToken = cacheWriteCostPerToken
        self.contextWindow = contextWindow
        self.publishedRow = publishedRow
    }

    /// The LiteLLM key the price was read from (`litellm_id`), when the row records it.
    public var litellmID: String? { publishedRow?["litellm_id"]?.stringValue }
}

extension APIPrice {
    /// Hashes the typed fields (`publishedRow` takes part in `==` only, which keeps hashing valid).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(modelName)
        hasher.combine(lab)
        hasher.combine(inputCostPerToken)
        hasher.combine(outputCostPerToken)
        hasher.combine(cacheReadCostPerToken)
        hasher.combine(cacheWriteCostPerToken)
        hasher.combine(contextWindow)
    }
}
