import Dataset
import Foundation
import SeekCore
@testable import Sizing

/// The reference data files (/work/shared/data/reference) decoded through the Dataset's codecs, as
/// `seekgpu generate --step site` decodes them. Located from this file: Tests/SizingTests/ → repo root → ../shared/data.
enum ReferenceData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/reference").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("gpus.json").path) }

    static var folder: DataFolder { DataFolder(directory: root) }

    static func offerings() throws -> [Offering] { try folder.read(DataFiles.offerings) ?? [] }

    static func models() throws -> [ModelSpec] { try folder.read(DataFiles.models) ?? [] }

    static func specs() throws -> [GPUSpec] { try folder.read(DataFiles.gpuSpecs) ?? [] }

    static func apiPrices() throws -> [APIPrice] { try folder.read(DataFiles.apiPricing) ?? [] }

    static func snapshot(_ date: String) throws -> Snapshot {
        guard let day = Day(iso: date), let snapshot = try folder.snapshot(day) else {
            throw DatasetError(file: "snapshots/\(date)", reason: "is missing from the reference data")
        }
        return snapshot
    }

    static func snapshots() throws -> [Snapshot] {
        guard let index = try folder.read(DataFiles.snapshotIndex) else { return [] }
        return try folder.snapshots(listedIn: index)
    }

    static func priceHistory() throws -> PriceHistory { try folder.read(DataFiles.priceHistory) ?? PriceHistory() }
}
