import Foundation

/// Compares generated text with a golden file byte for byte.
///
/// `RECORD_GOLDENS=1 swift test --filter …` rewrites the files; a recording run still reports a problem so the new
/// baseline is reviewed before it is committed.
public enum GoldenFile {
    /// What is wrong, or nil when `actual` is the golden file's text.
    ///
    /// - Parameters:
    ///   - actual: The generated text.
    ///   - url: The golden file.
    public static func problem(_ actual: String, against url: URL) -> String? {
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                return "cannot record \(url.path): \(error)"
            }
            return "recorded \(url.path); review it and run again without RECORD_GOLDENS"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(url.path); run with RECORD_GOLDENS=1 to create it"
        }
        guard actual != expected else { return nil }
        return "\(url.lastPathComponent) differs from the golden file:\n\(lineDiff(expected: expected, actual: actual))"
    }

    /// The lines that differ, `-` expected and `+` actual, with line numbers.
    public static func lineDiff(expected: String, actual: String) -> String {
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
