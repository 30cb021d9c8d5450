import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.7 `computeModelSizeScore` rows (rows needing a null parameter count cannot be built:
/// `ModelSpec.learnableParamsB` is non-optional).
struct ModelSizeScoreTests {
    func trends(_ rows: [(String, Double)], category: String = "overall", open: Set<String>) -> Trends {
        Trends(snapshots: [snap("2026-06-16", rows, category: category)], aliases: referenceAliases, openModels: open)
    }

    @Test("ranked open model with size (§4.7)")
    func ranked() {
        let large = model("OpenLarge", learnable: 100, arch: "Dense", precision: "BF16")
        let r = trends([("OpenLarge", 45), ("ClosedX", 80)], open: ["OpenLarge"]).modelSizeScore(category: "overall", models: [large])
        #expect(r.ranked == [ModelSizePoint(modelName: "OpenLarge", score: 45, minVramGB: 230, paramsB: 100)])
        #expect(r.unranked.isEmpty)
    }

    @Test("only names in models.json; best duplicate; aliases; category (§4.7)")
    func filters() {
        let fine = model("Fine", learnable: 20, arch: "Dense", precision: "BF16")
        let r = trends([("Fine", 30), ("Fine", 55), ("Fine", 42), ("NotInModelsList", 50)], open: ["Fine", "NotInModelsList"])
            .modelSizeScore(category: "overall", models: [fine])
        #expect(r.ranked.map(\.modelName) == ["Fine"] && r.ranked.first?.score == 55 && r.unranked.isEmpty)
        let alias = trends([("jade-spark-2862", 44)], open: ["MiniMax-M2.5"]).modelSizeScore(category: "overall", models: [minimaxM25])
        #expect(alias.ranked.map(\.modelName) == ["MiniMax-M2.5"] && alias.ranked.first?.score == 44 && alias.unranked.isEmpty)
        var twoCats = trends([("Fine", 30)], open: ["Fine"])
        twoCats.snapshots[0].entries.append(entry("Fine", "frontend", score: 99))
        #expect(twoCats.modelSizeScore(category: "overall", models: [fine]).ranked.first?.score == 30)
    }

    @Test("unscored open models are unranked with min VRAM (§4.7)")
    func unranked() {
        let ranked = model("Ranked", learnable: 30, arch: "Dense", precision: "BF16")
        let fresh = model("FreshDrop", learnable: 70, arch: "Dense", precision: "BF16")
        let r = trends([("Ranked", 50)], open: ["Ranked", "FreshDrop"]).modelSizeScore(category: "overall", models: [ranked, fresh])
        #expect(r.unranked == [ModelSizePoint(modelName: "FreshDrop", score: nil, minVramGB: 161, paramsB: nil)])
        let frontendOnly = model("FrontendOnly", learnable: 10, arch: "Dense", precision: "BF16")
        let f = trends([("FrontendOnly", 40)], category: "frontend", open: ["FrontendOnly"])
            .modelSizeScore(category: "overall", models: [frontendOnly])
        #expect(f.ranked.isEmpty && f.unranked.map(\.modelName) == ["FrontendOnly"])
    }

    @Test("best open model of the latest snapshot (§2.20)")
    func bestOpen() {
        let t = trends([("ClosedA", 90), ("jade-spark-2862", 45), ("GLM-4.7", 42)], open: ["MiniMax-M2.5", "GLM-4.7"])
        #expect(t.bestOpenModel(category: "overall", models: [glm47, minimaxM25])?.modelName == "MiniMax-M2.5")
    }
}
