import Foundation
import GitKit
import Publish
import SeekCore
import Testing
import TestSupport

/// `seekgpu diff` through the built binary, on a repository built with libgit2.
@Suite struct DiffCommandTests {
    typealias D = DataSets

    /// Commits a published site, then changes the working copy: one new model, H100×8 cheaper.
    static func makeRepository(in dir: TemporaryDirectory) throws -> IndexRepositoryBuilder {
        let builder = try IndexRepositoryBuilder(at: dir.path("site"), bare: false)
        let committed: [String: String?] = [
            "web/public/data/models.json": text(.array([D.model("GLM-5.1")])),
            "web/public/data/gpus.json": text(.array([D.offering("H100", 8, 24.0, provider: "verda", instance: "8H100")])),
            "web/public/index.html": "<html>old</html>\n",
            "README.md": "site\n",
        ]
        try builder.commit(committed, at: "2026-06-17T04:00:00Z", message: "data: first")
        try write([
            "web/public/data/models.json": text(.array([D.model("GLM-5.1"), D.model("MiniMax-M3")])),
            "web/public/data/gpus.json": text(.array([D.offering("H100", 8, 22.99, provider: "runpod", instance: "8x H100")])),
            "web/public/index.html": "<html>new</html>\n",
        ], in: dir.url.appendingPathComponent("site"))
        return builder
    }

    static func text(_ value: JSONValue) -> String { String(decoding: CanonicalJSON.encode(value), as: UTF8.self) }

    static func write(_ files: [String: String], in root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func reportsTheWorkingCopyAgainstHeadAsMarkdown() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRepository(in: dir)
        let run = try CommandRunner.run(["diff", "--base", "HEAD", "--repo", dir.path("site"),
                                         "--out", dir.path("site/web/public")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# new model MiniMax-M3; H100×8 \u{2212}4.2%; +1/\u{2212}1 offerings; 1 site file changed")
        #expect(run.stdout.contains("| H100×8 | $24.00/h | $22.99/h | \u{2212}4.2% | verda → runpod |"))
        #expect(run.stdout.contains("- **MiniMax-M3** — MoE, 100.0B params (10.0B active), FP8, 131,072-token context, MIT"))
        #expect(run.stdout.contains("Site: 1 other file changed (1 modified); pages are not diffed."))

        // The defaults (HEAD, ".", web/public) from the repository's top folder give the same report.
        let defaults = try CommandRunner.run(["diff"], in: dir.url.appendingPathComponent("site"))
        #expect(defaults.status == 0 && defaults.stdout == run.stdout)
        let summary = try CommandRunner.run(["diff", "--format", "summary"], in: dir.url.appendingPathComponent("site"))
        #expect(summary.stdout == String(lines[0].dropFirst(2)) + "\n")
    }

    @Test func anEarlierRevisionAndAnUnchangedWorkingCopy() throws {
        let dir = try TemporaryDirectory()
        let builder = try Self.makeRepository(in: dir)
        let root = dir.url.appendingPathComponent("site")
        // Commit the working copy's files; now HEAD matches the working copy and HEAD~1 does not.
        var files: [String: String?] = [:]
        for path in ["web/public/data/models.json", "web/public/data/gpus.json", "web/public/index.html"] {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        try builder.commit(files, at: "2026-06-18T04:00:00Z", message: "data: second")
        let same = try CommandRunner.run(["diff"], in: root)
        #expect(same.status == 0)
        #expect(same.stdout == "# data: no changes\n\nNo data file changed.\n")
        let earlier = try CommandRunner.run(["diff", "--base", "HEAD~1", "--format", "body"], in: root)
        #expect(earlier.status == 0)
        #expect(earlier.stdout.hasPrefix("## Models\n"))
    }

    @Test func aRepositoryWithoutCommitsIsAFirstRun() throws {
        let dir = try TemporaryDirectory()
        _ = try Repository.create(at: dir.path("site"), bare: false)
        try Self.write(["web/public/data/models.json": Self.text(.array([D.model("GLM-5.1")]))],
                       in: dir.url.appendingPathComponent("site"))
        let run = try CommandRunner.run(["diff", "--format", "summary"], in: dir.url.appendingPathComponent("site"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "first data: 1 model\n")
    }

    @Test func anUnknownRevisionFailsNamingRevisionAndRepository() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRepository(in: dir)
        let run = try CommandRunner.run(["diff", "--base", "no-such-rev", "--repo", dir.path("site"),
                                         "--out", dir.path("site/web/public")])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: could not read 'web/public' at 'no-such-rev' in '\(dir.path("site"))'"))
    }

    @Test func noRepositoryFailsAndAnEmptyBaseIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        let run = try CommandRunner.run(["diff", "--repo", dir.path("nothing")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Error: no git repository at '\(dir.path("nothing"))'"))
        #expect(run.stderr.contains("--repo"))
        let usage = try CommandRunner.run(["diff", "--base", " "], in: dir.url)
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: --base needs a revision"))
    }
}
