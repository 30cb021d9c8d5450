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

    @Test func runtimeNotesSetWhatTheLogDoesNotPrintAndNameTheirErrors() throws {
        let cases = [VLLMLogCase(id: "a", modelID: "m", family: "f"), VLLMLogCase(id: "b", modelID: "m", family: "f")]
        let kernels: Set<String> = ["pytorch", "flashinfer"]
        let noted = try VLLMLogCases.applyingRuntimes(
            cases, notes: Array(#"{"b": {"sampler": "flashinfer", "evidence": "image ships FlashInfer"}}"#.utf8),
            source: "log-runtimes.json", kernels: kernels)
        #expect(noted.map(\.samplerKernel) == [nil, "flashinfer"])
        #expect {
            try VLLMLogCases.applyingRuntimes(cases, notes: Array(#"{"c": {}}"#.utf8), source: "log-runtimes.json", kernels: kernels)
        } throws: { "\($0)" == "log-runtimes.json: no case has the id 'c'" }
        #expect {
            try VLLMLogCases.applyingRuntimes(cases, notes: Array(#"{"a": {"sampler": "cub"}}"#.utf8), source: "log-runtimes.json",
                                              kernels: kernels)
        } throws: { "\($0)" == "log-runtimes.json: a: sampler 'cub' is not one of flashinfer, pytorch" }
        #expect {
            try VLLMLogCases.applyingRuntimes(cases, notes: Array("[]".utf8), source: "log-runtimes.json", kernels: kernels)
        } throws: { "\($0)" == "log-runtimes.json is not a JSON object of case ids" }
    }

    @Test func theProjectsRuntimeNotesNameSharedCases() throws {
        let notes = Fixtures.projectFixtures.appendingPathComponent("vllm-log-configs/\(VLLMLogCases.runtimeNotesFile)")
        let cases = try VLLMLogCases.load(path: Fixtures.shared("vllm-logs/cases.json").path, runtimeNotes: notes.path,
                                          kernels: ["pytorch", "flashinfer", "triton", "v0"])
        #expect(cases.first { $0.id == "llmd-bench-mistral-small-32-24b-bs128" }?.samplerKernel == "flashinfer")
        #expect(cases.filter { $0.samplerKernel != nil }.count == 1)
    }
}
