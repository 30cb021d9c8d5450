import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.6 (`api-hosting-cost.test.ts`). Real-data rows use the api_pricing.json prices of §3.6.
struct APICostTests {
    let base = ConversationPattern(requestsPerConversation: 10, cacheHitRate: 0.9, avgInputTokens: 1000, avgOutputTokens: 500)
    func price(read: Double? = nil, write: Double? = nil, window: Double? = 200_000) -> APIPrice {
        APIPrice(modelName: "m", lab: "anthropic", inputCostPerToken: 1e-5, outputCostPerToken: 3e-5,
                 cacheReadCostPerToken: read, cacheWriteCostPerToken: write, contextWindow: window)
    }
    func cost(_ p: APIPrice, t: Int = 10, hit: Double = 0.9, ttl: Double? = 5) -> Double {
        var pattern = base
        pattern.requestsPerConversation = t
        pattern.cacheHitRate = hit
        return APICost.averageCostPerRequest(price: p, pattern: pattern, ttlMinutes: ttl)
    }

    @Test("caching makes requests cheaper; without cache prices the hit rate is irrelevant (§4.6)")
    func caching() {
        #expect(cost(price(read: 2.5e-6), hit: 0.99, ttl: 60) < cost(price(read: 2.5e-6), hit: 0))
        #expect(cost(price(read: 5e-7, write: 1.25e-5), hit: 0.99) < cost(price(read: 5e-7, write: 1.25e-5), hit: 0))
        #expect(abs(cost(price(), hit: 0.5) - cost(price(), hit: 0.99)) < 1e-10)
        #expect(close(cost(price()), 0.2475))
        #expect(APICost.averageCostPerRequest(price: APIPrice(modelName: "z", lab: "x", inputCostPerToken: 0,
                                                              outputCostPerToken: 1e-5), pattern: base, ttlMinutes: nil) == 0)
    }

    @Test("first request is cold unless the TTL is at least 60 min (§4.6)")
    func ttl() {
        let anthropic = price(read: 1e-6, write: 1.25e-5)
        #expect(cost(anthropic, t: 1, ttl: 5) == cost(anthropic, t: 1, ttl: nil))
        #expect(cost(price(read: 1e-6), t: 1, ttl: 60) < cost(price(read: 1e-6), t: 1, ttl: 5))
        #expect(APICost.cacheTTLMinutes(lab: "anthropic") == 5)
        #expect(APICost.cacheTTLMinutes(lab: "openai") == 60)
        #expect(APICost.cacheTTLMinutes(lab: "mistral") == nil)
    }

    @Test("compaction caps long conversations (§4.6)")
    func compaction() {
        #expect(cost(price(window: 75_000), t: 300) < cost(price(window: 75_000), t: 150))
        #expect(cost(price(window: 21_000), t: 100) < cost(price(window: 200_000), t: 100))
    }

    static let fable = APIPrice(modelName: "claude-fable-5", lab: "anthropic", inputCostPerToken: 1e-5,
                                outputCostPerToken: 5e-5, cacheReadCostPerToken: 1e-6, cacheWriteCostPerToken: 1.25e-5,
                                contextWindow: 1_000_000)
    static let gpt = APIPrice(modelName: "GPT-5.6", lab: "openai", inputCostPerToken: 5e-6, outputCostPerToken: 3e-5,
                              cacheReadCostPerToken: 5e-7, cacheWriteCostPerToken: 6.25e-6, contextWindow: 922_000)
    static let gemini = APIPrice(modelName: "Gemini-3.5-Flash", lab: "google", inputCostPerToken: 1.5e-6,
                                 outputCostPerToken: 9e-6, cacheReadCostPerToken: 1.5e-7, contextWindow: 1_048_576)

    @Test("real prices, 50k in / 1k out, 90 % hits (§4.6 [run], printed to 4–6 decimals)", arguments: [
        (fable, 1, 0.7625, 4), (fable, 2, 0.47995, 5), (fable, 10, 0.260750, 6), (fable, 50, 0.253390, 6),
        (fable, 250, 0.434318, 6), (gpt, 1, 0.10275, 5), (gpt, 2, 0.103225, 6), (gpt, 10, 0.107025, 6),
        (gpt, 50, 0.126025, 6), (gpt, 250, 0.221025, 6), (gemini, 10, 0.030233, 6), (gemini, 50, 0.035933, 6),
        (gemini, 250, 0.064433, 6),
    ])
    func realPrices(price: APIPrice, t: Int, expected: Double, digits: Int) {
        let pattern = ConversationPattern(requestsPerConversation: t)
        let value = APICost.averageCostPerRequest(price: price, pattern: pattern,
                                                  ttlMinutes: APICost.cacheTTLMinutes(lab: price.lab))
        #expect(approx(value, expected, digits: digits))
    }
}
