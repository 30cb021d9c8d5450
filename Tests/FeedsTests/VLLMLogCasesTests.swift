import Feeds
import Foundation
import SeekCore
import Testing
import TestSupport

@Suite struct VLLMLogCasesTests {
    @Test func theSharedCasesReadWithTheirFacts() throws {
        let cases = try VLLMLogCases.load(path: Fixtures.shared("vllm-logs/cases.json").path)
        #expect(cases.count == 34)
        let llama = try #require(cases.first { $0.id == "planner-llama31-8b-tp1" })
        #expect(llama.facts.numHiddenLayers == 32 && llama.facts.numKeyValueHeads == 8 && llama.facts.headDim == 128)
        #expect(llama.concurrency != nil && llama.availableGiB != nil)
        #expect(cases.contains { $0.facts.kvLoraRank != nil })
        #expect(cases.contains { $0.facts.slidingWindow != nil })
    }

    @Test func aFileThatIsNotAListOfCasesIsNamed() {
        #expect {
            try VLLMLogCases.parse(Array(#"{"id": "x"}"#.utf8), source: "cases.json")
        } throws: { "\($0)" == "cases.json is not a JSON list of cases" }
        #expect {
            try VLLMLogCases.parse(Array(#"[{"id": "a", "model_id": "m"}, {"model_id": "m"}]"#.utf8), source: "cases.json")
        } throws: { "\($0)" == "cases.json: case 2 is not an object with an id and a model_id" }
    }
}
