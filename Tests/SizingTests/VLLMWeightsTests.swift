import Feeds
import Foundation
import SeekCore
import TestSupport
import Testing
@testable import Sizing

/// "Model loading took X GiB" against ``VLLMWeights`` for every public log that prints it, each model's full
/// `config.json` read from `Tests/Fixtures/vllm-log-configs` (sources in its SOURCES.md).
struct VLLMWeightsTests {
    @Test("predicted weights per GPU within 2 % of 'Model loading took' on every log that prints it")
    func weightsWithinTwoPercent() throws {
        try #require(VLLMCase.available)
        let registry = try ModelArchitectures.load(configDirectory: Fixtures.configDirectory)
        var lines: [String] = []
        var checked = 0
        for c in try VLLMCase.all() {
            guard let reported = c.weightsGiB else { continue }
            guard let config = try Fixtures.vllmLogConfig(of: c.modelID) else { lines.append("\(c.id): NO CONFIG"); continue }
            let weights = try ServingCheckpoint(config: config, architectures: registry).weights
            let predicted = VLLMWeights.gibPerGPU(weights, tensorParallel: c.tensorParallel, pipelineParallel: c.pipelineParallel)
            let error = predicted / reported - 1
            lines.append(String(format: "%@: predicted %.2f GiB, logged %.2f GiB (%+.2f %%)", c.id, predicted, reported, error * 100))
            #expect(abs(error) <= 0.02, "\(c.id): predicted \(predicted) GiB vs logged \(reported) GiB")
            checked += 1
        }
        print("vLLM weights, \(checked) logs:\n" + lines.map { "  \($0)" }.joined(separator: "\n"))
        #expect(checked >= 29)
    }
}
