import Foundation
import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §2.2 table, §2.19 and §4.9 on the real reference data (defaults, production GPU list,
/// licence "All"). Printed values are compared within half a unit of their last printed digit.
@Suite(.enabled(if: ReferenceData.available))
struct EndToEndTests {
    struct Data {
        let models: [ModelSpec]
        let search: SetupSearch
        let latest: Snapshot
        func model(_ name: String) -> ModelSpec? { models.first { $0.modelName == name } }
    }

    static func load() throws -> Data {
        let snapshots = try ReferenceData.snapshots()
        let latest = try #require(snapshots.last)
        return Data(models: try ReferenceData.models(),
                    search: SetupSearch(offerings: try ReferenceData.offerings(), specs: try ReferenceData.specs()),
                    latest: latest)
    }

    @Test("§2.2 model table: weights, active, min VRAM, KV bytes, throughput state", arguments: [
        ("DeepSeek-V3.2-Reasoner", 678.3, 44.9, 781.0, 70_272.0, ThroughputState.modeled),
        ("DeepSeek-V4-Pro", 910.7, 39.837, 1048, 9_848, .unsupportedArch),
        ("GLM-4.7", 705.6, 67.4, 812, 376_832, .modeled),
        ("GLM-5.1", 1494.4, 90.2, 1719, 89_856, .modeled),
        ("GLM-5.2-FP8", 747.2, 45.1, 860, 89_856, .modeled),
        ("Kimi-K2.6", 594.169, 35.325, 684, 70_272, .modeled),
        ("MiniMax-M2.5", 228.7, 11.1, 264, 253_952, .modeled),
        ("MiniMax-M3", 853.4, 53.0, 982, 137_472, .unsupportedArch),
        ("MiniMax-M3-MXFP8", 426.3, 26.0, 491, 137_472, .unsupportedArch),
        ("Nemotron-3-Nano", 63.0, 7.0, 73, 6_144, .unsupportedArch),
        ("Nemotron-3-Super", 268.288, 25.513, 309, 8_192, .unsupportedArch),
        ("Qwen3-Coder-480B", 960.4, 71.0, 1105, 253_952, .modeled),
        ("Qwen3-Coder-Next", 159.4, 7.8, 184, 24_576, .unsupportedArch),
        ("Qwen3.5-Flash", 69.4, 7.0, 80, 20_480, .unsupportedArch),
        ("Trinity-Large-Thinking", 797.2, 26.8, 917, 245_760, .modeled),
    ])
    func modelTable(name: String, weights: Double, active: Double, minVram: Double, kv: Double, state: ThroughputState) throws {
        let m = try #require(try ReferenceData.models().first { $0.modelName == name })
        let digits = weights == weights.rounded(toPlaces: 1) ? 1 : 3
        #expect(approx(m.weightMemoryGB(), weights, digits: digits))
        #expect(approx(m.activeWeightMemoryGB(), active, digits: active == active.rounded(toPlaces: 1) ? 1 : 3))
        #expect(m.minVRAMGB() == minVram)
        #expect(m.kvCacheBytesPerToken() == kv)
        #expect(m.throughputState == state)
    }

    /// (model, column, gpuCount, gpuName, monthly, streams, single, aggregate); nil gpuName = exceeds capacity.
    static let performanceRows: [(String, Int, Int, String?, Double, Int, Double?, Double?)] = [
        ("GLM-5.1", 1, 8, "B300", 43_200, 99, 127.47, 73_728), ("GLM-5.1", 100, 0, nil, 0, 0, nil, nil),
        ("MiniMax-M3", 1, 4, "B300", 21_600, 16, nil, nil), ("MiniMax-M3", 100, 8, "B300", 43_200, 163, nil, nil),
        ("Kimi-K2.6", 1, 8, "RTXPRO6000", 10_368, 25, 89.35, 10_377.7),
        ("Kimi-K2.6", 100, 4, "B300", 21_600, 109, 170.63, 103_637.8),
        ("DeepSeek-V3.2-Reasoner", 1, 6, "H200", 19_828.80, 22, 151.39, 14_721.0),
        ("DeepSeek-V3.2-Reasoner", 100, 8, "B200", 35_193.60, 181, 184.04, 212_240.5),
        ("MiniMax-M2.5", 1, 6, "A40", 1_900.80, 2, 73.86, 770.5),
        ("MiniMax-M2.5", 100, 8, "B300", 43_200, 140, 206.67, 847_244.7),
        ("Qwen3-Coder-Next", 1, 4, "A40", 1_267.20, 9, nil, nil), ("Qwen3-Coder-Next", 100, 7, "A40", 2_217.60, 119, nil, nil),
        ("GLM-4.7", 1, 6, "H200", 19_828.80, 2, 95.51, 891.5), ("GLM-4.7", 100, 0, nil, 0, 0, nil, nil),
        ("DeepSeek-V4-Pro", 1, 4, "B300", 21_600, 105, nil, nil), ("DeepSeek-V4-Pro", 100, 4, "B300", 21_600, 105, nil, nil),
        ("Qwen3.5-Flash", 1, 2, "A40", 633.60, 16, nil, nil), ("Qwen3.5-Flash", 100, 4, "A40", 1_267.20, 104, nil, nil),
        ("Nemotron-3-Super", 1, 7, "A40", 2_217.60, 56, nil, nil), ("Nemotron-3-Super", 100, 8, "A40", 2_534.40, 163, nil, nil),
        ("Trinity-Large-Thinking", 1, 4, "B300", 21_600, 14, 176.25, 17_545.6),
        ("Trinity-Large-Thinking", 100, 0, nil, 0, 0, nil, nil),
        ("Qwen3-Coder-480B", 1, 8, "H200", 23_040, 3, 123.34, 1_692.6), ("Qwen3-Coder-480B", 100, 0, nil, 0, 0, nil, nil),
        ("Nemotron-3-Nano", 1, 2, "A40", 633.60, 77, nil, nil), ("Nemotron-3-Nano", 100, 5, "RTX3090", 792, 146, nil, nil),
        ("GLM-5.2", 1, 8, "B300", 43_200, 99, nil, nil), ("GLM-5.2", 100, 0, nil, 0, 0, nil, nil),
        ("GLM-5.2-FP8", 1, 4, "B300", 21_600, 49, 135.70, 36_491.6), ("GLM-5.2-FP8", 100, 8, "B200", 35_193.60, 126, nil, nil),
        ("MiniMax-M3-MXFP8", 1, 7, "A100", 8_013.60, 11, nil, nil), ("MiniMax-M3-MXFP8", 100, 8, "B200", 35_193.60, 132, nil, nil),
    ]

    @Test("§4.9 Performance Fit/Scale cells (overall, defaults)", arguments: performanceRows)
    func performanceCell(row: (String, Int, Int, String?, Double, Int, Double?, Double?)) throws {
        let data = try Self.load()
        let m = try #require(data.model(row.0))
        let setup = data.search.setupsOrScaled(for: m, concurrency: row.1, limit: 1).first
        guard let gpu = row.3 else {
            #expect(setup == nil)
            return
        }
        let s = try #require(setup)
        #expect(s.gpuName == gpu && s.gpuCount == row.2 && s.maxConcurrentStreams == row.5)
        #expect(approx(s.monthlyCost, row.4, digits: 2))
        if let single = row.6 { #expect(approx(s.decodeThroughputTokS, single, digits: 2)) }
        if let aggregate = row.7 {
            #expect(approx(s.deploymentEstimate?.aggregateTokS, aggregate, digits: aggregate == aggregate.rounded() ? 0 : 1))
        }
    }

    @Test("§4.9 Performance ranking, % of SOTA and API cost (overall)")
    func performanceRanking() throws {
        let data = try Self.load()
        let overallSOTA = data.latest.sota.first { $0.benchmarkName == "overall" }
        #expect(overallSOTA?.sotaModelName == "claude-fable-5" && overallSOTA?.sotaScore == 81.0)
        #expect(approx(BenchmarkMath.totalBenchmarkCost(modelName: "claude-fable-5", category: "overall",
                                                        entries: data.latest.entries), 3304.28, digits: 2))
        let rows = PerformanceMatrix.ranked(models: data.models, entries: data.latest.entries, sota: overallSOTA,
                                            category: "overall", search: data.search)
        #expect(rows.map(\.modelName).prefix(4) == ["GLM-5.1", "MiniMax-M3", "Kimi-K2.6", "GLM-5"])
        #expect(rows.count == 18)
        let expected: [(String, Double, Double)] = [("GLM-5.1", 71.85, 1967.43), ("MiniMax-M3", 70.62, 236.00),
                                                    ("Kimi-K2.6", 70.49, 636.79), ("Nemotron-3-Nano", 19.14, 250.15)]
        for (name, pct, cost) in expected {
            let row = try #require(rows.first { $0.modelName == name })
            #expect(approx(row.percentOfSOTA.map { $0 * 100 }, pct, digits: 2))
            #expect(approx(row.totalBenchmarkCost, cost, digits: 2))
        }
        let unranked = PerformanceMatrix.unranked(models: data.models, entries: data.latest.entries, category: "overall",
                                                  search: data.search)
        #expect(unranked.map(\.modelName) == ["GLM-5.2", "GLM-5.2-FP8", "Kimi-K2.7-Code", "MiniMax-M3-MXFP8"])
    }

    @Test("§4.9 Budget on the default preset 8× RTXPRO6000 96GB")
    func budget() throws {
        let data = try Self.load()
        let overallSOTA = data.latest.sota.first { $0.benchmarkName == "overall" }
        let presets = Budget.presets(category: "overall", models: data.models, entries: data.latest.entries, search: data.search)
        let config = try #require(presets.first)
        #expect(config.label == "8× RTXPRO6000 96GB")
        let points = Budget.chartPoints(config: config, models: data.models, entries: data.latest.entries, sota: overallSOTA,
                                        category: "overall", memoryUtilization: 0.9, search: data.search)
        func point(_ name: String) -> BudgetPoint? { points.first { $0.modelName == name } }
        for name in ["Kimi-K2.6", "Kimi-K2.5", "Kimi-K2-Thinking", "Kimi-K2.7-Code"] {
            let p = try #require(point(name))
            #expect(p.fits && p.maxConcurrentStreams == 25)
            #expect(approx(p.decodeThroughputTokS, 89.35, digits: 2) && approx(p.requestsPerHour, 8_515.7, digits: 1))
            #expect(approx(p.deploymentEstimate?.aggregateTokS, 10_377.7, digits: 1))
            #expect(p.deploymentEstimate?.teamSize() == 42)
        }
        for name in ["MiniMax-M2.5", "MiniMax-M2.7", "MiniMax-M2.1"] {
            let p = try #require(point(name))
            #expect(p.maxConcurrentStreams == 37 && approx(p.requestsPerHour, 27_243.2, digits: 1))
            #expect(p.deploymentEstimate?.teamSize() == 136)
        }
        #expect(point("Qwen3-Coder-Next")?.maxConcurrentStreams == 452 && point("Qwen3-Coder-Next")?.throughputModeled == false)
        #expect(point("MiniMax-M3-MXFP8")?.maxConcurrentStreams == 39)
        for name in ["GLM-5.1", "MiniMax-M3", "GLM-5", "DeepSeek-V3.2-Reasoner", "GLM-4.7", "DeepSeek-V4-Pro", "GLM-5.2-FP8", "GLM-5.2"] {
            #expect(point(name)?.doesntFitReason == "Not enough VRAM")
        }
        for name in ["Qwen3.5-Flash", "Nemotron-3-Super", "Trinity-Large-Thinking", "Qwen3-Coder-480B", "Nemotron-3-Nano"] {
            #expect(point(name) == nil)
        }
    }

    @Test("§2.19 API vs. self-hosting: Kimi-K2.6 on 8× RTXPRO6000")
    func apiVsSelfHosting() throws {
        let data = try Self.load()
        let kimi = try #require(data.model("Kimi-K2.6"))
        let cost = try #require(SelfHostingCost(model: kimi, gpuName: "RTXPRO6000", gpuCount: 8, totalVramGB: 768,
                                                search: data.search, memoryUtilization: 0.9))
        #expect(approx(cost.baseMonthlyCost, 10_368, digits: 2))
        #expect(approx(cost.maxRequestsPerMonth, 6_131_291.67, digits: 0))
        #expect(approx(cost.floorCostPerRequest, 0.0016910, digits: 7))
        let api = try ReferenceData.apiPrices().map { p in
            (p.modelName, APICost.averageCostPerRequest(price: p, pattern: ConversationPattern(),
                                                        ttlMinutes: APICost.cacheTTLMinutes(lab: p.lab)))
        }
        let expected = ["claude-fable-5": 0.253390, "Gemini-3.5-Flash": 0.035933, "GPT-5.6": 0.126025]
        for (name, value) in api { #expect(approx(value, expected[name] ?? -1, digits: 6)) }
        let evens = cost.breakEvens(apiCosts: api)
        #expect(evens.map(\.modelName) == ["claude-fable-5", "GPT-5.6", "Gemini-3.5-Flash"])
        #expect(zip(evens.map(\.requestsPerMonth), [40_917.0, 82_269, 288_541]).allSatisfy { approx($0, $1, digits: 0) })
        #expect(zip(evens.compactMap(\.utilizationPercent), [0.67, 1.34, 4.71]).allSatisfy { approx($0, $1, digits: 2) })
    }

    @Test("§4.9 Trends (overall): gap, SOTA %, cost per task, cost trend, scaling, reference costs")
    func trends() throws {
        let data = try Self.load()
        let trends = Trends(snapshots: try ReferenceData.snapshots(), aliases: referenceAliases)
        let gap = trends.gapTrend(category: "overall")
        let expected: [(String, String, Double, String, Double)] = [
            ("2026-01-28", "claude-opus-4-5", 60.6, "DeepSeek-V3.2-Reasoner", 45.7),
            ("2026-01-31", "claude-opus-4-5", 60.6, "Kimi-K2.5", 49.2), ("2026-02-09", "claude-opus-4-6", 66.7, "Kimi-K2.5", 49.2),
            ("2026-03-12", "claude-opus-4-6", 66.7, "GLM-5", 49.4), ("2026-04-23", "claude-opus-4-7", 69.7, "GLM-5.1", 58.2),
            ("2026-06-02", "claude-opus-4-8", 71.9, "GLM-5.1", 58.2), ("2026-06-16", "claude-fable-5", 81.0, "GLM-5.1", 58.2),
        ]
        #expect(gap.map(\.date.iso) == expected.map(\.0))
        #expect(gap.map(\.closedSourceModel) == expected.map(\.1) && gap.map(\.closedSourceScore) == expected.map(\.2))
        #expect(gap.map(\.openSourceModel) == expected.map(\.3) && gap.map(\.openSourceScore) == expected.map(\.4))
        let pct = [0.7541, 0.8119, 0.7376, 0.7406, 0.8350, 0.8095, 0.7185]
        #expect(zip(gap.map(\.percentOfSOTA), pct).allSatisfy { approx($0, $1, digits: 4) })
        let eff = trends.efficiencyTrend(category: "overall")
        #expect(eff.map(\.closedSourceCostPerTask) == [3.08, 3.08, 2.34, 2.34, 2.31, 2.46, 5.54])
        #expect(eff.map(\.openSourceCostPerTask) == [0.22, 0.82, 0.82, 1.03, 3.00, 3.00, 3.00])
        let cost = trends.costTrend(category: "overall", models: data.models, search: data.search)
        #expect(cost.map(\.gpuSetup) == ["6× H200", "8× RTXPRO6000", "8× RTXPRO6000", "8× B300", "8× B300", "8× B300", "8× B300"])
        #expect(zip(cost.map(\.monthlyCost), [19_828.8, 10_368, 10_368, 43_200, 43_200, 43_200, 43_200]).allSatisfy { approx($0, $1, digits: 1) })
        let dated = trends.costTrend(category: "overall", models: data.models, search: data.search,
                                     history: try ReferenceData.priceHistory())
        #expect(dated.count == cost.count)  // decision 18: same points, prices as of each date where logged
        let glm51 = try #require(data.model("GLM-5.1"))
        let scaling = CostCurves.scalingCurve(model: glm51, search: data.search)
        #expect(scaling.map(\.concurrency) == [1] + Array(stride(from: 5, through: 95, by: 5)))
        #expect(scaling.allSatisfy { $0.gpuSetup == "8× B300" && approx($0.monthlyCost, 43_200, digits: 2) })
        #expect(scaling.first?.gpuUtilisation == 1 && scaling[10].gpuUtilisation == 51 && scaling.last?.gpuUtilisation == 96)
        let refs = CostCurves.referenceCosts(offerings: data.search.offerings)
        #expect(refs.map(\.label) == ["1× H100 80GB", "4× H100 80GB", "8× H100 80GB", "1× H200 141GB"])
        #expect(zip(refs.map(\.monthlyCost), [2_340.0, 9_360, 18_720, 2_880]).allSatisfy { approx($0, $1, digits: 2) })
        let frontend = trends.gapTrend(category: "frontend")
        #expect(frontend.count == 8 && frontend.first?.openSourceModel == "Kimi-K2-Thinking" && frontend.first?.openSourceScore == 32.4)
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}
