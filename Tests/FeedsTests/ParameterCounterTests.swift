import ConfigKit
import Dataset
import Feeds
import Foundation
import SeekCore
import Testing

/// Golden values from `shared/data/hf/EXPECTED.md` (the reference implementation's exact output).
struct ModelGolden: Sendable, CustomTestStringConvertible {
    let name: String
    let repo: String
    let modelType: String
    let total: Int
    let active: Int
    let routed: Int
    /// layers, dense, moe, mamba, attention
    let layers: [Int]
    let learnableB: Double
    let activeB: Double
    let routedB: Double?
    let precision: String?
    let attention: String
    let hidden: Int
    let experts: Int?
    let perToken: Int?
    let kvLayers: Int?
    let kvHeads: Int?
    let headDim: Int?
    let kvLoraRank: Int?
    let rope: Int?
    let kvElems: Int?
    let context: Int?

    var testDescription: String { name }
}

private let goldens: [ModelGolden] = [
    .init(name: "DeepSeek-V3.2-Reasoner", repo: "deepseek-ai/DeepSeek-V3.2-Speciale", modelType: "deepseek_v32",
          total: 671_129_193_472, active: 37_655_071_744, routed: 653_908_770_816, layers: [61, 3, 58, 0, 0],
          learnableB: 671.1, activeB: 37.7, routedB: 653.9, precision: "FP8", attention: "MLA", hidden: 7168,
          experts: 256, perToken: 8, kvLayers: nil, kvHeads: nil, headDim: nil, kvLoraRank: 512, rope: 64,
          kvElems: nil, context: nil),
    .init(name: "DeepSeek-V4-Pro", repo: "deepseek-ai/DeepSeek-V4-Pro", modelType: "deepseek_v4",
          total: 1_598_837_347_742, active: 50_648_438_174, routed: 1_572_763_336_704, layers: [61, 0, 61, 0, 0],
          learnableB: 1598.8, activeB: 50.6, routedB: 1572.8, precision: "FP4", attention: "DSV4", hidden: 7168,
          experts: 384, perToken: 6, kvLayers: nil, kvHeads: nil, headDim: nil, kvLoraRank: nil, rope: nil,
          kvElems: 4924, context: nil),
    .init(name: "GLM-4.7", repo: "zai-org/GLM-4.7", modelType: "glm4_moe",
          total: 352_848_921_600, active: 33_683_358_720, routed: 335_963_750_400, layers: [92, 3, 89, 0, 0],
          learnableB: 352.8, activeB: 33.7, routedB: 336.0, precision: "BF16", attention: "GQA", hidden: 5120,
          experts: 160, perToken: 8, kvLayers: nil, kvHeads: 8, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "GLM-5", repo: "zai-org/GLM-5", modelType: "glm_moe_dsa",
          total: 747_191_824_896, active: 45_065_335_296, routed: 724_775_731_200, layers: [78, 3, 75, 0, 0],
          learnableB: 747.2, activeB: 45.1, routedB: 724.8, precision: "BF16", attention: "MLA", hidden: 6144,
          experts: 256, perToken: 8, kvLayers: nil, kvHeads: nil, headDim: nil, kvLoraRank: 512, rope: 64,
          kvElems: nil, context: nil),
    .init(name: "Kimi-K2-Thinking", repo: "moonshotai/Kimi-K2-Thinking", modelType: "kimi_k2",
          total: 1_026_408_209_408, active: 32_861_477_888, routed: 1_014_686_023_680, layers: [61, 1, 60, 0, 0],
          learnableB: 1026.4, activeB: 32.9, routedB: 1014.7, precision: "INT4", attention: "MLA", hidden: 7168,
          experts: 384, perToken: 8, kvLayers: nil, kvHeads: nil, headDim: nil, kvLoraRank: 512, rope: 64,
          kvElems: nil, context: nil),
    .init(name: "Kimi-K2.5", repo: "moonshotai/Kimi-K2.5", modelType: "kimi_k2",
          total: 1_026_408_209_408, active: 32_861_477_888, routed: 1_014_686_023_680, layers: [61, 1, 60, 0, 0],
          learnableB: 1026.4, activeB: 32.9, routedB: 1014.7, precision: "INT4", attention: "MLA", hidden: 7168,
          experts: 384, perToken: 8, kvLayers: nil, kvHeads: nil, headDim: nil, kvLoraRank: 512, rope: 64,
          kvElems: nil, context: 262_144),
    .init(name: "MiniMax-M2.1", repo: "MiniMaxAI/MiniMax-M2.1", modelType: "minimax_m2",
          total: 228_745_964_544, active: 11_086_752_768, routed: 224_680_476_672, layers: [62, 0, 62, 0, 0],
          learnableB: 228.7, activeB: 11.1, routedB: 224.7, precision: "FP8", attention: "GQA", hidden: 3072,
          experts: 256, perToken: 8, kvLayers: nil, kvHeads: 8, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "MiniMax-M2.5", repo: "MiniMaxAI/MiniMax-M2.5", modelType: "minimax_m2",
          total: 228_745_964_544, active: 11_086_752_768, routed: 224_680_476_672, layers: [62, 0, 62, 0, 0],
          learnableB: 228.7, activeB: 11.1, routedB: 224.7, precision: "FP8", attention: "GQA", hidden: 3072,
          experts: 256, perToken: 8, kvLayers: nil, kvHeads: 8, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "MiniMax-M3", repo: "MiniMaxAI/MiniMax-M3", modelType: "minimax_m3",
          total: 426_703_322_112, active: 26_491_223_040, routed: 413_122_166_784, layers: [60, 3, 57, 0, 0],
          learnableB: 426.7, activeB: 26.5, routedB: 413.1, precision: "BF16", attention: "MSA", hidden: 6144,
          experts: 128, perToken: 4, kvLayers: nil, kvHeads: 4, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: 68_736, context: 1_048_576),
    .init(name: "Nemotron-3-Nano", repo: "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-FP8", modelType: "nemotron_h",
          total: 31_466_913_216, active: 3_469_049_280, routed: 29_374_808_064, layers: [52, 0, 23, 23, 6],
          learnableB: 31.5, activeB: 3.5, routedB: 29.4, precision: "BF16", attention: "GQA", hidden: 2688,
          experts: 128, perToken: 6, kvLayers: 6, kvHeads: 2, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: 262_144),
    .init(name: "Qwen3-Coder-480B", repo: "Qwen/Qwen3-Coder-480B-A35B-Instruct", modelType: "qwen3_moe",
          total: 480_154_859_520, active: 35_474_749_440, routed: 468_084_326_400, layers: [62, 0, 62, 0, 0],
          learnableB: 480.2, activeB: 35.5, routedB: 468.1, precision: "BF16", attention: "GQA", hidden: 6144,
          experts: 160, perToken: 8, kvLayers: nil, kvHeads: 8, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "Qwen3-Coder-Next", repo: "Qwen/Qwen3-Coder-Next", modelType: "qwen3_next",
          total: 79_722_327_168, active: 3_922_865_280, routed: 77_309_411_328, layers: [48, 0, 48, 36, 12],
          learnableB: 79.7, activeB: 3.9, routedB: 77.3, precision: "BF16", attention: "GQA", hidden: 2048,
          experts: 512, perToken: 10, kvLayers: 12, kvHeads: 2, headDim: 256, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "Qwen3.5-Flash", repo: "Qwen/Qwen3.5-35B-A3B", modelType: "qwen3_5_moe_text",
          total: 34_700_557_248, active: 3_494_935_488, routed: 32_212_254_720, layers: [40, 0, 40, 30, 10],
          learnableB: 34.7, activeB: 3.5, routedB: 32.2, precision: "BF16", attention: "GQA", hidden: 2048,
          experts: 256, perToken: 8, kvLayers: 10, kvHeads: 2, headDim: 256, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
    .init(name: "Trinity-Large-Thinking", repo: "arcee-ai/Trinity-Large-Thinking", modelType: "afmoe",
          total: 398_634_888_192, active: 13_371_288_576, routed: 391_378_894_848, layers: [60, 6, 54, 0, 0],
          learnableB: 398.6, activeB: 13.4, routedB: 391.4, precision: "BF16", attention: "GQA", hidden: 3072,
          experts: 256, perToken: 4, kvLayers: nil, kvHeads: 8, headDim: 128, kvLoraRank: nil, rope: nil,
          kvElems: nil, context: nil),
]

/// The repository root: three levels above this file (`<root>/Tests/FeedsTests/ParameterCounterTests.swift`).
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func fixtureConfig(_ repo: String) throws -> JSONValue {
    let url = repositoryRoot.appendingPathComponent("../shared/data/hf/\(repo)/resolve/main/config.json")
    return try JSONParser.parse(try Data(contentsOf: url))
}

private func registry() throws -> ModelArchitectures {
    try ModelArchitectures.load(configDirectory: repositoryRoot.appendingPathComponent("config"))
}

private func derive(_ config: JSONValue, name: String = "Test-Model", hfID: String? = "org/test",
                    architectures: ModelArchitectures) throws -> ModelSpec {
    try ModelSpecDeriver.derive(modelName: name, hfModelID: hfID, modelURL: nil, licenseName: "MIT",
                                licenseURL: "https://example.com/LICENSE", config: config,
                                architectures: architectures)
}

@Suite struct ParameterCounterTests {
    @Test("counts every golden config exactly", arguments: goldens)
    func countsGoldenConfigExactly(golden: ModelGolden) throws {
        let count = try ParameterCounter.count(config: try fixtureConfig(golden.repo), architectures: try registry())
        #expect(count.modelType == golden.modelType)
        #expect(count.total == golden.total)
        #expect(count.active == golden.active)
        #expect(count.routedExperts == golden.routed)
        #expect([count.numLayers, count.numDenseLayers, count.numMoELayers, count.numMambaLayers,
                 count.numAttentionLayers] == golden.layers)
    }

    @Test("derives every field of the golden rows", arguments: goldens)
    func derivesGoldenRow(golden: ModelGolden) throws {
        let spec = try derive(try fixtureConfig(golden.repo), name: golden.name, hfID: golden.repo,
                              architectures: try registry())
        #expect(spec.modelName == golden.name)
        #expect(spec.learnableParamsB == golden.learnableB)
        #expect(spec.activeParamsB == golden.activeB)
        #expect(spec.routedExpertParamsB == golden.routedB)
        #expect(spec.architecture == "MoE")
        #expect(spec.precision == golden.precision)
        #expect(spec.attentionType == golden.attention)
        #expect(spec.numHiddenLayers == golden.layers[0])
        #expect(spec.hiddenSize == golden.hidden)
        #expect(spec.numExperts == golden.experts)
        #expect(spec.expertsPerToken == golden.perToken)
        #expect(spec.numKVLayers == golden.kvLayers)
        #expect(spec.numKVHeads == golden.kvHeads)
        #expect(spec.headDim == golden.headDim)
        #expect(spec.kvLoraRank == golden.kvLoraRank)
        #expect(spec.qkRopeHeadDim == golden.rope)
        #expect(spec.kvElemsPerToken == golden.kvElems)
        #expect(spec.contextLength == golden.context)
        #expect(spec.hfModelID == golden.repo)
        #expect(spec.modelURL == nil)
        #expect(spec.licenseName == "MIT")
    }

    @Test("detects the precision details of quantized configs")
    func detectsPrecisionDetails() throws {
        let architectures = try registry()
        let dsv4 = try PrecisionDetector.detect(config: try fixtureConfig("deepseek-ai/DeepSeek-V4-Pro"),
                                                architectures: architectures)
        #expect(dsv4 == Precision(dtype: "FP4", bytesPerParameter: 0.5625, isMixed: true))
        let kimi = try PrecisionDetector.detect(config: try fixtureConfig("moonshotai/Kimi-K2.5"),
                                                architectures: architectures)
        #expect(kimi == Precision(dtype: "INT4", bytesPerParameter: 0.5, isMixed: true))
        let modelopt: JSONValue = [
            "model_type": "qwen3_moe",
            "quantization_config": [
                "quant_method": "modelopt",
                "config_groups": [
                    "group_0": ["weights": ["num_bits": 8, "type": "float"]],
                    "group_1": ["weights": ["num_bits": 4, "type": "float"]],
                ],
            ],
        ]
        #expect(try PrecisionDetector.detect(config: modelopt, architectures: architectures)
                == Precision(dtype: "FLOAT4", bytesPerParameter: 0.5, isMixed: true))
        let unknown: JSONValue = ["model_type": "qwen3_moe", "quantization_config": ["quant_method": "gptq"]]
        #expect(throws: ModelConfigError.self) {
            try PrecisionDetector.detect(config: unknown, architectures: architectures)
        }
    }

    /// Qwen2.5-Coder-32B: V = 152064, H = 5120, L = 64, nH = 40, nKV = 8, hd = 5120 / 40 = 128, I = 27648,
    /// untied embeddings, q/k/v biases (Qwen2 always has them).
    ///
    ///   embed               = 152064 · 5120                      =    778,567,680
    ///   lm_head (untied)    = 152064 · 5120                      =    778,567,680
    ///   attention per layer = 5120·5120 (q) + 2·5120·1024 (k, v) + 5120·5120 (o)
    ///                       = 26,214,400 + 10,485,760 + 26,214,400 =     62,914,560
    ///   q/k/v biases        = 5120 + 1024 + 1024                 =          7,168
    ///   MLP per layer       = 3 · 5120 · 27648                   =    424,673,280
    ///   norms per layer     = 2 · 5120                           =         10,240
    ///   per layer           = 62,914,560 + 7,168 + 424,673,280 + 10,240 = 487,605,248
    ///   64 layers           = 64 · 487,605,248                   = 31,206,735,872
    ///   final norm          =                                              5,120
    ///   total               = 778,567,680 · 2 + 31,206,735,872 + 5,120 = 32,763,876,352
    ///
    /// This is exactly the published parameter count of Qwen2.5-Coder-32B (32,763,876,352).
    @Test("counts a dense Qwen2 GQA config exactly")
    func countsDenseQwen2Exactly() throws {
        let config: JSONValue = [
            "model_type": "qwen2", "hidden_size": 5120, "intermediate_size": 27648, "num_hidden_layers": 64,
            "num_attention_heads": 40, "num_key_value_heads": 8, "vocab_size": 152064,
            "tie_word_embeddings": false, "max_position_embeddings": 32768, "torch_dtype": "bfloat16",
        ]
        let architectures = try registry()
        let count = try ParameterCounter.count(config: config, architectures: architectures)
        #expect(count.total == 32_763_876_352)
        #expect(count.active == 32_763_876_352)
        #expect(count.routedExperts == 0)
        #expect(count.numDenseLayers == 64)
        #expect(count.numMoELayers == 0)
        let spec = try derive(config, architectures: architectures)
        #expect(spec.learnableParamsB == 32.8)
        #expect(spec.activeParamsB == 32.8)
        #expect(spec.architecture == "Dense")
        #expect(spec.routedExpertParamsB == nil)
        #expect(spec.numExperts == nil)
        #expect(spec.expertsPerToken == nil)
        #expect(spec.attentionType == "GQA")
        #expect(spec.numKVHeads == 8)
        #expect(spec.headDim == 128)
        #expect(spec.precision == "BF16")
        #expect(spec.contextLength == 32768)
    }

    @Test("rejects an unknown model_type as unsupported")
    func rejectsUnknownModelType() throws {
        let config: JSONValue = ["model_type": "gpt_bigcode", "hidden_size": 4096]
        let error = #expect(throws: UnsupportedArchitectureError.self) {
            try derive(config, name: "Mystery", hfID: "org/mystery", architectures: try registry())
        }
        #expect(error?.modelType == "gpt_bigcode")
        #expect(error?.description == "Unsupported architecture model_type='gpt_bigcode' for Mystery (org/mystery)")
    }

    @Test("names a missing required field")
    func namesMissingField() throws {
        guard case .object(var object) = try fixtureConfig("zai-org/GLM-4.7") else {
            Issue.record("fixture is not an object")
            return
        }
        object["vocab_size"] = nil
        let error = #expect(throws: ModelConfigError.self) {
            try derive(.object(object), name: "GLM-4.7", architectures: try registry())
        }
        #expect(error?.modelName == "GLM-4.7")
        #expect(error?.message == "Required config field 'vocab_size' is missing")
    }

    @Test("falls back to hidden_size / num_attention_heads without head_dim")
    func fallsBackToDerivedHeadDim() throws {
        guard case .object(var object) = try fixtureConfig("zai-org/GLM-4.7") else {
            Issue.record("fixture is not an object")
            return
        }
        object["head_dim"] = nil
        object["num_attention_heads"] = 96
        let spec = try derive(.object(object), architectures: try registry())
        #expect(spec.headDim == 5120 / 96)
    }

    @Test("rejects a multimodal wrapper without text_config")
    func rejectsWrapperWithoutTextConfig() throws {
        let architectures = try registry()
        let missing: JSONValue = ["model_type": "kimi_k25", "hidden_size": 7168]
        let error = #expect(throws: ModelConfigError.self) {
            try derive(missing, name: "Kimi-K2.5", architectures: architectures)
        }
        #expect(error?.message == "model_type='kimi_k25' requires 'text_config' dict, but it is missing")
        let wrongType: JSONValue = ["model_type": "qwen3_5_moe", "text_config": "oops"]
        #expect(throws: ModelConfigError.self) {
            try derive(wrongType, architectures: architectures)
        }
    }

    @Test("round-trips a row through JSON in published key order")
    func roundTripsJSON() throws {
        let spec = try derive(try fixtureConfig("MiniMaxAI/MiniMax-M3"), name: "MiniMax-M3",
                              hfID: "MiniMaxAI/MiniMax-M3", architectures: try registry())
        let json = DataFiles.models.json([spec])[0] ?? .null
        #expect(json.objectValue?.keys.count == 22)
        #expect(json.objectValue?.keys.first == "model_name" && json.objectValue?.keys.last == "license_url")
        #expect(try DataFiles.models.decode(DataFiles.models.encode([spec])) == [spec])
        #expect(json["learnable_params_b"] == .double(426.7))
        #expect(json["kv_lora_rank"] == .null)
        #expect(throws: DatasetError.self) { try DataFiles.models.decode(Array(#"[{"model_name": "x"}]"#.utf8)) }
    }

    @Test("publishes model_url instead of hf_model_id when set")
    func prefersModelURL() throws {
        let spec = try ModelSpecDeriver.derive(
            modelName: "Borrowed", hfModelID: "Qwen/Qwen3-Coder-Next", modelURL: "https://example.com/model",
            licenseName: "Apache 2.0", licenseURL: "https://example.com/LICENSE",
            config: try fixtureConfig("Qwen/Qwen3-Coder-Next"), architectures: try registry())
        #expect(spec.hfModelID == nil)
        #expect(spec.modelURL == "https://example.com/model")
    }

    @Test("reports a malformed registry naming the file, line and column")
    func reportsMalformedRegistry() {
        let error = #expect(throws: ConfigFileError.self) {
            try ModelArchitectures.parse(yaml: "families:\n  - model_types: [x]\n    attention: XYZ\n    counter: dense\n",
                                         path: "config/model-architectures.yaml")
        }
        #expect(error?.description == "config/model-architectures.yaml:3:16: families[0]: attention 'XYZ' is unknown; "
                + "use one of MLA, GQA")
    }
}
