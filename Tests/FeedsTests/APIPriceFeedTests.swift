import ConfigKit
import Dataset
import Foundation
import Testing
import Feeds
import NetKit
import SeekCore
import TestSupport

/// The API-pricing step (reference pipeline §6): lab selection, LiteLLM rows, required labs, fetching.
@Suite struct APIPriceFeedTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let litellmDirectory = sharedData.appendingPathComponent("litellm")
    static let litellmFile = litellmDirectory.appendingPathComponent("model_prices_and_context_window.json")
    static let referenceFile = sharedData.appendingPathComponent("reference/api_pricing.json")
    static let latestSnapshotDirectory = sharedData.appendingPathComponent("reference/snapshots-rebuilt/2026-06-18")

    static func configuration() throws -> APIPricingConfiguration {
        try APIPricingConfiguration.load(fromDirectory: repoRoot.appendingPathComponent("config"))
    }

    static func json(_ url: URL) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: url))
    }

    static func latestSnapshot() throws -> Snapshot {
        let benchmarks = try Data(contentsOf: latestSnapshotDirectory.appendingPathComponent("benchmarks.json"))
        let sota = try Data(contentsOf: latestSnapshotDirectory.appendingPathComponent("sota_scores.json"))
        let day = try #require(Day(iso: "2026-06-18"))
        return try Snapshot(day: day, benchmarks: Array(benchmarks), sota: Array(sota))
    }

    static func entry(_ model: String, _ benchmark: String = "overall", score: Double,
                      openness: String? = "closed_api_available") -> BenchmarkEntry {
        BenchmarkEntry(modelName: model, benchmarkName: benchmark, benchmarkDisplayName: benchmark, score: score,
                       rank: 1, costPerTask: nil, benchmarkGroup: "openhands",
                       benchmarkGroupDisplay: "OpenHands Index", openness: openness)
    }

    static func config(overrides: [String: String] = [:], idMap: [String: String] = [:],
                       required: Set<String> = ["anthropic", "openai", "google"]) -> APIPricingConfiguration {
        APIPricingConfiguration(
            labPatterns: [.init(prefix: "claude-", lab: "anthropic"), .init(prefix: "GPT-", lab: "openai"),
                          .init(prefix: "gemini-", lab: "google"), .init(prefix: "qwen", lab: "alibaba")],
            closedModelOverrides: overrides, litellmIDMap: idMap, requiredLabs: required,
            droppedKeyPrefixes: ["bedrock/", "vertex_ai/", "azure/", "sagemaker/"])
    }

    /// The expected file: each reference row's LiteLLM entry taken from the fixture (whose prices
    /// differ from the published file, see litellm/README.md), plus the reference's four added fields.
    static func expectedBytes() throws -> [UInt8] {
        let prices = try json(litellmFile)
        let reference = try #require(json(referenceFile).arrayValue)
        let rows = try reference.map { referenceRow -> JSONValue in
            let id = try #require(referenceRow["litellm_id"]?.stringValue)
            var row = try #require(prices[id]?.objectValue)
            for key in ["model_name", "lab", "litellm_id", "context_window"] {
                let value: JSONValue? = referenceRow[key]
                row.setValue(try #require(value), forKey: key)
            }
            return .object(row)
        }
        return CanonicalJSON.encode(.array(rows), trailingNewline: true)
    }

    static func temporaryPriceFile(_ value: JSONValue, in directory: TemporaryDirectory) throws -> String {
        let url = directory.url.appendingPathComponent("prices.json")
        try Data(CanonicalJSON.encode(value)).write(to: url)
        return url.absoluteString
    }

    // MARK: Configuration

    @Test func repositoryConfigurationMatchesTheReferenceTables() throws {
        let configuration = try Self.configuration()
        #expect(configuration.labPatterns == [.init(prefix: "claude-", lab: "anthropic"),
                                              .init(prefix: "gpt-", lab: "openai"),
                                              .init(prefix: "gemini-", lab: "google")])
        #expect(configuration.closedModelOverrides == ["openai": "GPT-5.6"])
        #expect(configuration.litellmIDMap == ["Gemini-3.1-Pro": "gemini-3.1-pro-preview"])
        #expect(configuration.requiredLabs == ["anthropic", "openai", "google"])
        #expect(configuration.droppedKeyPrefixes == ["bedrock/", "vertex_ai/", "azure/", "sagemaker/"])
    }

    @Test func configurationErrorsNameTheFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("api-pricing.yaml")
        try "lab_patterns: []\n".write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigFileError.self) { try APIPricingConfiguration.load(from: url) }
        #expect(error?.description == "\(url.path):1:15: lab_patterns is empty; list at least one {prefix, lab} entry")
        let missing = directory.url.appendingPathComponent("absent.yaml")
        let readError = #expect(throws: ConfigFileError.self) { try APIPricingConfiguration.load(from: missing) }
        #expect(readError?.description == "\(missing.path):1:1: the file does not exist; run seekgpu from the repository "
                + "root or pass --config DIR")
        try "lab_patterns: [{prefix: a-, lab: x}]\ndropped_key_prefixes: ['']\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let emptyPrefix = #expect(throws: ConfigFileError.self) { try APIPricingConfiguration.load(from: url) }
        #expect(emptyPrefix?.description == "\(url.path):2:24: dropped_key_prefixes[0] must not be empty")
    }

    // MARK: Golden

    @Test func goldenRowsFromFixtureAndLatestSnapshot() async throws {
        let configuration = try Self.configuration()
        let snapshot = try Self.latestSnapshot()
        let selection = APIPricing.bestClosedModels(in: snapshot.entries, configuration: configuration)
        #expect(selection == ["anthropic": "claude-fable-5", "google": "Gemini-3.5-Flash", "openai": "GPT-5.6"])

        let prices = try Self.json(Self.litellmFile)
        let (rows, missing) = try APIPricing.rows(prices: prices, selection: selection, configuration: configuration)
        #expect(missing.isEmpty)
        let bytes = CanonicalJSON.encode(.array(rows), trailingNewline: true)
        #expect(bytes == (try Self.expectedBytes()))

        // Against the published file: identity fields, and the prices the README says agree.
        let reference = try #require(Self.json(Self.referenceFile).arrayValue)
        #expect(rows.count == 3 && reference.count == 3)
        for (row, published) in zip(rows, reference) {
            for key in ["model_name", "lab", "litellm_id", "context_window", "litellm_provider", "mode",
                        "max_input_tokens", "max_output_tokens"] {
                #expect(row[key] == published[key], "\(key)")
            }
            let tail = try #require(row.objectValue?.keys.suffix(4))
            #expect(Array(tail) == ["model_name", "lab", "litellm_id", "context_window"])
            if row["litellm_id"] != "gpt-5.6" {
                #expect(row["input_cost_per_token"] == published["input_cost_per_token"])
                #expect(row["output_cost_per_token"] == published["output_cost_per_token"])
            }
        }
        #expect(APIPricing.updateLine(rows: rows)
            == "API pricing updated: openai/GPT-5.6, google/Gemini-3.5-Flash, anthropic/claude-fable-5")
    }

    @Test func runWritesTheFileOnceFromAFileURL() async throws {
        let directory = try TemporaryDirectory()
        let feed = APIPriceFeed(configuration: try Self.configuration(), url: nil,
                                environment: [APIPriceFeed.urlEnvironmentVariable: Self.litellmFile.absoluteString],
                                retry: .none)
        #expect(feed.url == Self.litellmFile.absoluteString)
        let snapshot = try Self.latestSnapshot()
        let dataDirectory = directory.url.appendingPathComponent("data")
        let first = try await onDedicatedThread { try feed.run(dataDirectory: dataDirectory, latest: snapshot) }
        #expect(first.changed && first.skipped == nil && first.rows.count == 3 && first.missing.isEmpty)
        let written = try [UInt8](Data(contentsOf: dataDirectory.appendingPathComponent("api_pricing.json")))
        #expect(written == (try Self.expectedBytes()))
        let second = try await onDedicatedThread { try feed.run(dataDirectory: dataDirectory, latest: snapshot) }
        #expect(!second.changed && second.rows.count == 3)
    }

    @Test func defaultURLWithoutEnvironment() {
        #expect(APIPriceFeed.url(environment: [:]) == APIPriceFeed.defaultURL)
        #expect(APIPriceFeed.url(environment: ["SEEKGPU_LITELLM_URL": ""]) == APIPriceFeed.defaultURL)
        #expect(APIPriceFeed.defaultURL
            == "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json")
    }

    @Test func noSnapshotOrEmptySelectionWritesNothing() async throws {
        let directory = try TemporaryDirectory()
        let feed = APIPriceFeed(configuration: Self.config(), url: "http://127.0.0.1:1/never", retry: .none)
        let none = try feed.run(dataDirectory: directory.url, latest: nil)
        #expect(none.skipped == "no latest snapshot" && !none.changed)
        let openOnly = Snapshot(day: try #require(Day(iso: "2026-06-18")),
                                entries: [Self.entry("claude-x", score: 50, openness: "open_weights")], sota: [])
        let empty = try feed.run(dataDirectory: directory.url, latest: openOnly)
        #expect(empty.skipped != nil && empty.selection.isEmpty && !empty.changed)
        #expect(!FileManager.default.fileExists(atPath: directory.path("api_pricing.json")))
    }

    // MARK: Lab selection

    @Test func overallBeatsNonOverallRegardlessOfScore() {
        let entries = [Self.entry("claude-a", "frontend", score: 90), Self.entry("claude-b", score: 40),
                       Self.entry("claude-c", "testing", score: 99)]
        #expect(APIPricing.bestClosedModels(in: entries, configuration: Self.config()) == ["anthropic": "claude-b"])
    }

    @Test func strictlyHigherScoreWinsAndTiesKeepTheFirst() {
        let entries = [Self.entry("gpt-a", score: 60), Self.entry("gpt-b", score: 60), Self.entry("gpt-c", score: 59),
                       Self.entry("gemini-x", "frontend", score: 10), Self.entry("gemini-y", "frontend", score: 11)]
        #expect(APIPricing.bestClosedModels(in: entries, configuration: Self.config())
            == ["openai": "gpt-a", "google": "gemini-y"])
    }

    @Test func onlyClosedModelsOfKnownLabsCountCaseInsensitively() {
        let entries = [Self.entry("Claude-Upper", score: 10), Self.entry("claude-open", score: 90, openness: "open_weights"),
                       Self.entry("claude-unknown", score: 95, openness: nil), Self.entry("mistral-x", score: 99),
                       Self.entry("GPT-5", score: 1), Self.entry("Qwen3", score: 5)]
        #expect(APIPricing.bestClosedModels(in: entries, configuration: Self.config())
            == ["anthropic": "Claude-Upper", "openai": "GPT-5", "alibaba": "Qwen3"])
    }

    @Test func overridesWinAndAddLabs() {
        let entries = [Self.entry("gpt-scored", score: 80), Self.entry("claude-a", score: 70)]
        let configuration = Self.config(overrides: ["openai": "GPT-Override", "xai": "grok-9"])
        #expect(APIPricing.bestClosedModels(in: entries, configuration: configuration)
            == ["openai": "GPT-Override", "anthropic": "claude-a", "xai": "grok-9"])
        #expect(APIPricing.bestClosedModels(in: [], configuration: Self.config()).isEmpty)
    }

    // MARK: Rows

    @Test func keyResolutionDroppedPrefixesAndRowShape() throws {
        let prices: JSONValue = .object(JSONObject([
            ("claude-a", .object(JSONObject([("input_cost_per_token", .double(3e-06)), ("max_input_tokens", .int(200_000))]))),
            ("gemini-b-preview", .object(JSONObject([("context_window", .int(0)), ("lab", .string("old")),
                                                     ("max_input_tokens", .int(1_048_576))]))),
            ("gpt-mapped-id", .object(JSONObject([("context_window", .int(400_000)), ("max_input_tokens", .int(1))]))),
            ("vertex_ai/qwen-hidden", .object(JSONObject([("max_input_tokens", .int(5))]))),
        ]))
        let selection = ["anthropic": "Claude-A", "google": "Gemini-B", "openai": "GPT-X", "alibaba": "Qwen-Hidden",
                         "zeta": "zeta-none"]
        let configuration = Self.config(idMap: ["GPT-X": "gpt-mapped-id", "Qwen-Hidden": "vertex_ai/qwen-hidden"])
        let (rows, missing) = try APIPricing.rows(prices: prices, selection: selection, configuration: configuration)
        #expect(missing == [.init(lab: "alibaba", model: "Qwen-Hidden", triedKey: "vertex_ai/qwen-hidden"),
                            .init(lab: "zeta", model: "zeta-none", triedKey: "zeta-none")])
        let text = String(decoding: CanonicalJSON.encode(.array(rows)), as: UTF8.self)
        #expect(text == """
            [
              {
                "input_cost_per_token": 3e-06,
                "max_input_tokens": 200000,
                "model_name": "Claude-A",
                "lab": "anthropic",
                "litellm_id": "claude-a",
                "context_window": 200000
              },
              {
                "context_window": 1048576,
                "lab": "google",
                "max_input_tokens": 1048576,
                "model_name": "Gemini-B",
                "litellm_id": "gemini-b-preview"
              },
              {
                "context_window": 400000,
                "max_input_tokens": 1,
                "model_name": "GPT-X",
                "lab": "openai",
                "litellm_id": "gpt-mapped-id"
              }
            ]

            """)
        #expect(throws: FormatChangeError.self) {
            try APIPricing.rows(prices: .array([]), selection: selection, configuration: configuration)
        }
        #expect(throws: FormatChangeError.self) {
            try APIPricing.rows(prices: ["claude-a": "text"], selection: ["anthropic": "claude-a"],
                                configuration: configuration)
        }
    }

    @Test func rowsSortByLabThenModelInCodePointOrder() throws {
        let prices: JSONValue = ["gpt-b": ["mode": "chat"], "claude-z": ["mode": "chat"], "x-a": ["mode": "chat"]]
        let (rows, _) = try APIPricing.rows(prices: prices, selection: ["openai": "gpt-b", "Zeta": "x-a",
                                                                        "anthropic": "claude-z"],
                                            configuration: Self.config())
        #expect(rows.map { $0["lab"] } == ["Zeta", "anthropic", "openai"])
        #expect(rows.allSatisfy { $0["context_window"] == .null })
    }

    // MARK: Required labs

    @Test func requiredLabWithoutPricingThrowsAndWritesNothing() async throws {
        let directory = try TemporaryDirectory()
        let url = try Self.temporaryPriceFile(["gpt-5": ["max_input_tokens": 1], "bedrock/claude-a": ["mode": "chat"]],
                                              in: directory)
        let dataDirectory = directory.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let target = dataDirectory.appendingPathComponent("api_pricing.json")
        try Data("previous\n".utf8).write(to: target)
        let snapshot = Snapshot(day: try #require(Day(iso: "2026-06-18")),
                                entries: [Self.entry("GPT-5", score: 50), Self.entry("bedrock-less", score: 1),
                                          Self.entry("claude-a", score: 40)], sota: [])
        let feed = APIPriceFeed(configuration: Self.config(), url: url, retry: .none)
        let error = await #expect(throws: MissingAPIPricingError.self) {
            try await onDedicatedThread { try feed.run(dataDirectory: dataDirectory, latest: snapshot) }
        }
        #expect(error?.missing == [.init(lab: "anthropic", model: "claude-a", triedKey: "claude-a")])
        #expect(error?.description.contains("anthropic/claude-a") == true)
        #expect(error?.description.contains("config/api-pricing.yaml") == true)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
    }

    @Test func nonRequiredLabWithoutPricingIsReported() async throws {
        let directory = try TemporaryDirectory()
        let url = try Self.temporaryPriceFile(["gpt-5": ["max_input_tokens": 1]], in: directory)
        let snapshot = Snapshot(day: try #require(Day(iso: "2026-06-18")),
                                entries: [Self.entry("GPT-5", score: 50), Self.entry("claude-a", score: 40)], sota: [])
        let feed = APIPriceFeed(configuration: Self.config(required: ["openai"]), url: url, retry: .none)
        let report = try await onDedicatedThread { try feed.run(dataDirectory: directory.url, latest: snapshot) }
        #expect(report.missing == [.init(lab: "anthropic", model: "claude-a", triedKey: "claude-a")])
        #expect(report.changed && report.rows.count == 1)
        #expect(report.updateLine == "API pricing updated: openai/GPT-5")
        // A required lab that is not selected at all is no error.
        let absent = APIPriceFeed(configuration: Self.config(required: ["google", "openai"]), url: url, retry: .none)
        let second = try await onDedicatedThread { try absent.run(dataDirectory: directory.url, latest: snapshot) }
        #expect(!second.changed)
    }

    // MARK: Fetching

    @Test func retriesA503ThenSucceeds() async throws {
        try await LoopbackHTTPServer.with(serving: Self.litellmDirectory) { server in
            let path = "/model_prices_and_context_window.json"
            server.script(path, [.status(503)])
            let feed = APIPriceFeed(configuration: try Self.configuration(), url: server.url(path),
                                    retry: .immediate(retries: 2))
            let prices = try await onDedicatedThread { try feed.fetchPrices() }
            #expect(prices["gpt-5.6"] != nil)
            #expect(server.requestCount(path) == 2)
        }
    }

    @Test func invalidJSONIsAFormatChange() async throws {
        try await LoopbackHTTPServer.with(serving: Self.litellmDirectory) { server in
            server.script("/prices.json", [.bytes(Array("{\"gpt-5\": ".utf8))])
            server.script("/list.json", [.bytes(Array("[1, 2]".utf8))])
            for path in ["/prices.json", "/list.json"] {
                let feed = APIPriceFeed(configuration: try Self.configuration(), url: server.url(path), retry: .none)
                let error = await #expect(throws: FormatChangeError.self) {
                    try await onDedicatedThread { try feed.fetchPrices() }
                }
                #expect(error?.source == "litellm")
                #expect(error?.details.contains(server.url(path)) == true)
            }
        }
    }

    @Test func notFoundNamesTheURL() async throws {
        try await LoopbackHTTPServer.with(serving: Self.litellmDirectory) { server in
            let url = server.url("/missing.json")
            let feed = APIPriceFeed(configuration: try Self.configuration(), url: url, retry: .immediate(retries: 2))
            let error = await #expect(throws: SourceUnavailableError.self) {
                try await onDedicatedThread { try feed.fetchPrices() }
            }
            #expect(error?.description.contains(url) == true)
            #expect(error?.description.contains("404") == true)
            #expect(server.requestCount("/missing.json") == 1)
        }
    }
}
