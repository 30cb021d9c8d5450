import ConfigKit
import Deploy
import Foundation
import Sizing
import Testing

@Suite struct DeploySpecTests {
    static func fullSpec() -> DeploySpec {
        var spec = DeploySpec(model: "Qwen/Qwen3-8B", workload: .inference, accelerator: "A100-80GB", acceleratorCount: 2)
        spec.revision = "main"
        spec.engineVersion = "0.19.0"
        spec.nodes = 2
        spec.vramPerGPUGB = 80
        spec.vramNeededPerGPUGB = 21.5
        spec.precision = .fp8
        spec.kvCacheDType = "fp8"
        spec.tensorParallelSize = 2
        spec.pipelineParallelSize = 2
        spec.enableExpertParallel = true
        spec.maxModelLen = 40960
        spec.maxNumSeqs = 64
        spec.gpuMemoryUtilization = 0.85
        spec.servingArgs = ["--enable-auto-tool-choice", "--tool-call-parser", "hermes"]
        spec.baseImage = "nvcr.io/nvidia/pytorch:25.01-py3"
        spec.workdir = "."
        spec.setup = ["pip install -r requirements.txt"]
        spec.run = ["python serve.py"]
        spec.env = [.init(name: "VLLM_LOGGING_LEVEL", value: "INFO"), .init(name: "PORT", value: "8000"),
                    .init(name: "A", value: "yes"), .init(name: "B", value: "Null"), .init(name: "C", value: "on"),
                    .init(name: "D", value: "0.19"), .init(name: "E", value: "key: value"), .init(name: "F", value: "#x"),
                    .init(name: "G", value: "trailing "), .init(name: "H", value: "")]
        spec.secrets = ["HF_TOKEN"]
        spec.ports = [8000, 9090]
        spec.assetLinks = ["/workspace/huggingface:/root/.cache/huggingface"]
        spec.providers = ["runpod", "verda"]
        spec.offering = .init(provider: "runpod", instance: "2x A100", region: "US-1", pricePerHour: 2.78)
        spec.sizing = .init(vllmRelease: "0.17-0.19", weightsGiBPerGPU: 7.63, reserveGiBPerGPU: 2.5, kvCacheGiBPerGPU: 60.1,
                            kvCacheTokens: 437_000, maxConcurrency: 10.67, memoryMarginGiB: 55.2, checkpointGB: 16.38)
        return spec
    }

    @Test func everyFieldSurvivesTheFile() throws {
        let spec = Self.fullSpec()
        let read = try DeploySpec.parse(yaml: spec.yaml, path: ".seekgpu.yaml")
        #expect(read == spec)
        // A text that YAML would read as a number stays text.
        #expect(spec.yaml.contains("PORT: '8000'"))
    }

    @Test func aMinimalFileIsValidAndTheRestDefaults() throws {
        let spec = try DeploySpec.parse(yaml: """
            model: Qwen/Qwen3-8B
            workload: inference
            accelerator: H100
            accelerator_count: 1
            """, path: ".seekgpu.yaml")
        #expect(spec.model == "Qwen/Qwen3-8B")
        #expect(spec.nodes == 1 && spec.tensorParallel == 1 && spec.pipelineParallel == 1)
        #expect(spec.precision == .checkpoint && spec.kvCacheDType == "auto" && spec.servingPort == 8000)
        #expect(spec.offering == nil && spec.sizing == nil)
    }

    @Test func aMisspeltKeyIsNamedWithTheKeyMeant() throws {
        let error = try #require(throws: ConfigFileError.self) {
            try DeploySpec.parse(yaml: """
                model: Qwen/Qwen3-8B
                workload: inference
                accelerator: H100
                acelerator_count: 1
                """, path: "repo/.seekgpu.yaml")
        }
        let text = error.description
        #expect(text.contains("repo/.seekgpu.yaml:4:1: unknown key 'acelerator_count'"))
        #expect(text.contains("did you mean 'accelerator_count'"))
        #expect(text.contains("the spec needs 'accelerator_count'"))
    }

    @Test func badValuesAreEachReported() throws {
        let error = try #require(throws: ConfigFileError.self) {
            try DeploySpec.parse(yaml: """
                workload: serving
                accelerator: H100
                accelerator_count: 0
                """, path: ".seekgpu.yaml")
        }
        #expect(error.description.contains("workload 'serving' is unknown; use one of inference, training, interactive"))
        let inference = try #require(throws: ConfigFileError.self) {
            try DeploySpec.parse(yaml: """
                workload: inference
                accelerator: H100
                accelerator_count: 0
                kv_cache_dtype: fp4
                ports: [80000]
                """, path: ".seekgpu.yaml")
        }
        let lines = inference.lines
        #expect(lines.contains { $0.contains("accelerator_count must be at least 1, not 0") })
        #expect(lines.contains { $0.contains("an inference spec needs 'model'") })
        #expect(lines.contains { $0.contains("kv_cache_dtype 'fp4' is not auto or fp8") })
        #expect(lines.contains { $0.contains("ports[0] must be 1 to 65535, not 80000") })
    }

    @Test func runNamesAreWhatTheLaunchersAccept() {
        #expect(DeploySpec(model: "moonshotai/Kimi-K2.5", workload: .inference, accelerator: "H200", acceleratorCount: 8)
            .runName == "kimi-k2-5")
        #expect(DeploySpec(model: "Qwen/Qwen3-Coder-480B-A35B-Instruct", workload: .inference, accelerator: "H200",
                           acceleratorCount: 8).runName == "qwen3-coder-480b-a35b-instruct")
        #expect(DeploySpec(model: "org/3b__model", workload: .inference, accelerator: "L4", acceleratorCount: 1)
            .runName == "m-3b-model")
        #expect(DeploySpec(model: nil, workload: .training, accelerator: "L4", acceleratorCount: 1).runName == "training")
    }

    @Test func aCommittedSpecKeepsItsChoices() {
        var derived = Self.fullSpec()
        derived.setup = []
        var given = DeploySpec(model: "Qwen/Qwen3-8B", workload: .inference, accelerator: "H100", acceleratorCount: 4)
        given.maxModelLen = 8192
        given.setup = ["pip install flash-attn"]
        let kept = derived.keeping(given)
        #expect(kept.accelerator == "H100" && kept.acceleratorCount == 4)
        #expect(kept.maxModelLen == 8192 && kept.setup == ["pip install flash-attn"])
        #expect(kept.offering == derived.offering && kept.maxNumSeqs == 64)
    }
}
