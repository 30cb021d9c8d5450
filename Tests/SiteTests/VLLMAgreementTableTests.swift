import Feeds
import Foundation
import SeekCore
import Sizing
import Testing
import TestSupport
@testable import Site

/// The Methodology page's agreement table on the shared public vLLM logs.
@Suite struct VLLMAgreementTableTests {
    @Test func everyCaseIsListedWithReportedAndPredictedFigures() throws {
        let cases = try VLLMLogCases.load(path: Fixtures.shared("vllm-logs/cases.json").path)
        let rows = VLLMAgreement.rows(cases)
        #expect(rows.count == 34)
        #expect(rows.filter { $0.checkable && $0.problem == nil }.count >= 27)
        let html = MethodologyPage(assumptions: .reference, vllmAgreement: rows).render()
        #expect(html.contains("id=\"vllm-agreement\"") && html.contains("href=\"#vllm-agreement\""))
        #expect(html.contains("planner-llama31-8b-tp1") && html.contains("476,016") && html.contains("58.11×"))
        #expect(html.contains("not checkable: linear-attention hybrid"))
        #expect(!MethodologyPage(assumptions: .reference).render().contains("vllm-agreement"))
    }

    @Test func theMemoryTableShowsPrintedAndPredictedWeightsAndAvailableKVWithTheReserveTerms() throws {
        let cases = try VLLMLogCases.load(path: Fixtures.shared("vllm-logs/cases.json").path)
        let registry = try ModelArchitectures.load(configDirectory: Fixtures.configDirectory)
        let config = try #require(try Fixtures.vllmLogConfig(of: "meta-llama/Llama-3.1-8B-Instruct"))
        let facts = try ServingCheckpoint(config: config, architectures: registry, dtypeBytes: 2)
        let rows = VLLMAgreement.rows(cases, models: ["meta-llama/Llama-3.1-8B-Instruct": facts],
                                      datasheetGB: { ["H100": 80, "RTX3090": 24][$0] })
        let checked = rows.filter { $0.memory != nil }
        #expect(checked.map(\.id) == ["planner-llama31-8b-tp1", "planner-llama31-8b-tp1-kvfp8", "planner-llama31-8b-tp2",
                                      "planner-llama31-8b-tp4", "vllm10517-llama31-8b-v0-20k", "vllm10517-llama31-8b-v0-29k"])
        let html = MethodologyPage(assumptions: .seekgpu, vllmAgreement: rows).render()
        #expect(html.contains("id=\"vllm-memory\"") && html.contains("href=\"#vllm-memory\""))
        #expect(html.contains("6 of 6 public logs agree"))
        #expect(html.contains("<td class=\"num\">14.99</td><td class=\"num\">14.99 (-0.0%)</td><td class=\"num\">58.11</td>"))
        #expect(html.contains("sampler 1.77"))
        #expect(!MethodologyPage(assumptions: .seekgpu, vllmAgreement: VLLMAgreement.rows(cases)).render().contains("vllm-memory"))
    }
}
