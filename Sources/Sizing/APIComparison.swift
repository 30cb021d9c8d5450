import SeekCore

/// A conversation pattern for API cost per request (§2.18).
public struct ConversationPattern: Sendable, Hashable {
    /// Requests per conversation T (default 50).
    public var requestsPerConversation: Int
    /// Prompt-cache hit rate c, 0…1 (default 0.9).
    public var cacheHitRate: Double
    /// Average new input tokens per request I.
    public var avgInputTokens: Double
    /// Average output tokens per request O.
    public var avgOutputTokens: Double

    /// Creates a pattern; defaults are the reference's (50 requests, 90 % hits, 50k in, 1k out).
    public init(requestsPerConversation: Int = 50, cacheHitRate: Double = 0.9, avgInputTokens: Double = 50_000,
                avgOutputTokens: Double = 1_000) {
        self.requestsPerConversation = requestsPerConversation
        self.cacheHitRate = cacheHitRate
        self.avgInputTokens = avgInputTokens
        self.avgOutputTokens = avgOutputTokens
    }
}

/// API cost per request (§2.18 `computeAvgCostPerRequest`).
public enum APICost {
    /// Shortest prompt-cache TTL of a lab, minutes, or `nil` when it has none (§2.1 `PROVIDER_CACHE_TTLS`).
    ///
    /// - Parameters:
    ///   - lab: `anthropic`, `openai`, `google`, …
    ///   - assumptions: The TTL table.
    public static func cacheTTLMinutes(lab: String, assumptions: SizingAssumptions = .reference) -> Double? {
        assumptions.providerCacheTTLMinutes[lab]?.min()
    }

    /// Average USD per request over a conversation with context growth, compaction and caching (§2.18).
    ///
    /// - Parameters:
    ///   - price: The model's API prices.
    ///   - pattern: Requests per conversation, hit rate, tokens.
    ///   - ttlMinutes: Cache TTL, minutes; the first request is warm only when it is ≥ 60 min.
    ///   - assumptions: Compaction threshold (20,000 tokens) and conversation gap (60 min).
    /// - Returns: USD per request; 0 when input or output price is missing or 0.
    public static func averageCostPerRequest(price: APIPrice, pattern: ConversationPattern, ttlMinutes: Double?,
                                             assumptions: SizingAssumptions = .reference) -> Double {
        guard let inPrice = price.inputCostPerToken, inPrice != 0,
              let outPrice = price.outputCostPerToken, outPrice != 0,
              pattern.requestsPerConversation > 0 else { return 0 }
        let window = price.contextWindow ?? .infinity
        let write = price.cacheWriteCostPerToken ?? 0
        let o = pattern.avgOutputTokens
        var total = 0.0
        for t in 1...pattern.requestsPerConversation {
            let raw = assumptions.compactionThresholdTokens + Double(t - 1) * o
            let context = raw > window ? assumptions.compactionThresholdTokens : raw
            let inTokens = context + pattern.avgInputTokens
            let cold = t == 1 && (ttlMinutes.map { $0 < assumptions.interConversationGapMinutes } ?? true)
            let hit = cold ? 0 : pattern.cacheHitRate
            if let read = price.cacheReadCostPerToken {
                let cached = inTokens * hit
                total += (inTokens - cached) * inPrice + cached * read + o * write + o * outPrice
            } else {
                total += inTokens * inPrice + o * outPrice
            }
        }
        return total / Double(pattern.requestsPerConversation)
    }
}
