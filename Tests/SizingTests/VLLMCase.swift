import Feeds
import Foundation
import SeekCore
@testable import Sizing

/// The shared cases, located from this file like ``ReferenceData``: Tests/SizingTests/ → repo root → ../shared/data/vllm-logs.
typealias VLLMCase = VLLMLogCase

extension VLLMLogCase {
    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/vllm-logs/cases.json").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: url.path) }

    static func all() throws -> [VLLMCase] {
        try VLLMLogCases.load(path: url.path)
    }
}
