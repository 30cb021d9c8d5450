import Feeds
import Foundation
import SeekCore
import TestSupport
import Testing

/// The families seekgpu counts beyond the reference's, against the public parameter counts (each model's
/// Hugging Face "Safetensors" total), from the full configs of `Tests/Fixtures/vllm-log-configs`.
struct ParameterCounterFamiliesTests {
    static let registry = Result { try ModelArchitectures.load(configDirectory: Fixtures.configDirectory) }

    @Test("exact totals for gpt-oss, Gemma 2/3, Llama, Mistral 3, Qwen2.5/3 from their full configs", arguments: [
        ("openai/gpt-oss-20b", 20_914_757_184),
        ("google/gemma-2-2b-it", 2_614_341_888),
        ("google/gemma-2-9b-it", 9_241_705_984),
        ("google/gemma-2-27b-it", 27_227_128_320),
        ("google/gemma-3-1b-it", 999_885_952),
        ("google/gemma-3-4b-it", 4_300_079_472),
        ("google/gemma-3-12b-it", 12_187_325_040),
        ("mistralai/Mistral-Small-3.1-24B-Instruct-2503", 24_011_361_280),
        ("RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic", 70_553_706_496),
        ("deepseek-ai/DeepSeek-V2-Lite-Chat", 15_706_484_224),
        ("meta-llama/Llama-3.1-8B-Instruct", 8_030_261_248),
        ("Qwen/Qwen2.5-7B-Instruct", 7_615_616_512),
        ("Qwen/Qwen3-8B", 8_190_735_360),
        ("Qwen/Qwen3-14B", 14_768_307_200),
    ])
    func totals(model: String, total: Int) throws {
        let config = try #require(try Fixtures.vllmLogConfig(of: model))
        let counts = try ParameterCounter.count(config: config, architectures: Self.registry.get())
        #expect(counts.total == total)
    }

    @Test("a sparse Hub config (gemma-3-4b-it names 6 text fields) reads with Transformers' Gemma3TextConfig defaults")
    func sparseGemma3ConfigTakesTransformersDefaults() throws {
        let config = try #require(try Fixtures.vllmLogConfig(of: "google/gemma-3-4b-it"))
        let text = try #require(config["text_config"]?.objectValue)
        #expect(text["num_attention_heads"] == nil && text["vocab_size"] == nil, "the fixture is the sparse Hub file")
        let kv = try KVArchitecture(config: config)
        #expect(kv.layers.filter { $0 == .full(kvHeads: 4, headDim: 256) }.count == 5)
        #expect(kv.layers.filter { $0 == .slidingWindow(window: 1024, kvHeads: 4, headDim: 256) }.count == 29)
        let filled = try Self.registry.get().textConfig(of: config)
        #expect(filled["vocab_size"] == .int(262_208) && filled["max_position_embeddings"] == .int(131_072))
        #expect(filled["sliding_window"] == .int(1024), "a value the config gives is kept")
        var explicit = text
        explicit.setValue(.null, forKey: "sliding_window")
        #expect(TransformersConfigDefaults.filled(explicit)["sliding_window"] == .null, "an explicit null stays null")
    }

    @Test("gpt-oss: routed experts carry their biases; 4 of 32 experts active; the lm_head is untied")
    func gptOSS() throws {
        let config = try #require(try Fixtures.vllmLogConfig(of: "openai/gpt-oss-20b"))
        let counts = try ParameterCounter.count(config: config, architectures: Self.registry.get())
        #expect(counts.routedExperts == 24 * 32 * (2880 * 5760 + 5760 + 2880 * 2880 + 2880))
        #expect(counts.active == counts.total - counts.routedExperts / 32 * 28)
        #expect(counts.lmHead == 201_088 * 2880)
    }

    @Test("Gemma ties lm_head when the config does not say; an explicit tie_word_embeddings: false unties it")
    func gemmaTiesByDefault() throws {
        var object = try #require(try Fixtures.vllmLogConfig(of: "google/gemma-2-2b-it")?.objectValue)
        let tied = try ParameterCounter.count(config: .object(object), architectures: Self.registry.get())
        #expect(tied.lmHead == 0)
        object["tie_word_embeddings"] = .bool(false)
        let untied = try ParameterCounter.count(config: .object(object), architectures: Self.registry.get())
        #expect(untied.total == tied.total + 256_000 * 2304)
    }

    @Test("DeepSeek-V2-Lite: MLA without q_lora_rank has one query projection (15.7 B)")
    func deepSeekV2Lite() throws {
        // DeepSeek-V2-Lite's config.json dimensions (deepseek-ai/DeepSeek-V2-Lite).
        let config = try JSONParser.parse(Array("""
            {"model_type": "deepseek_v2", "hidden_size": 2048, "num_hidden_layers": 27, "num_attention_heads": 16,
             "q_lora_rank": null, "kv_lora_rank": 512, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "v_head_dim": 128,
             "intermediate_size": 10944, "moe_intermediate_size": 1408, "n_routed_experts": 64, "n_shared_experts": 2,
             "first_k_dense_replace": 1, "vocab_size": 102400, "num_experts_per_tok": 6, "tie_word_embeddings": false}
            """.utf8))
        let counts = try ParameterCounter.count(config: config, architectures: Self.registry.get())
        #expect(counts.total == 15_706_484_224)
        #expect(counts.numMoELayers == 26)
    }

    @Test("Mixtral counts through the generic MoE path: 8 experts of intermediate_size, 2 per token (46.7 B)")
    func mixtral() throws {
        // Mixtral-8x7B-v0.1's config.json dimensions (mistralai/Mixtral-8x7B-v0.1).
        let config = try JSONParser.parse(Array("""
            {"model_type": "mixtral", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "num_local_experts": 8, "num_experts_per_tok": 2,
             "vocab_size": 32000, "tie_word_embeddings": false}
            """.utf8))
        let counts = try ParameterCounter.count(config: config, architectures: Self.registry.get())
        #expect(counts.total == 46_702_792_704)
        #expect(counts.active == 12_879_925_248)
    }

    @Test("a vision_tower value the registry does not know is reported at its line")
    func unknownVisionTower() throws {
        let yaml = """
            multimodal_wrappers:
              - model_type: gemma3
                vision_tower: clip
            families: []
            """
        #expect {
            _ = try ModelArchitectures.parse(yaml: yaml, path: "model-architectures.yaml")
        } throws: { error in
            "\(error)".contains("model-architectures.yaml:3:") && "\(error)".contains("vision_tower")
        }
    }
}
