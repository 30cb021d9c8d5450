import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §2.13 and the setup rows of §4.5 (`matrix-calculator.test.ts`).
struct SetupSearchTests {
    let h100x1 = offering("H100", vram: 80, count: 1, price: 2.5, interconnect: "nvlink")
    let h100x12 = offering("H100", vram: 80, count: 12, price: 30, interconnect: "nvlink")

    @Test("scaled fallback projects MiniMax-M2.5 from H100 x1 (§4.5)")
    func scaledFallback() throws {
        let search = SetupSearch(offerings: [h100x1], specs: [h100])
        #expect(search.setups(for: minimaxM25, concurrency: 1).isEmpty)
        let scaled = search.setupsOrScaled(for: minimaxM25, concurrency: 1, limit: 1)
        let first = try #require(scaled.first)
        #expect(first.isProjected && first.gpuCount <= 8 && first.maxConcurrentStreams > 0)
        #expect(first.monthlyCost == 2.5 * Double(first.gpuCount) * 720)
        #expect(first.totalVramGB == 80 * Double(first.gpuCount))
    }

    @Test("GLM-4.7 needs 11 > 8 GPUs: no projected setup (§4.5)")
    func glmExceeds() {
        let search = SetupSearch(offerings: [h100x1], specs: [h100])
        #expect(search.setupsOrScaled(for: glm47, concurrency: 1).isEmpty)
    }

    @Test("only an H100×4 offering (no x1): no projection, cells beyond it are empty (§4.5)")
    func noX1() {
        let search = SetupSearch(offerings: [offering("H100", vram: 80, count: 4, price: 10)], specs: [h100])
        #expect(search.setupsOrScaled(for: glm47, concurrency: 1).isEmpty)
        #expect(search.setupsOrScaled(for: minimaxM25, concurrency: 100).isEmpty)
        #expect(search.scaledSetups(for: minimaxM25, concurrency: 1).isEmpty)
    }

    @Test("setups carry the direct estimate; offering interconnect never changes the tier (§4.5)",
          arguments: ["nvlink_paired", "nvlink", "pcie", ""])
    func estimateMatches(interconnect: String) throws {
        let search = SetupSearch(offerings: [offering("H100", vram: 80, count: 8, price: 20, interconnect: interconnect)],
                                 specs: [h100])
        let setup = try #require(search.setups(for: moe235, concurrency: 1).first)
        let direct = DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80)
        #expect(setup.deploymentEstimate == direct)
        #expect(setup.deploymentEstimate?.interconnectTier == .nvswitch)
        #expect(setup.interconnect == interconnect)
        #expect(setup.costPerStreamPerMonth == 20 * 720)
    }

    @Test("Scale column needs 100 streams (§4.5)")
    func scaleColumn() {
        let search = SetupSearch(offerings: [h100x12], specs: [h100])
        for setup in search.setupsOrScaled(for: minimaxM25, concurrency: 100) { #expect(setup.maxConcurrentStreams >= 100) }
        let fit = search.setups(for: minimaxM25, concurrency: 1)
        #expect(fit.count == 1 && fit.allSatisfy { $0.maxConcurrentStreams > 0 && $0.monthlyCost == 21_600 })
    }

    @Test("decision 15: fit is checked per VRAM variant before deduplicating")
    func fitBeforeDedup() throws {
        var glmFP8 = glm47
        glmFP8.precision = "FP8"  // 352.8 GB × 1.15 = 405.7 GB: fits 8 × 80 GB, not 8 × 40 GB
        let cheap40 = offering("A100", vram: 40, count: 8, price: 10.32, interconnect: "nvlink")
        let fitting80 = offering("A100", vram: 80, count: 8, price: 12.72, interconnect: "nvlink")
        let search = SetupSearch(offerings: [cheap40, fitting80], specs: [a100])
        let setup = try #require(search.setups(for: glmFP8, concurrency: 1).first)
        #expect(setup.totalVramGB == 640)
        #expect(setup.monthlyCost == 12.72 * 720)
        #expect(!setup.isProjected)
    }

    @Test("cheapest first, stable on ties, limited; too-slow setups skipped (§2.13)")
    func ordering() {
        let offers = [offering("H100", vram: 80, count: 8, price: 24), offering("B300", vram: 288, count: 1, price: 6.09),
                      offering("H100", vram: 80, count: 8, price: 20), offering("B300", vram: 288, count: 2, price: 12)]
        let search = SetupSearch(offerings: offers, specs: [h100, b300])
        let setups = search.setups(for: moe235, concurrency: 1)
        #expect(setups.map(\.monthlyCost) == setups.map(\.monthlyCost).sorted())
        #expect(close(setups.first?.monthlyCost, 8640))
        #expect(search.setups(for: moe235, concurrency: 1, limit: 1).count == 1)
        var strict = search
        strict.settings.minTokPerStream = 10_000
        #expect(strict.setups(for: moe235, concurrency: 1).isEmpty)
    }
}
