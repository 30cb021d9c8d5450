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
}
