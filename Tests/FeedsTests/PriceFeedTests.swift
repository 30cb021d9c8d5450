import Dataset
import Feeds
import Foundation
import NetKit
import SeekCore
import Testing
import TestSupport
import ZIPFoundation

/// The prices step against a real HTTP server on 127.0.0.1 serving the gpuhunt fixture
/// (`shared/data/gpuhunt`, laid out like gpuhunt's public v3 bucket).
@Suite struct PriceFeedTests {
    static let catalog = Fixtures.shared("gpuhunt")
    static let versions = ["20260218-1", "20260405-1", "20260521-1", "20260701-1", "20260822-1"]
    let configuration = try! PriceFeedConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))

    func feed(_ base: String, version: String? = nil, timeout: Double = 10) -> PriceFeed {
        PriceFeed(configuration: configuration, location: .bucket(base: base), pinnedVersion: version.flatMap(CatalogVersion.init),
                  http: HTTPClient.Configuration(connectTimeout: 2, totalTimeout: timeout), retry: .immediate(retries: 2))
    }

    func run(_ feed: PriceFeed, into out: TemporaryDirectory) async throws -> PriceRunReport {
        let data = out.url.appendingPathComponent("data")
        return try await onDedicatedThread { try feed.run(dataDirectory: data, specs: []) }
    }

    func file(_ out: TemporaryDirectory, _ name: String) throws -> Data {
        try Data(contentsOf: out.url.appendingPathComponent("data/\(name)"))
    }

    func golden(_ version: String) throws -> Data {
        try Data(contentsOf: Self.catalog.appendingPathComponent("_expected/gpus-\(version).json")) + Data("\n".utf8)
    }

    @Test func theNewestCatalogGivesTheReferenceGpusJsonByteForByte() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out)
            #expect(try file(out, "gpus.json") == golden("20260822-1"))
            let reference = try Data(contentsOf: Fixtures.shared("reference/gpus.json")) + Data("\n".utf8)
            #expect(try file(out, "gpus.json") == reference)
            #expect(report.rowsRead == 253 && report.malformedRows == 0 && report.offerings.count == 173)
            #expect(report.failures.isEmpty)
            // Survivors per provider, as EXPECTED.md counts them.
            let survivors = Dictionary(uniqueKeysWithValues: report.source.providers.map { ($0.name, $0.offerings) })
            #expect(survivors == ["aws": 9, "azure": 1, "verda": 25, "gcp": 3, "lambdalabs": 4, "nebius": 3,
                                  "oci": 3, "runpod": 122, "cloudrift": 3])
            #expect(report.source.providers.allSatisfy { $0.catalogVersion == "20260822-1" && !$0.stale })
            #expect(report.source.asOf == Day(iso: "2026-08-22"))
            #expect(server.requestCount("/aws/version") == 1)
        }
    }

    @Test(arguments: versions)
    func aPinnedVersionGivesItsGoldenGpusJson(version: String) async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL, version: version), into: out)
            #expect(try file(out, "gpus.json") == golden(version))
            #expect(server.requestCount("/runpod/version") == 0)
            #expect(server.requestCount("/runpod/\(version)/catalog.zip") == 1)
        }
    }

    @Test func thePriceHistoryRecordsOnlyRealPriceMovesOverTheFiveCatalogs() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            var expected: [(String, [PriceHistory.NodePrice])] = []
            for version in Self.versions {
                _ = try await run(feed(server.baseURL, version: version), into: out)
                let golden = try DataFiles.offerings.decode(Array(golden(version)))
                let prices = PriceHistory.nodePrices(of: golden, nodes: configuration.servingNodes,
                                                     vramGB: configuration.servingNodeVramGB)
                if expected.last?.1 != prices, let day = PriceSource.date(ofVersion: version) {
                    expected.append((day.iso, prices))
                }
            }
            let history = try DataFiles.priceHistory.decode(Array(file(out, "gpu_price_history.json")))
            #expect(history.series.map(\.date.iso) == expected.map(\.0))
            #expect(history.series.map(\.prices) == expected.map(\.1))
            #expect(history.series.count >= 2)
            #expect(!String(decoding: try file(out, "gpu_price_history.json"), as: UTF8.self).contains("generated_at"))
            // Running the newest catalog again changes nothing.
            let again = try await run(feed(server.baseURL, version: "20260822-1"), into: out)
            #expect(again.changedFiles.isEmpty && !again.historyPointAdded)
        }
    }

    @Test func aServerErrorIsRetried() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            server.script("/aws/version", [.status(500), .status(503)])
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out)
            #expect(report.failures.isEmpty)
            #expect(server.requestCount("/aws/version") == 3)
            #expect(try file(out, "gpus.json") == golden("20260822-1"))
        }
    }

    @Test func aFailingProviderKeepsItsEarlierRowsMarkedStale() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL, version: "20260701-1"), into: out)
            server.script("/runpod/version", [.status(404)])
            server.script("/gcp/version", Array(repeating: .truncatedFile(keepingBytes: 3), count: 1))
            server.script("/gcp/20260822-1/catalog.zip", Array(repeating: .truncatedFile(keepingBytes: 100), count: 3))
            let report = try await run(feed(server.baseURL), into: out)
            #expect(Set(report.failures.map(\.provider)) == ["runpod", "gcp"])
            #expect(server.requestCount("/runpod/version") == 1)  // a 404 is not retried
            #expect(server.requestCount("/gcp/20260822-1/catalog.zip") == 3)
            let source = try DataFiles.gpuSource.decode(Array(file(out, "gpu_source.json")))
            let runpod = try #require(source.providers.first { $0.name == "runpod" })
            #expect(runpod.stale && runpod.catalogVersion == "20260701-1" && runpod.offerings > 0)
            let gcp = try #require(source.providers.first { $0.name == "gcp" })
            #expect(gcp.stale && gcp.catalogVersion == "20260701-1")
            #expect(source.providers.filter { !$0.stale }.allSatisfy { $0.catalogVersion == "20260822-1" })
            let offerings = try DataFiles.offerings.decode(Array(file(out, "gpus.json")))
            #expect(offerings.contains { $0.provider == "runpod" })
            #expect(try leftovers(in: out).isEmpty)
        }
    }

    @Test func aCatalogWithoutARequiredColumnIsAFormatChangeForThatProviderOnly() async throws {
        let tree = try TemporaryDirectory()
        try copyCatalog(to: tree.url)
        try rewriteCSV(in: tree.url, provider: "oci", version: "20260822-1") { csv in
            csv.replacingOccurrences(of: "gpu_memory", with: "gpu_mem")
        }
        try await LoopbackHTTPServer.with(serving: tree.url) { server in
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL), into: out)
            #expect(report.failures.map(\.provider) == ["oci"])
            #expect(report.failures.first?.isFormatChange == true)
            #expect(report.failures.first?.reason.contains("gpu_memory") == true)
        }
    }

    @Test func aServerSlowerThanTheTimeoutFailsThatProvider() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            server.script("/lambdalabs/version", Array(repeating: .delay(seconds: 5, then: .passthrough), count: 3))
            let out = try TemporaryDirectory()
            let report = try await run(feed(server.baseURL, timeout: 0.5), into: out)
            #expect(report.failures.map(\.provider) == ["lambdalabs"])
            #expect(report.failures.first?.reason.contains("timed out") == true)
        }
    }

    @Test func whenEveryProviderFailsNothingIsWritten() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL, version: "20260405-1"), into: out)
            let before = try contents(of: out.url)
            let broken = feed(server.baseURL, version: "19990101-1")
            await #expect(throws: SourceUnavailableError.self) { try await run(broken, into: out) }
            #expect(try contents(of: out.url) == before)

            let empty = try TemporaryDirectory()
            let refused = feed("http://127.0.0.1:1")
            await #expect(throws: SourceUnavailableError.self) { try await run(refused, into: empty) }
            #expect(try contents(of: empty.url).isEmpty)
        }
    }

    @Test func aDamagedPriceHistoryStopsTheStepInsteadOfBeingReplaced() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            let data = out.url.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try Data("{\"unit\": \"usd_per_node_hour\", \"series\": [{\"date\": \"2026-01-01\"}]}\n".utf8)
                .write(to: data.appendingPathComponent("gpu_price_history.json"))
            let error = await #expect(throws: PublishedFileError.self) { try await run(feed(server.baseURL), into: out) }
            #expect(error?.description.contains("gpu_price_history.json") == true)
            #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("gpus.json").path))
        }
    }

    @Test func aStaleProviderNeverMovesTheHistoryDateBack() async throws {
        try await LoopbackHTTPServer.with(serving: Self.catalog) { server in
            let out = try TemporaryDirectory()
            _ = try await run(feed(server.baseURL, version: "20260822-1"), into: out)
            let history = try file(out, "gpu_price_history.json")
            let older = try await run(feed(server.baseURL, version: "20260701-1"), into: out)
            #expect(!older.historyPointAdded)
            #expect(try file(out, "gpu_price_history.json") == history)
        }
    }

    @Test func aDirectoryOfCSVFilesGivesTheSameOfferings() async throws {
        let flat = try TemporaryDirectory()
        for provider in configuration.providers {
            let zip = try Data(contentsOf: Self.catalog.appendingPathComponent("\(provider)/20260822-1/catalog.zip"))
            let archive = try Archive(data: zip, accessMode: .read)
            var csv = Data()
            _ = try archive.extract(try #require(archive["\(provider).csv"])) { csv.append($0) }
            try csv.write(to: flat.url.appendingPathComponent("\(provider).csv"))
        }
        let out = try TemporaryDirectory()
        let local = PriceFeed(configuration: configuration, location: .directory(flat.url), retry: .none)
        let report = try await run(local, into: out)
        #expect(try file(out, "gpus.json") == golden("20260822-1"))
        #expect(report.source.providers.allSatisfy { $0.catalogVersion == "local" })
        #expect(report.source.asOf == nil && !report.historyPointAdded)  // no version, no dated point
    }

    @Test func theLocationFollowsGpuhuntsEnvironmentVariables() {
        #expect(CatalogLocation.from(environment: [:]) == .bucket(base: CatalogLocation.publicBucket))
        #expect(CatalogLocation.from(environment: ["GPUHUNT_CATALOG_URL": "http://127.0.0.1:9/v3/"])
                == .bucket(base: "http://127.0.0.1:9/v3"))
        #expect(CatalogLocation.from(environment: ["GPUHUNT_CATALOG_URL": "http://x", "GPUHUNT_CATALOG_DIR": "/tmp/c"])
                == .directory(URL(fileURLWithPath: "/tmp/c")))
    }

    // MARK: helpers

    func copyCatalog(to destination: URL) throws {
        for provider in configuration.providers {
            try FileManager.default.copyItem(at: Self.catalog.appendingPathComponent(provider),
                                             to: destination.appendingPathComponent(provider))
        }
    }

    func rewriteCSV(in tree: URL, provider: String, version: String, _ change: (String) -> String) throws {
        let url = tree.appendingPathComponent("\(provider)/\(version)/catalog.zip")
        let old = try Archive(data: try Data(contentsOf: url), accessMode: .read)
        var csv = Data()
        _ = try old.extract(try #require(old["\(provider).csv"])) { csv.append($0) }
        let text = Data(change(String(decoding: csv, as: UTF8.self)).utf8)
        let new = try Archive(data: Data(), accessMode: .create)
        try new.addEntry(with: "\(provider).csv", type: .file, uncompressedSize: Int64(text.count),
                         compressionMethod: .deflate) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        try #require(new.data).write(to: url)
    }

    func leftovers(in out: TemporaryDirectory) throws -> [String] {
        try contents(of: out.url).keys.filter { $0.hasSuffix(".tmp") }
    }
}
