import Foundation
import GitKit
import Testing
import TestSupport

/// `seekgpu generate --step models` and `--step api-pricing` as the daily job runs them,
/// against a loopback Hugging Face endpoint and the LiteLLM price file.
@Suite struct ModelsCommandTests {
    func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SEEKGPU_RETRY_DELAYS"] = "0"
        environment.removeValue(forKey: "HF_TOKEN")
        return environment.merging(extra) { $1 }
    }

    @Test func modelsWritesModelsJsonAndListsWhatFailed() async throws {
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("hf")) { server in
            let out = try TemporaryDirectory()
            let environment = environment(["HF_ENDPOINT": server.baseURL])
            let result = try await onDedicatedThread {
                try CommandRunner.run(["generate", "--step", "models", "--out", out.path,
                                       "--alerts-file", out.path("alerts.json")], environment: environment)
            }
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("models: 14 rows in models.json"))
            #expect(result.stderr.contains("failed GLM-5.1 (no previous row)"))
            #expect(FileManager.default.fileExists(atPath: out.path("data/models.json")))
            let alerts = try Data(contentsOf: URL(fileURLWithPath: out.path("alerts.json")))
            #expect(String(decoding: alerts, as: UTF8.self) == "[]\n")  // nothing unsupported, no snapshot to check
        }
    }

    @Test func apiPricingReadsTheLatestSnapshotAndLiteLLM() async throws {
        let work = try TemporaryDirectory()
        let index = work.path("index.git")
        try Repository.clone(fromBundle: Fixtures.shared("openhands-index.bundle").path, to: index)
        let litellm = Fixtures.shared("litellm/model_prices_and_context_window.json").absoluteString
        let environment = environment(["SEEKGPU_LITELLM_URL": litellm])
        let out = work.path("out")
        let result = try await onDedicatedThread { () throws -> CommandResult in
            let snapshots = try CommandRunner.run(["generate", "--step", "snapshots", "--index", index, "--out", out, "-q"],
                                                  environment: environment)
            guard snapshots.status == 0 else { return snapshots }
            return try CommandRunner.run(["generate", "--step", "api-pricing", "--out", out], environment: environment)
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("api-pricing: 3 rows"))
        #expect(result.stderr.contains("anthropic/claude-fable-5"))
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/data/api_pricing.json")))
        #expect((rows as? [[String: Any]])?.compactMap { $0["model_name"] as? String }
                == ["claude-fable-5", "Gemini-3.5-Flash", "GPT-5.6"])
    }
}
