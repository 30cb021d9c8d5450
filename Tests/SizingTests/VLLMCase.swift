import Feeds
import Foundation
import SeekCore
import TestSupport
@testable import Sizing

/// The shared cases, located from this file like ``ReferenceData``: Tests/SizingTests/ → repo root → ../shared/data/vllm-logs.
typealias VLLMCase = VLLMLogCase

extension VLLMLogCase {
    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/vllm-logs/cases.json").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The cases with the project's runtime notes (`Tests/Fixtures/vllm-log-configs/log-runtimes.json`).
    static func all() throws -> [VLLMCase] {
        let notes = Fixtures.projectFixtures.appendingPathComponent("vllm-log-configs")
            .appendingPathComponent(VLLMLogCases.runtimeNotesFile)
        return try VLLMLogCases.load(path: url.path, runtimeNotes: notes.path,
                                     kernels: Set(VLLMSamplerKernel.names))
    }
}
