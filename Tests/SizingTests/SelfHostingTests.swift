import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.6 self-hosting rows and §2.19.
struct SelfHostingTests {
    @Test("step cost (§4.6)", arguments: [
        (0.0, 500.0), (1, 500), (10_000, 500), (10_001, 1000), (20_000, 1000), (20_001, 1500), (30_000, 1500),
    ])
    func stepCost(x: Double, expected: Double) {
        #expect(SelfHostingCost(baseMonthlyCost: 500, maxRequestsPerMonth: 10_000).stepCost(requestsPerMonth: x) == expected)
    }

    @Test("step cost without capacity is one box (§4.6)")
    func stepNoCapacity() {
        let c = SelfHostingCost(baseMonthlyCost: 1000, maxRequestsPerMonth: nil)
        #expect(c.stepCost(requestsPerMonth: 0) == 1000 && c.stepCost(requestsPerMonth: 999_999) == 1000)
        #expect(c.costPerRequest(requestsPerMonth: 50) == 20 && c.costPerRequest(requestsPerMonth: 500) == 2)
        #expect(c.floorCostPerRequest == nil)
    }

    @Test("cost per request saw-tooth and floor (§4.6)")
    func perRequest() {
        let c = SelfHostingCost(baseMonthlyCost: 1000, maxRequestsPerMonth: 100)
        #expect(c.costPerRequest(requestsPerMonth: 50) == 20)
        #expect(c.costPerRequest(requestsPerMonth: 100) == 10)
        #expect(approx(c.costPerRequest(requestsPerMonth: 150), 13.33, digits: 2))
        #expect(c.costPerRequest(requestsPerMonth: 200) == 10)
        #expect(c.costPerRequest(requestsPerMonth: 0) == nil && c.costPerRequest(requestsPerMonth: -5) == nil)
        #expect(c.floorCostPerRequest == 10)
    }

    @Test("box offering is the cheapest exact match (§4.6)")
    func boxOffering() {
        let offers = [offering("B300", vram: 288, count: 1, price: 6.09), offering("B300", vram: 288, count: 1, price: 5.0),
                      offering("B300", vram: 288, count: 2, price: 9)]
        #expect(SelfHostingCost.boxOffering(gpuName: "B300", gpuCount: 1, offerings: offers)?.pricePerHour == 5.0)
        #expect(SelfHostingCost.boxOffering(gpuName: "A10", gpuCount: 1, offerings: offers) == nil)
        #expect(SelfHostingCost.boxOffering(gpuName: "B300", gpuCount: 1, offerings: []) == nil)
    }

    @Test("self-hosting cost for a B300×1 config (§4.6)")
    func forConfig() throws {
        let small = model("Small-7B", learnable: 7, arch: "Dense", precision: "BF16", layers: 28, hidden: 3584,
                          kvHeads: 4, headDim: 128)
        let search = SetupSearch(offerings: [offering("B300", vram: 288, count: 1, price: 6.09)], specs: [b300])
        let cost = try #require(SelfHostingCost(model: small, gpuName: "B300", gpuCount: 1, totalVramGB: 288,
                                                search: search, memoryUtilization: 0.9))
        #expect(close(cost.baseMonthlyCost, 4384.8))
        let e = try #require(search.estimate(model: small, gpuName: "B300", gpuCount: 1, vramPerGPUGB: 288,
                                             memoryUtilization: 0.9))
        let perMonth = try #require(cost.maxRequestsPerMonth)
        #expect(perMonth > 0)
        #expect(abs(perMonth - (e.requestsPerHour() ?? 0) * 720) < 1e-6)
        #expect(perMonth > Double(e.operatingStreams.low) * (e.singleStreamTokS ?? 0) / 1000 * 720)
        #expect(SelfHostingCost(model: small, gpuName: "A10", gpuCount: 1, totalVramGB: 24, search: search,
                                memoryUtilization: 0.9) == nil)
    }

    @Test("legacy monthly cost: Kimi-K2.5 scales to 3× B300, not onto a 24 GB A10 (§4.6)")
    func legacyMonthly() {
        let b300Search = SetupSearch(offerings: [offering("B300", vram: 288, count: 1, price: 6.09)], specs: [b300])
        let setup = b300Search.setupsOrScaled(for: kimiK2, concurrency: 1, limit: 1).first
        #expect(setup?.gpuCount == 3 && (setup?.monthlyCost ?? 0) > 0)
        let a10 = spec("A10", memory: 24, tflops: 125, tbps: 0.6, pcie: 32, nvlink: nil, arch: "Ampere", tier: .pcieOnly)
        let a10Search = SetupSearch(offerings: [offering("A10", vram: 24, count: 1, price: 1)], specs: [a10])
        #expect(a10Search.setupsOrScaled(for: kimiK2, concurrency: 1, limit: 1).isEmpty)
    }

    @Test("break-evens: B / p, sorted, only above the floor (§2.19)")
    func breakEvens() {
        let c = SelfHostingCost(baseMonthlyCost: 10_368, maxRequestsPerMonth: 8515.7 * 720)
        let api = [APICostTests.gpt, APICostTests.fable, APICostTests.gemini].map { price in
            (price.modelName, APICost.averageCostPerRequest(price: price, pattern: ConversationPattern(),
                                                           ttlMinutes: APICost.cacheTTLMinutes(lab: price.lab)))
        }
        let list = c.breakEvens(apiCosts: api + [("cheap", 0.0001), ("free", 0)])
        #expect(list.map(\.modelName) == ["claude-fable-5", "GPT-5.6", "Gemini-3.5-Flash"])
        #expect(approx(list[0].requestsPerMonth, 40_917, digits: 0))
        #expect(approx(list[0].utilizationPercent, 0.67, digits: 2))
        #expect(approx(list[1].requestsPerMonth, 82_269, digits: 0))
        #expect(approx(list[2].requestsPerMonth, 288_541, digits: 0))
        #expect(approx(list[2].utilizationPercent, 4.71, digits: 2))
    }
}
