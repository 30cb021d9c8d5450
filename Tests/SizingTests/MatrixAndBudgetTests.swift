import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.5 matrix and budget-chart rows, §4.8 `gpu-presets.test`, decisions 16–17.
struct MatrixAndBudgetTests {
    let category = "swe_bench_verified"
    let h100x12 = offering("H100", vram: 80, count: 12, price: 30)
    var entries: [BenchmarkEntry] { [entry("MiniMax-M2.5", category, score: 65.0), entry("GLM-4.7", category, score: 72.3)] }
    let tiny = model("Tiny-14B", learnable: 14, arch: "Dense", precision: "BF16", layers: 40, kvHeads: 8, headDim: 128)
    var search: SetupSearch { SetupSearch(offerings: [h100x12], specs: [h100]) }
    let config12 = GPUConfig(label: "12× H100 80GB", gpuName: "H100", gpuCount: 12, vramPerGPUGB: 80, interconnect: "nvlink")

    @Test("performance matrix: 2 rows × Fit/Scale, GLM first at 0.90375 (§4.5)")
    func performance() {
        let rows = PerformanceMatrix.ranked(models: [glm47, minimaxM25], entries: entries, sota: sota(category, 80),
                                            category: category, search: search)
        #expect(rows.map(\.modelName) == ["GLM-4.7", "MiniMax-M2.5"])
        #expect(rows.allSatisfy { $0.cells.count == 2 })
        #expect(close(rows.first?.percentOfSOTA, 0.90375))
        for row in rows {
            for cell in row.cells {
                if let setup = cell.setup {
                    #expect(setup.maxConcurrentStreams >= cell.minStreams && setup.maxConcurrentStreams > 0)
                    #expect(setup.decodeThroughputTokS.map { $0 > 0 } ?? true)
                }
            }
        }
        let noSOTA = PerformanceMatrix.ranked(models: [glm47], entries: entries, sota: nil, category: category, search: search)
        #expect(noSOTA.first?.percentOfSOTA == nil)  // decision 16
    }

    @Test("unranked matrix, biggest first (§4.5)")
    func unranked() {
        let rows = PerformanceMatrix.unranked(models: [minimaxM25, glm47], entries: [], category: "frontend", search: search)
        #expect(rows.map(\.modelName) == ["GLM-4.7", "MiniMax-M2.5"])
        #expect(rows.allSatisfy { $0.isUnranked && $0.cells.count == 2 && $0.benchmarkScore == nil && $0.percentOfSOTA == nil })
        let one = PerformanceMatrix.unranked(models: [minimaxM25, glm47], entries: [entry("GLM-4.7", "frontend", score: 40)],
                                             category: "frontend", search: search)
        #expect(one.map(\.modelName) == ["MiniMax-M2.5"])
    }

    @Test("budget chart: ranked by score, unranked after, nil not 0 % (§4.5)")
    func budgetChart() {
        let points = Budget.chartPoints(config: config12, models: [minimaxM25, tiny, glm47], entries: entries,
                                        sota: sota(category, 80), category: category, memoryUtilization: 0.9, search: search)
        #expect(points.map(\.modelName) == ["GLM-4.7", "MiniMax-M2.5", "Tiny-14B"])
        let t = points[2]
        #expect(t.isUnranked && t.fits && t.benchmarkScore == nil && t.percentOfSOTA == nil)
        #expect(points[0].benchmarkScore == 72.3 && close(points[0].percentOfSOTA, 90.375))
        var low = entries
        low[0].score = 20
        let dropped = Budget.chartPoints(config: config12, models: [minimaxM25, tiny, glm47], entries: low,
                                         sota: sota(category, 80), category: category, memoryUtilization: 0.9, search: search)
        #expect(dropped.map(\.modelName) == ["GLM-4.7", "Tiny-14B"])
    }

    @Test("budget point equals the direct estimate; requests/h formula (§4.5)")
    func budgetEstimate() throws {
        let config = GPUConfig(label: "8× H100 80GB", gpuName: "H100", gpuCount: 8, vramPerGPUGB: 80, interconnect: "nvlink")
        var s = SetupSearch(offerings: [], specs: [h100])
        s.settings = ServingSettings(avgInputTokens: 8000, avgOutputTokens: 1000)
        let points = Budget.chartPoints(config: config, models: [moe235, minimaxM25], entries: [], sota: nil,
                                        category: category, memoryUtilization: 0.9, search: s)
        let moe = try #require(points.first { $0.modelName == "MOE" })
        let direct = DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: s.settings,
                                        memoryUtilization: 0.9)
        #expect(moe.deploymentEstimate == direct && moe.throughputModeled)
        let e = try #require(direct)
        let expected = 3600 / (8000 * 0.1 / (e.prefillComputeTokS ?? 0) + 1000 / (e.aggregateTokS ?? 0))
        #expect(approx(moe.requestsPerHour, (expected * 1000).rounded() / 1000, digits: 3))
        #expect((moe.requestsPerHour ?? 0) > Double(moe.maxConcurrentStreams) * (moe.decodeThroughputTokS ?? 0) / 1000 * 3600)
        let mm = try #require(points.first { $0.modelName == "MiniMax-M2.5" })
        #expect(!mm.throughputModeled && mm.fits && mm.requestsPerHour == nil)
        let one = GPUConfig(label: "1× H100 80GB", gpuName: "H100", gpuCount: 1, vramPerGPUGB: 80, interconnect: "nvlink")
        let small = Budget.chartPoints(config: one, models: [moe235], entries: [], sota: nil, category: category,
                                       memoryUtilization: 0.9, search: s)
        #expect(small.first?.fits == false && small.first?.deploymentEstimate == nil && small.first?.doesntFitReason == "Not enough VRAM")
    }

    @Test("presets: top models must fit; datasheet VRAM (§4.8)")
    func presets() {
        let big = model("GLM-5.1", learnable: 747.2, arch: "MoE", precision: "BF16")
        let h200 = spec("H200", memory: 141, tflops: 989, tbps: 4.8, pcie: 64, nvlink: 900, arch: "Hopper", tier: .nvswitch)
        let pods = [offering("H100", vram: 80, count: 8, price: 20)]
        let e = [entry("GLM-5.1", "overall", score: 58)]
        #expect(Budget.presets(category: "overall", models: [big], entries: e,
                               search: SetupSearch(offerings: pods, specs: [h100])).isEmpty)
        let withH200 = pods + [offering("H200", vram: 144, count: 16, price: 60)]
        let p = Budget.presets(category: "overall", models: [big], entries: e, search: SetupSearch(offerings: withH200, specs: [h100, h200]))
        #expect(p.first?.gpuName == "H200" && p.first?.gpuCount == 16 && p.first?.vramPerGPUGB == 141)
        #expect(p.first?.label == "16× H200 141GB")
    }

    @Test("decision 17: presets rank top models by the selected category")
    func presetsByCategory() {
        let big = model("Big", learnable: 747.2, arch: "MoE", precision: "BF16")
        let e = [entry("Big", "overall", score: 90), entry("Small", "frontend", score: 90), entry("Big", "frontend", score: 10)]
        let small = model("Small", learnable: 7, arch: "Dense", precision: "BF16")
        let offers = [offering("H100", vram: 80, count: 1, price: 2)]
        let search = SetupSearch(offerings: offers, specs: [h100])
        #expect(Budget.presets(category: "overall", models: [big], entries: e, search: search).isEmpty)
        #expect(Budget.presets(category: "frontend", models: [big, small], entries: e, search: search, topModelCount: 1).count == 1)
        #expect(Budget.presets(category: "overall", models: [big, small], entries: e, search: search, topModelCount: 1).isEmpty)
    }
}
