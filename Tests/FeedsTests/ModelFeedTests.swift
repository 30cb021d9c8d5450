import Dataset
import Feeds
import Foundation
import NetKit
import SeekCore
import Testing
import TestSupport

/// The models step against a loopback Hugging Face endpoint serving `shared/data/hf`
/// (14 real trimmed configs; the other 8 catalog models get 404, as the fixture README says).
@Suite struct ModelFeedTests {
    static let endpointTree = Fixtures.shared("hf")
    let catalog = try! ModelCatalog.load(configDirectory: Fixtures.configDirectory)
    let architectures = try! ModelArchitectures.load(configDirectory: Fixtures.configDirectory)

    func feed(_ endpoint: String, token: String? = nil, catalog: ModelCatalog? = nil) -> ModelFeed {
        var environment = ["HF_ENDPOINT": endpoint]
        if let token { environment["HF_TOKEN"] = token }
        return ModelFeed(catalog: catalog ?? self.catalog, architectures: architectures, environment: environment,
                         http: HTTPClient.Configuration(connectTimeout: 2, totalTimeout: 10), retry: .immediate(retries: 2))
    }

    func run(_ feed: ModelFeed, into out: TemporaryDirectory, latest: Snapshot? = nil) async throws -> ModelRunReport {
        let data = out.url.appendingPathComponent("data")
        return try await onDedicatedThread { try feed.run(dataDirectory: data, latest: latest) }
    }

    func rows(_ out: TemporaryDirectory) throws -> [ModelSpec] {
        try DataFolder(directory: out.url.appendingPathComponent("data")).read(DataFiles.models) ?? []
    }

    func unsized(_ out: TemporaryDirectory) throws -> [UnsizedModel] {
        try DataFolder(directory: out.url.appendingPathComponent("data")).read(DataFiles.unsizedModels) ?? []
    }

    static func entry(_ name: String, score: Double, openness: String = "open_weights") -> BenchmarkEntry {
        BenchmarkEntry(modelName: name, benchmarkName: "overall", benchmarkDisplayName: "Overall", score: score,
                       rank: 1, costPerTask: nil, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                       openness: openness)
    }

    @Test func everyServedConfigBecomesARowAndMissingOnesAreListed() async throws {
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out)
            #expect(report.models.count == 14)
            #expect(report.failures.count == 8)
            #expect(report.failures.allSatisfy { $0.reason.contains("404") })
            let specs = try rows(out)
            #expect(specs.map(\.modelName) == specs.map(\.modelName).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            let kimi = try #require(specs.first { $0.modelName == "Kimi-K2.5" })
            #expect(kimi.learnableParamsB == 1026.4 && kimi.contextLength == 262144 && kimi.precision == "INT4")
            #expect(kimi.hfModelID == "moonshotai/Kimi-K2.5" && kimi.licenseName == "Modified MIT")
            #expect(server.requestCount("/moonshotai/Kimi-K2.5/resolve/main/config.json") == 1)
            let text = String(decoding: try Data(contentsOf: out.url.appendingPathComponent("data/models.json")), as: UTF8.self)
            #expect(text.hasSuffix("}\n]\n"))
            // Without a snapshot every failed model is listed as unsized, with a detail free of the endpoint.
            let missing = try unsized(out)
            #expect(missing.count == 8 && missing.allSatisfy { $0.reason == .configNotFound })
            let glm = try #require(missing.first { $0.modelName == "GLM-5.1" })
            #expect(glm.detail == "zai-org/GLM-5.1/resolve/main/config.json not found (HTTP 404)")
            #expect(!missing.contains { $0.detail.contains("127.0.0.1") })
        }
    }

    @Test func unsizedModelsOfTheLeaderboardAreWrittenWithTheirReasonAndAction() async throws {
        let latest = Snapshot(day: Day(iso: "2026-06-18")!, entries: [
            Self.entry("GLM-5", score: 50), Self.entry("GLM-5.1", score: 58), Self.entry("Kimi-K2.6", score: 57),
            Self.entry("New-Open-Model", score: 40), Self.entry("claude-x", score: 60, openness: "closed_api_available"),
        ], sota: [])
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            server.script("/moonshotai/Kimi-K2.6/resolve/main/config.json", [.status(403), .status(403)])
            let report = try await run(feed(server.baseURL), into: out, latest: latest)
            // Only models the leaderboard ranks as open weights; catalog models it does not rank are left out.
            #expect(report.unsized.map(\.modelName) == ["GLM-5.1", "Kimi-K2.6", "New-Open-Model"])
            #expect(report.unsized.map(\.reason) == [.configNotFound, .gated, .notInCatalog])
            #expect(try unsized(out) == report.unsized)
            let json = String(decoding: try Data(contentsOf: out.url.appendingPathComponent("data/unsized_models.json")), as: UTF8.self)
            #expect(json.contains(#""reason": "gated""#))
            #expect(json.contains(#""action": "set HF_TOKEN to a token that can read the repository""#))
            #expect(json.contains(#""action": "add the model and its hf_repo to config/models.yaml""#))
            #expect(report.changed)
            // The same inputs again: byte-identical, nothing changed.
            let again = try await run(feed(server.baseURL), into: out, latest: latest)
            #expect(!again.changed)
        }
    }

    @Test func aFailingModelKeepsItsPreviousRow() async throws {
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL), into: out)
            let before = try rows(out)
            server.script("/zai-org/GLM-5/resolve/main/config.json", [.status(401)])
            server.script("/Qwen/Qwen3-Coder-Next/resolve/main/config.json", [.bytes(Array("{\"model_type\": ".utf8))])
            let report = try await run(feed(server.baseURL), into: out)
            #expect(Set(report.kept) == ["GLM-5", "Qwen3-Coder-Next"])
            let glm = try #require(report.failures.first { $0.model == "GLM-5" })
            #expect(glm.reason.contains("gated") && glm.reason.contains("HF_TOKEN"))
            let qwen = try #require(report.failures.first { $0.model == "Qwen3-Coder-Next" })
            #expect(qwen.reason.contains("not valid JSON"))
            #expect(try rows(out) == before)
            #expect(!report.changed)
        }
    }

    @Test func aDamagedModelsFileStopsTheStepInsteadOfDroppingRowsSilently() async throws {
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL), into: out)
            let url = out.url.appendingPathComponent("data/models.json")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"context_length\": 262144", with: "\"context_length\": \"262k\"")
            try text.write(to: url, atomically: true, encoding: .utf8)
            server.script("/zai-org/GLM-5/resolve/main/config.json", [.status(503), .status(503), .status(503)])
            let error = await #expect(throws: PublishedFileError.self) { try await run(feed(server.baseURL), into: out) }
            #expect(error?.description.contains(url.path + ": row ") == true)
            #expect(error?.description.contains("context_length must be a whole number or null, not the text '262k'") == true)
            #expect(try String(contentsOf: url, encoding: .utf8) == text)
        }
    }

    @Test func aServerThatFailsTwiceThenAnswersIsRetried() async throws {
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let path = "/MiniMaxAI/MiniMax-M3/resolve/main/config.json"
            server.script(path, [.status(500), .status(502)])
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out)
            #expect(server.requestCount(path) == 3)
            #expect(!report.failures.contains { $0.model == "MiniMax-M3" })
            #expect(try rows(out).contains { $0.modelName == "MiniMax-M3" && $0.attentionType == "MSA" })
        }
    }

    @Test func theTokenIsSentAsABearerToken() async throws {
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            let one = ModelCatalog(entries: catalog.entries.filter { $0.name == "GLM-4.7" })
            _ = try await run(feed(server.baseURL, token: "hf_secret123", catalog: one), into: out)
            #expect(server.lastRequestHeaders.contains { $0.key.lowercased() == "authorization" && $0.value == "Bearer hf_secret123" })
        }
    }

    @Test func anUnknownModelTypeIsSkippedNotFatal() async throws {
        let tree = try TemporaryDirectory()
        let folder = tree.url.appendingPathComponent("acme/Mystery-1/resolve/main")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"model_type": "mystery_moe", "hidden_size": 1024}"#.utf8).write(to: folder.appendingPathComponent("config.json"))
        let mystery = ModelCatalog(entries: [ModelCatalog.Entry(name: "Mystery-1", hfRepo: "acme/Mystery-1",
                                                                configRepo: "acme/Mystery-1", modelURL: nil,
                                                                licenseName: "MIT", licenseURL: "https://x.invalid")])
        try await LoopbackHTTPServer.with(serving: tree.url) { server in
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL, catalog: mystery), into: out)
            #expect(report.unsupported.map(\.model) == ["Mystery-1"])
            #expect(report.unsupported.first?.reason.contains("mystery_moe") == true)
            #expect(report.failures.isEmpty && report.models.count == 0)
            #expect(report.alerts.map(\.subject) == ["Unsupported architecture for Mystery-1"])
        }
    }

    @Test func anUnreachableEndpointWritesNothing() async throws {
        let out = try TemporaryDirectory()
        await #expect(throws: SourceUnavailableError.self) {
            try await run(feed(LoopbackHTTPServer.refusingURL), into: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path("data/models.json")))
    }

    @Test func openWeightsModelsMissingFromTheCatalogAreListed() async throws {
        let latest = Snapshot(day: Day(iso: "2026-06-18")!, entries: [
            BenchmarkEntry(modelName: "GLM-5", benchmarkName: "overall", benchmarkDisplayName: "Overall", score: 50,
                           rank: 1, costPerTask: nil, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                           openness: "open_weights"),
            BenchmarkEntry(modelName: "New-Open-Model", benchmarkName: "overall", benchmarkDisplayName: "Overall", score: 40,
                           rank: 2, costPerTask: nil, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                           openness: "open_weights"),
            BenchmarkEntry(modelName: "claude-x", benchmarkName: "overall", benchmarkDisplayName: "Overall", score: 60,
                           rank: 3, costPerTask: nil, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                           openness: "closed_api_available"),
        ], sota: [])
        try await LoopbackHTTPServer.with(serving: Self.endpointTree) { server in
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out, latest: latest)
            #expect(report.unmapped == ["New-Open-Model"])
            #expect(report.alerts.map(\.subject) == ["Missing Hugging Face mapping for New-Open-Model"])
        }
    }
}
