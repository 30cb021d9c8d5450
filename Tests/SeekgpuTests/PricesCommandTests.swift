import Foundation
import Testing
import TestSupport

/// `seekgpu generate --step prices` as the daily job runs it, against the gpuhunt fixture
/// served on 127.0.0.1.
@Suite struct PricesCommandTests {
    static let catalog = Fixtures.shared("gpuhunt")

    func environment(_ base: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GPUHUNT_CATALOG_URL"] = base
        environment.removeValue(forKey: "GPUHUNT_CATALOG_DIR")
        environment["SEEKGPU_RETRY_DELAYS"] = "0,0"
        return environment
    }

    func run(_ arguments: [String], base: String) async throws -> CommandResult {
        let environment = environment(base)
        return try await onDedicatedThread { try CommandRunner.run(arguments, environment: environment) }
    }

    @Test func pricesWritesTheFourFilesAndSummarises() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            let result = try await run(["generate", "--step", "prices", "--out", out.path], base: server.baseURL)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("prices: 9 of 9 providers read (catalog 20260822-1), as of 2026-08-22"))
            #expect(result.stderr.contains("253 catalog rows, 0 malformed skipped; 173 offerings published"))
            #expect(!result.stderr.contains("without a datasheet row"))  // every priced GPU has one (GB200 … RTXPRO5000 added)
            for name in ["gpus.json", "gpu_source.json", "gpu_price_history.json", "gpu_specs.json"] {
                #expect(FileManager.default.fileExists(atPath: out.path("data/\(name)")), "\(name)")
            }
            let again = try await run(["generate", "--step", "prices", "--out", out.path], base: server.baseURL)
            #expect(again.status == 0 && again.stderr.contains("no file changed"))
        }
    }

    @Test func pricedGPUsWithoutADatasheetRowAreListed() async throws {
        let config = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.configDirectory.path) {
            try FileManager.default.copyItem(at: Fixtures.configDirectory.appendingPathComponent(name),
                                             to: config.url.appendingPathComponent(name))
        }
        try Data("gpus: []\n".utf8).write(to: config.url.appendingPathComponent("gpu-datasheet-overrides.yaml"))
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            let result = try await run(["generate", "--step", "prices", "--out", out.path, "--config", config.path],
                                       base: server.baseURL)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("2 GPUs without a datasheet row (add them to config/gpu-datasheet-overrides.yaml): GB200, GH200"))
        }
    }

    @Test func aPinnedCatalogVersionIsRequestedForEveryProvider() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            let result = try await run(["generate", "--step", "prices", "--catalog-version", "20260405-1", "--out", out.path],
                                       base: server.baseURL)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(server.requests.filter { $0.hasSuffix("/version") }.isEmpty)
            #expect(server.requests.filter { $0.contains("/20260405-1/") }.count == 9)
        }
    }

    @Test func anUnreachableCatalogExitsWith69AndWritesNothing() async throws {
        let out = try TemporaryDirectory()
        let result = try await run(["generate", "--step", "prices", "--out", out.path],
                                   base: LoopbackHTTPServer.refusingURL)
        #expect(result.status == 69)
        #expect(result.stderr.contains("Error: gpuhunt catalog at"))
        #expect(result.stderr.contains("This step wrote nothing"))
        #expect(!FileManager.default.fileExists(atPath: out.path("data")))
    }

    @Test func aCatalogInANewFormatExitsWith65() async throws {
        let tree = try TemporaryDirectory()
        for provider in ["aws", "azure", "verda", "gcp", "lambdalabs", "nebius", "oci", "runpod", "cloudrift"] {
            let folder = tree.url.appendingPathComponent(provider)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("v4-\(provider)/with/slashes".utf8).write(to: folder.appendingPathComponent("version"))
        }
        try await LoopbackHTTPServer.with(serving: tree.url) { server in
            let out = try TemporaryDirectory()
            let result = try await run(["generate", "--step", "prices", "--out", out.path], base: server.baseURL)
            #expect(result.status == 65)
            #expect(result.stderr.contains("Breaking format change in gpuhunt"))
        }
    }

    @Test func aBadRetrySettingIsAConfigurationError() async throws {
        var environment = environment("http://127.0.0.1:1")
        environment["SEEKGPU_RETRY_DELAYS"] = "soon"
        let frozen = environment
        let result = try await onDedicatedThread {
            try CommandRunner.run(["generate", "--step", "prices", "--out", "/nonexistent"], environment: frozen)
        }
        #expect(result.status == 78)
        #expect(result.stderr.contains("SEEKGPU_RETRY_DELAYS='soon' must be comma-separated seconds"))
    }
}
