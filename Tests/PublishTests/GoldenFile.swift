import Foundation
import Testing

/// Compares a report with `Golden/<name>.md` beside this file, byte for byte.
///
/// `RECORD_GOLDENS=1 swift test --filter PublishTests` rewrites the files; a recording run fails
/// so the new baseline is reviewed before it is committed.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".md")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(url.path); review it and run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path); run with RECORD_GOLDENS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record("report differs from Golden/\(name).md:\n\(lineDiff(expected: expected, actual: actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The lines that differ, `-` expected and `+` actual, with line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : nil, y = i < b.count ? String(b[i]) : nil
            guard x != y else { continue }
            if let x { out.append("\(i + 1) - \(x)") }
            if let y { out.append("\(i + 1) + \(y)") }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
