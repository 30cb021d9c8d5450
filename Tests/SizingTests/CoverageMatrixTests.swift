import SeekCore
import Testing
@testable import Sizing

/// §4.8 snapshot-matrix.test cases.
@Suite struct CoverageMatrixTests {
    func e(_ name: String, _ category: String, _ score: Double, open: Bool = true) -> BenchmarkEntry {
        BenchmarkEntry(modelName: name, benchmarkName: category, benchmarkDisplayName: category, score: score, rank: 1,
                       costPerTask: nil, benchmarkGroup: "", benchmarkGroupDisplay: "",
                       openness: open ? "open_weights" : "closed_api_available")
    }

    var entries: [BenchmarkEntry] {
        [e("DeepSeek-V3", "overall", 45), e("DeepSeek-V3", "frontend", 50), e("DeepSeek-V3", "greenfield", 40),
         e("Qwen3-Coder-480B", "frontend", 30),
         e("claude-opus-4-6", "overall", 66.7, open: false), e("claude-opus-4-5", "overall", 60.6, open: false),
         e("GPT-5.4", "overall", 63.8, open: false)]
    }

    @Test func selectedClosedAndOpenModelsInScoreOrder() {
        let rows = CoverageMatrix.rows(entries: entries, models: [],
                                       closedModelsPerLab: ["anthropic": "claude-opus-4-6", "openai": "GPT-5.4"])
        #expect(rows.map(\.modelName) == ["claude-opus-4-6", "GPT-5.4", "DeepSeek-V3", "Qwen3-Coder-480B"])
        #expect(rows[0].lab == "anthropic" && rows[2].lab == nil)
        #expect(rows[2].scores["frontend"] == 50 && rows[2].scores["greenfield"] == 40 && rows[2].scores["testing"] == nil)
        #expect(rows.allSatisfy { !$0.isUnranked })
        #expect(CoverageMatrix.rows(entries: [], models: [], closedModelsPerLab: [:]).isEmpty)
    }

    @Test func sizedModelsWithoutScoresAreUnrankedAndLastWithoutDuplicates() {
        let rows = CoverageMatrix.rows(entries: entries, models: ["GLM-5.2", "DeepSeek-V3"],
                                       closedModelsPerLab: ["anthropic": "claude-opus-4-6", "openai": "GPT-5.4"])
        #expect(rows.filter { $0.modelName == "GLM-5.2" }.count == 1)
        #expect(rows.filter { $0.modelName == "DeepSeek-V3" }.count == 1)
        #expect(rows.last?.modelName == "GLM-5.2" && rows.last?.isUnranked == true && rows.last?.lab == nil)
    }

    @Test func theSelectionDecidesWhichClosedModelsAppear() {
        let older = CoverageMatrix.rows(entries: entries, models: [], closedModelsPerLab: ["anthropic": "claude-opus-4-5"])
        #expect(older.contains { $0.modelName == "claude-opus-4-5" && !$0.isUnranked })
        #expect(!older.contains { $0.modelName == "claude-opus-4-6" })
        let unscored = CoverageMatrix.rows(entries: entries, models: [], closedModelsPerLab: ["anthropic": "claude-fable-5"])
        #expect(unscored.last?.modelName == "claude-fable-5" && unscored.last?.lab == "anthropic" && unscored.last?.isUnranked == true)
    }

    @Test func withoutOverallTheMeanOfCategoriesRanks() {
        let rows = CoverageMatrix.rows(entries: [e("Alpha", "frontend", 10), e("Zebra", "frontend", 90), e("Zebra", "testing", 80)],
                                       models: [], closedModelsPerLab: [:])
        #expect(rows.map(\.modelName) == ["Zebra", "Alpha"])
    }
}
