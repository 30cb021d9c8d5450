import Foundation
import Testing
import TestSupport

/// `seekgpu recommend` through the built binary: the fixture catalog (`--site` over the 2026-08-22 gpus.json),
/// Hugging Face configs from a loopback endpoint, repositories built in temporary directories, and an LLM answered
/// by a loopback server.
@Suite struct RecommendCommandTests {
    static let qwen480 = "Qwen/Qwen3-Coder-480B-A35B-Instruct"

    /// A site directory whose `data/gpus.json` is the fixture catalog's.
    func site(in dir: TemporaryDirectory) throws -> String {
        let data = dir.url.appendingPathComponent("site/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.shared("gpuhunt/_expected/gpus-20260822-1.json"),
                                         to: data.appendingPathComponent("gpus.json"))
        return dir.path("site")
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SEEKGPU_RETRY_DELAYS"] = "0"
        for key in ["HF_TOKEN", "HF_ENDPOINT", "SEEKGPU_LLM_URL", "SEEKGPU_LLM_API_KEY", "SEEKGPU_LLM_MODEL"] {
            environment.removeValue(forKey: key)
        }
        return environment.merging(extra) { $1 }
    }

    func run(_ arguments: [String], environment: [String: String]) async throws -> CommandResult {
        try await onDedicatedThread {
            try CommandRunner.run(["recommend"] + arguments, in: Fixtures.repositoryRoot, environment: environment)
        }
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func write(_ files: [String: String], in root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func aModelIsSizedOnEveryOfferAndItsRecipesWritten() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let env = environment(["HF_ENDPOINT": server.baseURL])
            let listing = try await run(["--hf", Self.qwen480, "--site", site], environment: env)
            #expect(listing.status == 0, "\(listing.stderr)")
            #expect(listing.stdout.contains("recommended  2 nodes × 8× A100 (80 GB) on runpod"))
            #expect(listing.stdout.contains("vllm serve Qwen/Qwen3-Coder-480B-A35B-Instruct \\\n  --tensor-parallel-size 8"))
            let json = try object(try await run(["--hf", Self.qwen480, "--site", site, "--json"], environment: env).stdout)
            let options = try #require(json["options"] as? [[String: Any]])
            let prices = options.compactMap { $0["price_per_hour"] as? Double }
            #expect(prices.count == options.count && prices == prices.sorted() && options.count >= 5)
            let out = dir.path("recipes")
            let written = try await run(["--hf", Self.qwen480, "--site", site, "--gpu", "H200", "--out", out], environment: env)
            #expect(written.status == 0, "\(written.stderr)")
            for name in ["seekgpu.yaml", "skypilot.yaml", "dstack.yml", "serve.sh"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "\(name) written")
            }
            let skypilot = try String(contentsOfFile: "\(out)/skypilot.yaml", encoding: .utf8)
            #expect(skypilot.contains("accelerators: {H200: 8}") && skypilot.contains("--enable-expert-parallel"))
            let mode = try FileManager.default.attributesOfItem(atPath: "\(out)/serve.sh")[.posixPermissions] as? Int
            #expect(mode == 0o755)
        }
    }

    @Test func maxPriceAndProvidersNarrowTheList() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        let config = Fixtures.projectFixtures.appendingPathComponent("vllm-log-configs/Qwen/Qwen3-8B/config.json").path
        func options(_ extra: [String]) async throws -> [[String: Any]] {
            let result = try await run(["--config", config, "--site", site, "--json"] + extra, environment: environment())
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try object(result.stdout)["options"] as? [[String: Any]])
        }
        let all = try await options([])
        let cheap = try await options(["--max-price", "0.7"])
        let aws = try await options(["--providers", "aws,gcp"])
        #expect(cheap.count < all.count && !cheap.isEmpty)
        #expect(cheap.allSatisfy { ($0["price_per_hour"] as? Double ?? 99) <= 0.7 })
        #expect(aws.count < all.count && !aws.isEmpty)
        #expect(aws.allSatisfy { ["aws", "gcp"].contains($0["provider"] as? String ?? "") })
    }

    @Test func nothingFitsExitsOneWithTheFigures() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let result = try await run(["--hf", "moonshotai/Kimi-K2.5", "--site", site, "--gpu", "L4"],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(result.status == 1)
            #expect(result.stderr.contains("no setup on offer serves moonshotai/Kimi-K2.5 with 1 request of 131,072 tokens"))
            #expect(result.stderr.contains("The largest on offer, 8× L4") && result.stderr.contains("GiB per GPU where vLLM may use"))
            let budget = try await run(["--hf", "moonshotai/Kimi-K2.5", "--site", site, "--max-price", "5"],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(budget.status == 1 && budget.stderr.contains("the cheapest that does is"))
        }
    }

    @Test func aCommittedSpecWinsOverTheAnalysis() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        let repo = dir.url.appendingPathComponent("repo")
        try write([
            ".seekgpu.yaml": "model: \(Self.qwen480)\nworkload: inference\naccelerator: H200\naccelerator_count: 8\nmax_model_len: 65536\n",
            "requirements.txt": "trl\npeft\n", "train.py": "pass\n",
        ], in: repo)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let result = try await run(["--repo", repo.path, "--site", site, "--emit", "spec"],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(".seekgpu.yaml: the committed spec wins; the repository is not analysed"))
            #expect(!result.stdout.contains("requirements.txt"))
            #expect(result.stdout.contains("recommended  8× H200 (141 GB)"))
            #expect(result.stdout.contains("max_model_len: 65536") && result.stdout.contains("accelerator: H200"))
        }
        try write([".seekgpu.yaml": "workload: inference\naccelerator: H200\naccelerator_cont: 8\n"], in: repo)
        let broken = try await run(["--repo", repo.path, "--site", site], environment: environment())
        #expect(broken.status == 78)
        #expect(broken.stderr.contains(".seekgpu.yaml:3:1: unknown key 'accelerator_cont'"))
    }

    @Test func aTrainingRepositoryGetsItsLaunchCommandAndPackages() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        let repo = dir.url.appendingPathComponent("repo")
        try write([
            "requirements.txt": "torch\ntrl\npeft\n",
            "sft.py": "model = AutoModelForCausalLM.from_pretrained(\"\(Self.qwen480)\")\n",
            "run.sh": "torchrun --nproc_per_node=8 sft.py\n",
            "Dockerfile": "FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel\n",
        ], in: repo)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let out = dir.path("out")
            let result = try await run(["--repo", repo.path, "--site", site, "--out", out],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("sft.py: a training script by its name → training"))
            #expect(result.stdout.contains("run.sh:1: torchrun --nproc_per_node 8 → 8 GPUs"))
            #expect(result.stdout.contains("lora fine-tuning of 480.2B parameters"))
            let skypilot = try String(contentsOfFile: "\(out)/skypilot.yaml", encoding: .utf8)
            #expect(skypilot.contains("workdir: .") && skypilot.contains("pip install -r requirements.txt"))
            #expect(skypilot.contains("torchrun --nproc_per_node=8 sft.py"))
            #expect(skypilot.contains("image_id: docker:pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel"))
            #expect(!FileManager.default.fileExists(atPath: "\(out)/serve.sh"))
            // Recipes written into the repository are not read back as its own files.
            let inside = repo.appendingPathComponent("deploy").path
            _ = try await run(["--repo", repo.path, "--site", site, "--out", inside], environment: environment(["HF_ENDPOINT": server.baseURL]))
            let again = try await run(["--repo", repo.path, "--site", site], environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(again.status == 0 && again.stdout.contains("run.sh:1: launch: torchrun"))
            #expect(!again.stdout.contains("deploy/"))
        }
    }

    @Test func anInferenceRepositoryIsSizedExactly() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        let repo = dir.url.appendingPathComponent("repo")
        try write(["requirements.txt": "vllm\n", "deploy/start.sh": "vllm serve \(Self.qwen480) --port 8000\n"], in: repo)
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let result = try await run(["--repo", repo.path, "--site", site],
                                       environment: environment(["HF_ENDPOINT": server.baseURL]))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("deploy/start.sh:1: vllm serve \(Self.qwen480)"))
            #expect(result.stdout.contains("KV tokens") && result.stdout.contains("recommended  2 nodes × 8× A100"))
        }
    }

    /// The LLM override: an answer used, an answer naming a GPU not on offer rejected, a server that times out;
    /// the heuristics decide in both failures, and the key is sent but never printed.
    @Test func theLLMOverrideIsGuardedAndFallsBack() async throws {
        let dir = try TemporaryDirectory()
        let site = try site(in: dir)
        let repo = dir.url.appendingPathComponent("repo")
        try write(["requirements.txt": "torch\n", "notebook.py": "import torch\n"], in: repo)
        func answer(_ content: String) -> LoopbackHTTPServer.Scripted {
            let escaped = content.replacingOccurrences(of: "\"", with: "\\\"")
            return .status(200, body: "{\"choices\": [{\"message\": {\"content\": \"\(escaped)\"}}]}",
                           headers: ["Content-Type": "application/json"])
        }
        let server = try await LoopbackHTTPServer.start()
        defer { server.stop() }
        server.script("/v1/chat/completions", [
            answer("{\"workload_type\": \"training\", \"vram_required_gb\": 60, \"gpu_type\": \"H100\", \"reasoning\": \"full fine-tune\"}"),
            answer("{\"workload_type\": \"training\", \"vram_required_gb\": 60, \"gpu_type\": \"TPU-v5e\"}"),
            .delay(seconds: 5, then: answer("{}")),
        ])
        let env = environment(["SEEKGPU_LLM_URL": server.url("/v1"), "SEEKGPU_LLM_API_KEY": "sk-secret-key",
                               "SEEKGPU_LLM_MODEL": "test-model", "SEEKGPU_LLM_TIMEOUT": "1"])
        let used = try await run(["--repo", repo.path, "--site", site], environment: env)
        #expect(used.status == 0, "\(used.stderr)")
        #expect(used.stdout.contains("LLM test-model: training, 60 GB per GPU on H100: full fine-tune"))
        #expect(used.stdout.contains("recommended  1× H100"))
        let request = try #require(server.recordedRequests("/v1/chat/completions").first)
        #expect(request.headers["authorization"] == "Bearer sk-secret-key")
        #expect(request.text.contains("\"json_object\"") && request.text.contains("requirements.txt"))

        let rejected = try await run(["--repo", repo.path, "--site", site], environment: env)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stdout.contains("LLM test-model not used (GPU type 'TPU-v5e' is not in the catalog); the heuristics decide"))
        #expect(rejected.stdout.contains("16 GB per GPU for interactive"))

        let timedOut = try await run(["--repo", repo.path, "--site", site], environment: env)
        #expect(timedOut.status == 0, "\(timedOut.stderr)")
        #expect(timedOut.stdout.contains("LLM test-model not used (") && timedOut.stdout.contains("the heuristics decide"))
        for result in [used, rejected, timedOut] {
            #expect(!result.stdout.contains("sk-secret-key") && !result.stderr.contains("sk-secret-key"))
        }
    }
}
