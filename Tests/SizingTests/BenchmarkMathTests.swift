import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §2.17 and the SOTA rows of §4.5.
struct BenchmarkMathTests {
    @Test("percent of SOTA (§4.5: 72.3 / 80 = 0.90375)")
    func percent() {
        #expect(close(BenchmarkMath.fractionOfSOTA(score: 72.3, sota: sota("swe_bench_verified", 80)), 0.90375))
    }

    @Test("decision 16: no SOTA row gives nil, not 0 %")
    func noSOTA() {
        #expect(BenchmarkMath.fractionOfSOTA(score: 72.3, sota: nil) == nil)
        #expect(BenchmarkMath.fractionOfSOTA(score: 72.3, sota: sota("x", 0)) == nil)
    }

    let glm51: [BenchmarkEntry] = [
        entry("GLM-5.1", "frontend", cost: 6.92), entry("GLM-5.1", "greenfield", cost: 5.31),
        entry("GLM-5.1", "information_gathering", cost: 0.47), entry("GLM-5.1", "issue_resolution", cost: 1.54),
        entry("GLM-5.1", "testing", cost: 0.76), entry("GLM-5.1", "overall", cost: 3.0),
    ]

    @Test("total benchmark API cost (§2.17: GLM-5.1 overall 1967.43)")
    func totalCost() {
        #expect(close(BenchmarkMath.totalBenchmarkCost(modelName: "GLM-5.1", category: "overall", entries: glm51),
                      1967.43, tol: 1e-12))
        #expect(close(BenchmarkMath.totalBenchmarkCost(modelName: "X", category: "issue_resolution",
                                                       entries: [entry("X", "issue_resolution", cost: 1.43)]), 715))
        #expect(BenchmarkMath.totalBenchmarkCost(modelName: "GLM-5.1", category: "overall",
                                                 entries: Array(glm51.dropFirst())) == nil)
        #expect(BenchmarkMath.totalBenchmarkCost(modelName: "GLM-5.1", category: "swe_bench", entries: glm51) == nil)
        #expect(BenchmarkMath.totalBenchmarkCost(modelName: "Y", category: "testing", entries: [entry("Y", "testing")]) == nil)
    }
}
