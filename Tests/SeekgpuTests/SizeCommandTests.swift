import Foundation
import Testing
import TestSupport

/// `seekgpu size` through the built binary: real configs from disk and from a loopback Hugging Face
/// endpoint, the JSON contract, `--available-kv-gib`, and the exit statuses of its errors.
@Suite struct SizeCommandTests {
    static let qwen480 = "Qwen/Qwen3-Coder-480B-A35B-Instruct"

    func fixture(_ repo: String) -> String {
        Fixtures.shared("hf/\(repo)/resolve/main/config.json").path
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SEEKGPU_RETRY_DELAYS"] = "0"
        environment.removeValue(forKey: "HF_TOKEN")
        environment.removeValue(forKey: "HF_ENDPOINT")
        return environment.merging(extra) { $1 }
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> CommandResult {
        let environment = environment ?? self.environment()
        return try await onDedicatedThread { try CommandRunner.run(["size"] + arguments, environment: environment) }
    }

    func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func configOnDiskPrintsTheAlignedTable() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "H200", "--count", "8",
                                    "--max-model-len", "32768"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for label in ["weights per GPU", "non-KV reserve per GPU", "available KV per GPU", "KV bytes per token per GPU",
                      "KV cache tokens", "num_gpu_blocks", "max concurrency", "fits"] {
            let line = try #require(lines.first { $0.hasPrefix(label + " ") }, "\(label) missing:\n\(result.stdout)")
            #expect(line.dropFirst(28).first != " ", "values start in one column: \(line)")
        }
        // 62 layers × 2 × (8 KV heads / TP 8) × 128 × 2 bytes.
        #expect(lines.contains { $0.hasPrefix("KV bytes per token per GPU") && $0.contains("31,744") })
        #expect(lines.contains { $0.hasPrefix("layers") && $0.contains("62 full") })
    }

    @Test func jsonHasTheContractFieldsFirstWithTheirTypes() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "H200", "--count", "8", "--json",
                                    "--max-model-len", "32768"])
        #expect(result.status == 0, "\(result.stderr)")
        let keys = ["weights_gib_per_gpu", "available_kv_gib", "kv_bytes_per_token_per_gpu", "kv_cache_tokens",
                    "num_gpu_blocks", "max_concurrency", "fits"]
        let order = result.stdout.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        #expect(Array(order.prefix(keys.count)) == keys)
        let json = try object(result.stdout)
        #expect(json["weights_gib_per_gpu"] is Double)
        #expect(json["available_kv_gib"] is Double)
        #expect(json["kv_bytes_per_token_per_gpu"] as? Int == 31_744)
        let tokens = try #require(json["kv_cache_tokens"] as? Int)
        let blocks = try #require(json["num_gpu_blocks"] as? Int)
        #expect(tokens == blocks * 16)
        #expect(json["max_concurrency"] is Double)
        #expect(json["fits"] as? Bool == true)
        #expect(json["available_kv_source"] as? String == "estimated")
    }

    @Test func availableKVGiBOverridesTheEstimate() async throws {
        // Llama-3.1-8B-like: 32 layers × 2 × 8 × 128 × 2 = 131,072 bytes per token; 58.11 GiB → 29,752 blocks.
        let work = try TemporaryDirectory()
        let path = work.path("config.json")
        try Data(#"{"model_type":"llama","num_hidden_layers":32,"num_attention_heads":32,"num_key_value_heads":8,"hidden_size":4096,"intermediate_size":14336,"vocab_size":128256,"torch_dtype":"bfloat16","max_position_embeddings":131072}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = try await run(["--config", path, "--gpu", "H100", "--count", "1", "--available-kv-gib", "58.11",
                                    "--max-model-len", "8192", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        #expect(json["available_kv_gib"] as? Double == 58.11)
        #expect(json["available_kv_source"] as? String == "given")
        #expect(json["kv_bytes_per_token_per_gpu"] as? Int == 131_072)
        #expect(json["num_gpu_blocks"] as? Int == 29_752)   // floor(58.11 GiB / (16 × 131,072 B))
        #expect(json["max_model_len"] as? Int == 8192)
        let weights = try #require(json["weights_gib_per_gpu"] as? Double)
        #expect(abs(weights - 14.99) / 14.99 < 0.02, "vLLM's 'Model loading took 14.99 GiB'")
    }

    @Test func hfFetchesFromTheEndpointAndKeepsTheTokenSecret() async throws {
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let environment = environment(["HF_ENDPOINT": server.baseURL, "HF_TOKEN": "hf_secret_token"])
            let result = try await run(["--hf", "moonshotai/Kimi-K2.5", "--gpu", "B200", "--count", "8", "--json"],
                                       environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try object(result.stdout)
            #expect(json["kv_bytes_per_token_per_gpu"] as? Int == 61 * 576 * 2)   // MLA: not split by TP
            #expect(json["max_model_len"] as? Int == 262_144)                      // max_position_embeddings
            let requests = server.recordedRequests("/moonshotai/Kimi-K2.5/resolve/main/config.json")
            #expect(requests.count == 1)
            #expect(requests.first?.headers.first { $0.key.lowercased() == "authorization" }?.value == "Bearer hf_secret_token")
            #expect(!result.stdout.contains("hf_secret_token") && !result.stderr.contains("hf_secret_token"))
        }
    }

    @Test func hfRepositoryThatDoesNotExistExitsOne() async throws {
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let result = try await run(["--hf", "zai-org/GLM-5.1", "--gpu", "H100", "--count", "1"],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(result.status == 1)
            #expect(result.stderr.contains("not found (HTTP 404)"))
        }
    }

    @Test func configWithoutLayersExits65NamingTheField() async throws {
        let work = try TemporaryDirectory()
        let path = work.path("config.json")
        try Data(#"{"model_type":"llama","num_attention_heads":32,"hidden_size":4096}"#.utf8).write(to: URL(fileURLWithPath: path))
        let result = try await run(["--config", path, "--gpu", "H100", "--count", "1"])
        #expect(result.status == 65)
        #expect(result.stderr == "Error: config.json has no num_hidden_layers\n")
    }

    @Test func unknownGPUIsAUsageErrorListingTheNames() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "H1000", "--count", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown GPU 'H1000'"))
        #expect(result.stderr.contains("gpu-datasheets.yaml") && result.stderr.contains("H100, "))
    }

    @Test func aModelTooLargeStillExitsZeroWithFitsFalse() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "L4", "--count", "1", "--json",
                                    "--max-model-len", "4096"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        #expect(json["fits"] as? Bool == false)
        #expect(json["num_gpu_blocks"] as? Int == 0)
    }

    /// Llama-3.1-8B on one H100 from its full config alone (cases.json `planner-llama31-8b-tp1`, vLLM 0.19.0:
    /// "Model loading took 14.99 GiB", "Available KV cache memory: 58.11 GiB" at utilization 0.95).
    @Test func aLogsAvailableKVIsPredictedFromTheConfigAloneWithEachReserveTerm() async throws {
        let config = Fixtures.projectFixtures.appendingPathComponent("vllm-log-configs/meta-llama/Llama-3.1-8B-Instruct/config.json")
        let result = try await run(["--config", config.path, "--gpu", "H100", "--count", "1", "--max-model-len", "8192",
                                    "--gpu-memory-utilization", "0.95", "--vllm-version", "0.19.0", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        #expect(abs((json["weights_gib_per_gpu"] as? Double ?? 0) - 14.99) < 0.01)
        #expect(abs((json["available_kv_gib"] as? Double ?? 0) - 58.11) < 0.05)
        #expect(json["gpu_memory_gib"] as? Double == 79.19 && json["vllm_version"] as? String == "0.17-0.19")
        #expect(json["max_num_seqs"] as? Int == 1024 && json["max_num_batched_tokens"] as? Int == 8192)
        let terms = try #require(json["reserve_terms_gib"] as? [String: Double])
        #expect(Set(terms.keys) == ["non-torch", "sampler", "activations"])
        // Under 0.15 the dummy sampler kept 2.6 times as much: less KV memory.
        let older = try object(try await run(["--config", config.path, "--gpu", "H100", "--count", "1", "--max-model-len", "8192",
                                              "--gpu-memory-utilization", "0.95", "--vllm-version", "0.15.1", "--json"]).stdout)
        #expect((older["available_kv_gib"] as? Double ?? 99) < (json["available_kv_gib"] as? Double ?? 0) - 2)
    }

    @Test func anUnknownVLLMVersionIsAUsageErrorListingTheKnownReleases() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "H100", "--count", "8", "--vllm-version", "0.30.0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--vllm-version '0.30.0' is not a release the memory model knows: V0 engine, 0.9-0.11.0, 0.11.1-0.16, 0.17-0.19"))
    }

    /// Mistral-Small-3.2 under vLLM 0.11.0 with FlashInfer installed (cases.json `llmd-bench-mistral-small-32-24b-bs128`:
    /// "Available KV cache memory: 28.20 GiB", 1,444 blocks of 128): `--sampler flashinfer` models the kernel that ran;
    /// the default for 0.11.0, PyTorch's sort, keeps more memory back; an unknown kernel is a usage error.
    @Test func theSamplerKernelIsChosenWithSampler() async throws {
        let config = Fixtures.projectFixtures
            .appendingPathComponent("vllm-log-configs/mistralai/Mistral-Small-3.2-24B-Instruct-2506/config.json")
        let base = ["--config", config.path, "--gpu", "H100", "--count", "1", "--max-model-len", "16000", "--block-size", "128",
                    "--gpu-memory-utilization", "0.95", "--vllm-version", "0.11.0", "--json"]
        let flash = try object(try await run(base + ["--sampler", "flashinfer"]).stdout)
        #expect(flash["sampler_kernel"] as? String == "flashinfer" && flash["vllm_version"] as? String == "0.9-0.11.0")
        #expect(abs((flash["available_kv_gib"] as? Double ?? 0) - 28.20) < 0.1)
        let sort = try object(try await run(base).stdout)
        #expect(sort["sampler_kernel"] as? String == "pytorch")
        #expect((sort["available_kv_gib"] as? Double ?? 99) < (flash["available_kv_gib"] as? Double ?? 0) - 2)
        let bad = try await run(base + ["--sampler", "cub"])
        #expect(bad.status == 64 && bad.stderr.contains("--sampler 'cub' is not one of v0, pytorch, flashinfer, triton."))
    }

    @Test func badParallelSizesAreUsageErrors() async throws {
        let result = try await run(["--config", fixture(Self.qwen480), "--gpu", "H100", "--count", "3", "--tp", "2"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--count 3 is not a multiple of TP × PP"))
    }

    /// A vLLM log case through the command: Llama-3.1-8B on one H100 (cases.json `planner-llama31-8b-tp1`,
    /// and a Gemma-2 hybrid `planner-gemma2-2b-tp1`): at the printed available memory ± 0.005 GiB the reported
    /// tokens fall between the two predictions, and the concurrency matches to two decimals.
    @Test(arguments: [
        ("llama", #"{"model_type": "llama", "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "hidden_size": 4096, "head_dim": 128, "torch_dtype": "bfloat16", "max_position_embeddings": 131072}"#,
         58.11, 8192, 476_016, "58.11"),
        ("gemma2", #"{"model_type": "gemma2", "num_hidden_layers": 26, "num_attention_heads": 8, "num_key_value_heads": 4, "hidden_size": 2304, "head_dim": 256, "sliding_window": 4096, "torch_dtype": "bfloat16", "max_position_embeddings": 8192}"#,
         66.47, 8192, 670_160, "81.73"),
    ])
    func aVLLMLogIsReproducedThroughTheCommand(name: String, config: String, availableGiB: Double, maxModelLen: Int,
                                               reportedTokens: Int, concurrency: String) async throws {
        let dir = try TemporaryDirectory()
        try config.write(toFile: dir.path("config.json"), atomically: true, encoding: .utf8)
        var tokens: [Int] = []
        var concurrencies: [String] = []
        for available in [availableGiB - 0.005, availableGiB + 0.005] {
            let result = try await run(["--config", dir.path("config.json"), "--gpu", "H100", "--count", "1",
                                        "--max-model-len", String(maxModelLen), "--available-kv-gib", String(available), "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try object(result.stdout)
            tokens.append(try #require(json["kv_cache_tokens"] as? Int))
            concurrencies.append(String(format: "%.2f", try #require(json["max_concurrency"] as? Double)))
        }
        #expect(tokens[0] <= reportedTokens && reportedTokens <= tokens[1], "\(name): \(tokens)")
        #expect(concurrencies.contains(concurrency), "\(name): \(concurrencies)")
    }
}
