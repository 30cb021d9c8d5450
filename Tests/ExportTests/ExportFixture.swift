import Export
import Feeds
import Foundation
import NetKit
import SeekCore
import TestSupport

/// The gpuhunt fixture (`shared/data/gpuhunt`) served on 127.0.0.1 and read through the real
/// catalog code (`PriceFeed.fetchCatalogs`), as `seekgpu export` reads it.
enum ExportFixture {
    static func catalog(version: String? = nil) async throws -> Catalogs {
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
            let configuration = try PriceFeedConfiguration.load(
                from: Fixtures.configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))
            let feed = PriceFeed(configuration: configuration, location: .bucket(base: server.baseURL),
                                 pinnedVersion: version.flatMap(CatalogVersion.init), retry: .none)
            return try await onDedicatedThread { try feed.fetchCatalogs() }
        }
    }

    static func input(version: String? = nil) async throws -> ExportInput {
        ExportInput(catalogs: try await catalog(version: version))
    }

    /// 2026-08-22T13:30:05Z.
    static let runTime = Date(timeIntervalSince1970: 1_787_405_405)

    static func context(_ input: ExportInput) -> TransformContext {
        TransformContext(runTime: runTime, inputCount: input.records.count, catalogVersions: input.catalogVersions)
    }

    /// A record with every field set unless overridden, for transformer edge cases.
    static func record(provider: String = "aws", instanceType: String = "p5.48xlarge", acceleratorName: String? = "H100",
                       region: String = "us-east-1", count: Int = 8, memory: Double? = 80, quantity: Int? = 3,
                       price: Double? = 98.32, spotPrice: Double? = nil, vCPUs: Double? = 192, memoryGiB: Double? = 2048,
                       availability: ExportRecord.Availability? = .high, collectedAt: Int64? = 1_787_356_800,
                       raw: [String: String] = ["instance_name": "p5.48xlarge", "location": "us-east-1"]) -> ExportRecord {
        ExportRecord(provider: provider, instanceType: instanceType, acceleratorName: acceleratorName, region: region,
                     acceleratorCount: count, acceleratorMemGiB: memory, quantity: quantity, price: price,
                     spotPrice: spotPrice, vCPUs: vCPUs, memoryGiB: memoryGiB, availability: availability,
                     collectedAt: collectedAt, catalogVersion: "20260822-1", raw: raw)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
