import Feeds
import Foundation
import SeekCore
import Sizing
import Testing
import TestSupport

/// `KVArchitecture(config:)` on the real configs of `shared/data/hf` and on minimal hand-written
/// configs for the families that folder lacks (gpt-oss, Gemma 2/3, Qwen2 sliding, Mistral, Llama).
@Suite struct KVArchitectureConfigTests {
    typealias Attention = KVArchitecture.Attention

    func real(_ repo: String) throws -> KVArchitecture {
        let data = try Data(contentsOf: Fixtures.shared("hf/\(repo)/resolve/main/config.json"))
        return try KVArchitecture(config: try JSONParser.parse(data))
    }

    func minimal(_ object: JSONObject) throws(ModelConfigError) -> KVArchitecture {
        try KVArchitecture(config: .object(object))
    }

    /// The message of the error reading `object` throws.
    func failure(_ object: JSONObject) -> String? {
        do {
            _ = try minimal(object)
            return nil
        } catch {
            return error.message
        }
    }

    // MARK: Real configs

    @Test func qwen3MoEIsFullGQAOnEveryLayer() throws {
        let arch = try real("Qwen/Qwen3-Coder-480B-A35B-Instruct")
        #expect(arch.layers == Array(repeating: .full(kvHeads: 8, headDim: 128), count: 62))
        #expect(arch.modelDTypeBytes == 2)
    }

    @Test(arguments: ["zai-org/GLM-4.7", "MiniMaxAI/MiniMax-M2.5", "arcee-ai/Trinity-Large-Thinking"])
    func otherGQAFamiliesAreFullAttention(repo: String) throws {
        let arch = try real(repo)
        #expect(!arch.layers.isEmpty)
        #expect(arch.layers.allSatisfy { if case .full = $0 { true } else { false } })
    }

    @Test func deepSeekV32IsMLA() throws {
        let arch = try real("deepseek-ai/DeepSeek-V3.2-Speciale")
        #expect(arch.layers == Array(repeating: .mla(kvLoraRank: 512, qkRopeHeadDim: 64), count: 61))
    }

    @Test func kimiK2AndTheWrappedKimiK25AreMLA() throws {
        for repo in ["moonshotai/Kimi-K2-Thinking", "moonshotai/Kimi-K2.5", "zai-org/GLM-5"] {
            let arch = try real(repo)
            #expect(Set(arch.layers) == [.mla(kvLoraRank: 512, qkRopeHeadDim: 64)], "\(repo)")
        }
        #expect(try real("moonshotai/Kimi-K2.5").layers.count == 61)
    }

    @Test func nemotronHHasKVOnlyOnStarLayers() throws {
        let arch = try real("nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-FP8")
        let pattern = "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME"
        #expect(arch.layers.count == 52)
        for (layer, symbol) in zip(arch.layers, pattern) {
            #expect(layer == (symbol == "*" ? .full(kvHeads: 2, headDim: 128) : .noKVCache))
        }
    }

    @Test func qwen3NextAndWrappedQwen35HaveEveryFourthLayerFull() throws {
        for (repo, count) in [("Qwen/Qwen3-Coder-Next", 48), ("Qwen/Qwen3.5-35B-A3B", 40)] {
            let arch = try real(repo)
            #expect(arch.layers.count == count)
            for (index, layer) in arch.layers.enumerated() {
                #expect(layer == (index % 4 == 3 ? .full(kvHeads: 2, headDim: 256) : .noKVCache), "\(repo) layer \(index)")
            }
        }
    }

    @Test func sparseAttentionModelsAreRefusedByName() throws {
        for repo in ["deepseek-ai/DeepSeek-V4-Pro", "MiniMaxAI/MiniMax-M3"] {
            let error = #expect(throws: ModelConfigError.self) { try real(repo) }
            #expect(error?.message.contains("does not model yet") == true, "\(repo)")
        }
    }

    // MARK: Hand-written configs

    @Test func llamaDefaultsKVHeadsAndHeadDim() throws {
        let mha = try minimal(["model_type": "llama", "num_hidden_layers": 2, "num_attention_heads": 32,
                               "hidden_size": 4096, "torch_dtype": "float32"])
        #expect(mha.layers == [.full(kvHeads: 32, headDim: 128), .full(kvHeads: 32, headDim: 128)])
        #expect(mha.modelDTypeBytes == 4)
        let gqa = try minimal(["model_type": "llama", "num_hidden_layers": 1, "num_attention_heads": 32,
                               "num_key_value_heads": 8, "hidden_size": 4096, "dtype": "float16"])
        #expect(gqa.layers == [.full(kvHeads: 8, headDim: 128)])
    }

    @Test func gptOSSFollowsLayerTypesOrAlternatesStartingWithSliding() throws {
        let base: JSONObject = ["model_type": "gpt_oss", "num_hidden_layers": 4, "num_attention_heads": 64,
                                "num_key_value_heads": 8, "head_dim": 64, "hidden_size": 2880, "sliding_window": 128]
        let sliding = Attention.slidingWindow(window: 128, kvHeads: 8, headDim: 64)
        let full = Attention.full(kvHeads: 8, headDim: 64)
        #expect(try minimal(base).layers == [sliding, full, sliding, full])
        var typed = base
        typed.setValue(["full_attention", "sliding_attention", "sliding_attention", "full_attention"], forKey: "layer_types")
        #expect(try minimal(typed).layers == [full, sliding, sliding, full])
    }

    @Test func gemma2AlternatesStartingWithSliding() throws {
        let arch = try minimal(["model_type": "gemma2", "num_hidden_layers": 26, "num_attention_heads": 8,
                                "num_key_value_heads": 4, "head_dim": 256, "hidden_size": 2304,
                                "sliding_window": 4096, "torch_dtype": "bfloat16"])
        #expect(arch.layers.count == 26)
        #expect(arch.layers.filter { $0 == .slidingWindow(window: 4096, kvHeads: 4, headDim: 256) }.count == 13)
        #expect(arch.layers[0] == .slidingWindow(window: 4096, kvHeads: 4, headDim: 256))
        #expect(arch.layers[1] == .full(kvHeads: 4, headDim: 256))
    }

    @Test func gemma3MakesEverySixthLayerFullInsideAWrapper() throws {
        let text: JSONObject = ["model_type": "gemma3_text", "num_hidden_layers": 34, "num_attention_heads": 8,
                                "num_key_value_heads": 4, "head_dim": 256, "hidden_size": 2560,
                                "sliding_window": 1024, "sliding_window_pattern": 6]
        let arch = try minimal(["model_type": "gemma3", "torch_dtype": "bfloat16", "text_config": .object(text)])
        let fullLayers = arch.layers.indices.filter { arch.layers[$0] == .full(kvHeads: 4, headDim: 256) }
        #expect(fullLayers == [5, 11, 17, 23, 29])
        #expect(arch.layers.filter { $0 == .slidingWindow(window: 1024, kvHeads: 4, headDim: 256) }.count == 29)
    }

    @Test func qwen2SlidesFromMaxWindowLayersOnlyWhenEnabled() throws {
        var config: JSONObject = ["model_type": "qwen2", "num_hidden_layers": 4, "num_attention_heads": 28,
                                  "num_key_value_heads": 4, "hidden_size": 3584, "sliding_window": 131072,
                                  "max_window_layers": 2, "use_sliding_window": false]
        #expect(try minimal(config).layers == Array(repeating: .full(kvHeads: 4, headDim: 128), count: 4))
        config.setValue(true, forKey: "use_sliding_window")
        let sliding = Attention.slidingWindow(window: 131072, kvHeads: 4, headDim: 128)
        #expect(try minimal(config).layers == [.full(kvHeads: 4, headDim: 128), .full(kvHeads: 4, headDim: 128), sliding, sliding])
    }

    @Test func mistralSlidesEveryLayerOnlyWithAWindow() throws {
        var config: JSONObject = ["model_type": "mistral", "num_hidden_layers": 2, "num_attention_heads": 32,
                                  "num_key_value_heads": 8, "head_dim": 128, "sliding_window": .null]
        #expect(try minimal(config).layers == [.full(kvHeads: 8, headDim: 128), .full(kvHeads: 8, headDim: 128)])
        config.setValue(4096, forKey: "sliding_window")
        #expect(Set(try minimal(config).layers) == [.slidingWindow(window: 4096, kvHeads: 8, headDim: 128)])
    }

    @Test func deepSeekV2MinimalIsMLA() throws {
        let arch = try minimal(["model_type": "deepseek_v2", "num_hidden_layers": 27, "num_attention_heads": 16,
                                "kv_lora_rank": 512, "qk_rope_head_dim": 64, "torch_dtype": "bfloat16"])
        #expect(arch.layers == Array(repeating: .mla(kvLoraRank: 512, qkRopeHeadDim: 64), count: 27))
    }

    @Test func linearAttentionLayerTypesHaveNoKVCache() throws {
        let arch = try minimal(["model_type": "qwen3_next", "num_hidden_layers": 4, "num_attention_heads": 16,
                                "num_key_value_heads": 2, "head_dim": 256,
                                "layer_types": ["linear_attention", "linear_attention", "linear_attention", "full_attention"]])
        #expect(arch.layers == [.noKVCache, .noKVCache, .noKVCache, .full(kvHeads: 2, headDim: 256)])
    }

    // MARK: Errors name the field

    @Test func missingFieldsAreNamed() {
        #expect(failure(["model_type": "llama", "num_attention_heads": 32, "hidden_size": 4096])
                == "config.json has no num_hidden_layers")
        #expect(failure(["model_type": "deepseek_v3", "num_hidden_layers": 2, "kv_lora_rank": 512])
                == "config.json has no qk_rope_head_dim")
        #expect(failure(["model_type": "gemma2", "num_hidden_layers": 2, "num_attention_heads": 8, "head_dim": 256])
                == "config.json has no sliding_window")
        #expect(failure(["model_type": "llama", "num_hidden_layers": 2])?.contains("num_key_value_heads") == true)
        #expect(failure(["model_type": "llama", "num_hidden_layers": 2, "num_key_value_heads": 8])?.contains("head_dim") == true)
    }

    @Test func malformedValuesAreNamed() {
        #expect(failure(["num_hidden_layers": "32"])?.contains("num_hidden_layers") == true)
        #expect(failure(["num_hidden_layers": 3, "hybrid_override_pattern": "M*"])?.contains("hybrid_override_pattern") == true)
        #expect(failure(["num_hidden_layers": 1, "layer_types": ["cross_attention"]])?.contains("layer_types[0]") == true)
        #expect(failure(["num_hidden_layers": 1, "num_attention_heads": 1, "head_dim": 8, "torch_dtype": "int8"])?
                .contains("torch_dtype") == true)
    }
}
