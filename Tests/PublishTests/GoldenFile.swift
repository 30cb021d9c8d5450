import Foundation
import Testing
import TestSupport

/// Compares a report with `Golden/<name>.md` beside this file, byte for byte (``TestSupport/GoldenFile``;
/// `RECORD_GOLDENS=1 swift test --filter PublishTests` rewrites them).
enum PublishGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let problem = GoldenFile.problem(actual, against: directory.appendingPathComponent(name + ".md")) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}
