import SeekCore
import Testing
@testable import Sizing

/// The reference's alias table (§2.20); in seekgpu it is maintainer data (decisions.md 13).
let referenceAliases = ModelAliases([
    "Qwen3-Coder-480B-A35B-Instruct-FP8": "Qwen3-Coder-480B", "claude-sonnet-4-5-20250929": "claude-sonnet-4-5",
    "claude-opus-4-5-20251101": "claude-opus-4-5", "claude-4.5-opus": "claude-opus-4-5",
    "claude-4.5-sonnet": "claude-sonnet-4-5", "claude-4.6-opus": "claude-opus-4-6", "glm-4.7": "GLM-4.7",
    "gpt-5": "GPT-5.2", "gpt-5.2": "GPT-5.2", "gpt-5.2-codex": "GPT-5.2-Codex", "gpt-5.2-high-reasoning": "GPT-5.2-Codex",
    "kimi-k2-thinking": "Kimi-K2-Thinking", "kimi-k2.5": "Kimi-K2.5", "minimax-m2": "MiniMax-M2.1",
    "minimax-m2.1": "MiniMax-M2.1", "nemotron": "Nemotron-3-Nano", "nemotron-3-nano": "Nemotron-3-Nano",
    "nemotron-3-nano-30b": "Nemotron-3-Nano", "deepseek-v3.2-reasoner": "DeepSeek-V3.2-Reasoner",
    "gemini-3-flash": "Gemini-3-Flash", "gemini-3-pro": "Gemini-3-Pro", "gemini-3-pro-preview": "Gemini-3-Pro",
    "qwen-3-coder": "Qwen3-Coder-480B", "jade-spark-2862": "MiniMax-M2.5", "Minimax-2.5": "MiniMax-M2.5",
])

func day(_ iso: String) -> Day {
    Day(iso: iso) ?? Day(daysSinceEpoch: 0)
}

func snap(_ iso: String, _ rows: [(String, Double)], category: String = "overall") -> Snapshot {
    Snapshot(day: day(iso), entries: rows.map { entry($0.0, category, score: $0.1) }, sota: [])
}

/// reference-site.md §4.7 (`trend-data.test.ts`) and §4.8 (`gpu-trend-data.test.ts`).
struct TrendsTests {
    let open: Set<String> = ["ModelOpen", "ModelOpen2"]

    @Test("alias resolution (§4.7)", arguments: [
        ("unknown-model", "unknown-model"), ("gpt-5", "GPT-5.2"), ("jade-spark-2862", "MiniMax-M2.5"),
        ("claude-opus-4-5-20251101", "claude-opus-4-5"), ("claude-4.5-opus", "claude-opus-4-5"),
        ("minimax-m2", "MiniMax-M2.1"), ("minimax-m2.1", "MiniMax-M2.1"),
        ("Qwen3-Coder-480B-A35B-Instruct-FP8", "Qwen3-Coder-480B"), ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("GLM-4.7", "GLM-4.7"), ("nemotron", "Nemotron-3-Nano"),
    ])
    func aliases(name: String, expected: String) {
        #expect(referenceAliases.resolve(name) == expected)
    }

    @Test("alias chains stop on cycles")
    func cycles() {
        let cyclic = ModelAliases(["a": "b", "b": "c", "c": "a"])
        #expect(["a", "b", "c"].contains(cyclic.resolve("a")))
        #expect(ModelAliases(["x": "x"]).resolve("x") == "x")
    }

    @Test("open models (§4.7 isOpenSourceModel)")
    func isOpen() {
        let t = Trends(snapshots: [], aliases: referenceAliases,
                       openModels: ["DeepSeek-V3.2-Reasoner", "Qwen3-Coder-480B", "MiniMax-M2.5"])
        #expect(t.isOpen("DeepSeek-V3.2-Reasoner") && t.isOpen("deepseek-v3.2-reasoner") && t.isOpen("jade-spark-2862"))
        #expect(!t.isOpen("claude-opus-4-6") && !t.isOpen("GPT-5.2"))
    }

    @Test("decision 14: open vs closed comes from openness, not from a licence filter")
    func opennessDecides() {
        let s = Snapshot(day: day("2026-01-28"), entries: [
            entry("ClosedA", "overall", score: 60, openness: "closed_api_available"),
            entry("kimi-k2.5", "overall", score: 40, openness: "open_weights"),
            entry("Unlabelled", "overall", score: 70, openness: nil),
        ], sota: [])
        let t = Trends(snapshots: [s], aliases: referenceAliases)
        #expect(t.openModels == ["Kimi-K2.5"])
        let points = t.gapTrend(category: "overall")
        #expect(points.count == 1)
        #expect(points.first?.openSourceModel == "Kimi-K2.5" && points.first?.closedSourceModel == "Unlabelled")
    }

    func gap(_ snapshots: [Snapshot], category: String = "overall") -> [GapPoint] {
        Trends(snapshots: snapshots, aliases: referenceAliases, openModels: open).gapTrend(category: category)
    }

    @Test("gap trend (§4.7)")
    func gapTrend() {
        let first = snap("2026-01-28", [("ClosedA", 60), ("ModelOpen", 40)])
        #expect(gap([first]) == [GapPoint(date: day("2026-01-28"), closedSourceScore: 60, closedSourceModel: "ClosedA",
                                          openSourceScore: 40, openSourceModel: "ModelOpen")])
        let two = gap([first, snap("2026-02-05", [("ClosedA", 60), ("ModelOpen", 40), ("ModelOpen2", 50)])])
        #expect(two.count == 2)
        #expect(two.last?.openSourceModel == "ModelOpen2" && two.last?.openSourceScore == 50 && two.last?.date == day("2026-02-05"))
        #expect(gap([first, snap("2026-02-05", [("ClosedA", 60), ("ModelOpen", 40), ("ModelOpen2", 30)])]).count == 1)
        let changed = gap([snap("2026-01-28", [("ClosedA", 58), ("ModelOpen", 38)]),
                           snap("2026-02-05", [("ClosedA", 60), ("ModelOpen", 40)])])
        #expect(changed.count == 1 && changed.first?.closedSourceScore == 60 && changed.first?.openSourceScore == 40)
        let closedB = gap([first, snap("2026-02-05", [("ClosedA", 60), ("ModelOpen", 40), ("ClosedB", 70)])])
        #expect(closedB.count == 2 && closedB.last?.closedSourceModel == "ClosedB" && closedB.last?.date == day("2026-02-05"))
        #expect(gap([first], category: "frontend").isEmpty)
        #expect(gap([]).isEmpty)
    }

    @Test("SOTA-% trend (§4.7)", arguments: [(40.0, 80.0, 0.5), (75, 60, 1), (60, 60, 1), (30, 100, 0.3), (60, 100, 0.6), (5, 0, 1)])
    func sotaPercent(openScore: Double, closedScore: Double, expected: Double) {
        let p = GapPoint(date: day("2026-01-28"), closedSourceScore: closedScore, closedSourceModel: "C",
                         openSourceScore: openScore, openSourceModel: "O")
        #expect(close(p.percentOfSOTA, expected))
        #expect(Trends(snapshots: [], aliases: referenceAliases, openModels: []).sotaPercentTrend(category: "overall").isEmpty)
    }

    @Test("efficiency trend drops points without both costs (§2.20)")
    func efficiency() {
        var s = snap("2026-01-28", [("ClosedA", 60), ("ModelOpen", 40)])
        s.entries[0].costPerTask = 3.08
        #expect(Trends(snapshots: [s], aliases: referenceAliases, openModels: open).efficiencyTrend(category: "overall").isEmpty)
        s.entries[1].costPerTask = 0.22
        let points = Trends(snapshots: [s], aliases: referenceAliases, openModels: open).efficiencyTrend(category: "overall")
        #expect(points.count == 1 && points.first?.closedSourceCostPerTask == 3.08 && points.first?.openSourceCostPerTask == 0.22)
    }

    let costSearch = SetupSearch(offerings: [offering("H100", vram: 80, count: 4, price: 10)], specs: [h100],
                                 settings: ServingSettings(avgInputTokens: 40_000, avgOutputTokens: 1_500))

    @Test("cost trend (§4.7)")
    func costTrend() {
        let s = snap("2026-01-28", [("ClosedA", 60), ("MiniMax-M2.5", 44.4)])
        let t = Trends(snapshots: [s], aliases: referenceAliases, openModels: ["MiniMax-M2.5"])
        let points = t.costTrend(category: "overall", models: [minimaxM25], search: costSearch)
        #expect(points.count == 1 && points.first?.date == day("2026-01-28") && points.first?.score == 44.4)
        #expect((points.first?.monthlyCost ?? 0) > 0 && points.first?.pricedFromHistory == false)
        let unknown = Trends(snapshots: [snap("2026-01-28", [("ClosedA", 60), ("Nope", 40)])], aliases: referenceAliases,
                             openModels: ["Nope"])
        #expect(unknown.costTrend(category: "overall", models: [minimaxM25], search: costSearch).isEmpty)
    }

    @Test("decision 18: cost trend prices node offerings from the history at each date")
    func costTrendHistory() {
        let search = SetupSearch(offerings: [offering("H100", vram: 80, count: 8, price: 20)], specs: [h100])
        let history = PriceHistory(series: [PriceHistory.Point(date: day("2026-02-01"), prices: [.init(gpuName: "H100", usdPerNodeHour: 30)])])
        let snapshots = [snap("2026-01-28", [("ClosedA", 60), ("MiniMax-M2.5", 44)]),
                         snap("2026-02-05", [("ClosedA", 60), ("MiniMax-M2.5", 44), ("ClosedB", 70)])]
        let t = Trends(snapshots: snapshots, aliases: referenceAliases, openModels: ["MiniMax-M2.5"])
        let points = t.costTrend(category: "overall", models: [minimaxM25], search: search, history: history)
        #expect(points.map(\.monthlyCost) == [20 * 720, 30 * 720])
        #expect(points.map(\.pricedFromHistory) == [false, true])
        #expect(points.map(\.gpuSetup) == ["8× H100", "8× H100"])
    }

    @Test("GPU node price trend (§4.8)")
    func nodeTrend() {
        let history = PriceHistory(series: [PriceHistory.Point(date: day("2026-06-02"), prices: [.init(gpuName: "H100", usdPerNodeHour: 1.8)]),
                                                PriceHistory.Point(date: day("2026-06-01"), prices: [.init(gpuName: "H100", usdPerNodeHour: 2), .init(gpuName: "A100", usdPerNodeHour: 1.5)])])
        let rows = history.monthlyTrend()
        #expect(rows.map(\.day) == [day("2026-06-01"), day("2026-06-02")])
        #expect(rows[0].monthlyCost == ["H100": 1440, "A100": 1080])
        #expect(close(rows[1].monthlyCost["H100"], 1296) && rows[1].monthlyCost["A100"] == nil)
        #expect(PriceHistory().monthlyTrend().isEmpty)
    }

    @Test("reference costs and scaling curve (§2.20)")
    func curves() {
        let offers = [offering("H100", vram: 80, count: 1, price: 3.25), offering("H100", vram: 80, count: 8, price: 26)]
        let costs = CostCurves.referenceCosts(configs: [ReferenceConfig(label: "1× H100 80GB", gpuName: "H100", gpuCount: 1),
                                                        ReferenceConfig(label: "8× A100 80GB", gpuName: "A100_80G", gpuCount: 8)],
                                              offerings: offers)
        #expect(costs.count == 1 && costs.first?.label == "1× H100 80GB" && costs.first?.monthlyCost == 2340)
        let curve = CostCurves.scalingCurve(model: moe235, search: SetupSearch(offerings: offers, specs: [h100]))
        #expect(curve.first?.concurrency == 1 && curve.first?.gpuSetup == "8× H100")
        #expect(curve.allSatisfy { $0.gpuUtilisation <= 100 && $0.gpuUtilisation > 0 })
    }
}
