import Foundation
import GitKit
import Testing
import TestSupport

/// Runs the built `seekgpu` binary as CI and maintainers do: stdout, stderr and exit status.
@Suite struct GenerateCommandTests {
    func makeIndex(in dir: TemporaryDirectory) throws -> IndexRepositoryBuilder {
        let builder = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let (meta, scores) = IndexFiles.paths("GLM-5")
        try builder.commit([meta: IndexFiles.metadata(model: "GLM-5"), scores: IndexFiles.allBenchmarks(55.5)],
                           at: "2026-03-01T10:00:00Z")
        try builder.commit([scores: IndexFiles.allBenchmarks(56.5)], at: "2026-03-02T10:00:00Z")
        return builder
    }

    @Test func generateWritesSnapshotsAndSummarisesOnStderr() throws {
        let dir = try TemporaryDirectory()
        _ = try makeIndex(in: dir)
        let run = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"),
                                         "--out", dir.path("out")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("2 written, 0 unchanged, 0 skipped"))
        #expect(run.stderr.contains("1 new model: GLM-5"))
        #expect(run.stderr.contains("5 score changes"))
        #expect(FileManager.default.fileExists(atPath: dir.path("out/data/snapshots/2026-03-02/benchmarks.json")))

        let again = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"),
                                           "--out", dir.path("out")])
        #expect(again.status == 0)
        #expect(again.stderr.contains("up to date") && again.stderr.contains("nothing written"))
    }

    @Test func quietPrintsNothingAndVerboseListsTheChanges() throws {
        let dir = try TemporaryDirectory()
        _ = try makeIndex(in: dir)
        let quiet = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"), "--out", dir.path("q"), "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
        let verbose = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"), "--out", dir.path("v"), "-v"])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("Snapshot 2026-03-01:\n  NEW GLM-5: Frontend, Greenfield, Information Gathering, Issue Resolution, Testing (complete)"))
        #expect(verbose.stderr.contains("~GLM-5: Frontend 55.5 → 56.5"))
    }

    @Test func aMissingSubmoduleSaysWhichCommandFetchesIt() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("openhands-index"), withIntermediateDirectories: true)
        let run = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("openhands-index"),
                                         "--out", dir.path("out")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Error: "))
        #expect(run.stderr.contains("scripts/init-index"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test func aFormatChangeExitsWithItsOwnStatus() throws {
        let dir = try TemporaryDirectory()
        let builder = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try builder.commit(["results/A/data.yaml": "model: A"], at: "2026-03-01T10:00:00Z")
        let run = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"), "--out", dir.path("out")])
        #expect(run.status == 65)
        #expect(run.stderr.contains("Breaking format change in openhands-index"))
        #expect(run.stderr.contains("'A'"))
    }

    @Test func siteRendersPagesFromTheSnapshotsInOut() throws {
        let dir = try TemporaryDirectory()
        _ = try makeIndex(in: dir)
        let snapshots = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"),
                                               "--out", dir.path("out"), "-q"])
        #expect(snapshots.status == 0)
        let site = try CommandRunner.run(["generate", "--step", "site", "--out", dir.path("out")])
        #expect(site.status == 0, "\(site.stderr)")
        let html = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        #expect(html.contains("GLM-5") && html.contains("56.5"))
        #expect(FileManager.default.fileExists(atPath: dir.path("out/methodology/index.html")))
        #expect(FileManager.default.fileExists(atPath: dir.path("out/assets/site.css")))
        // A permalink page per snapshot, listed on the home page.
        let past = try String(contentsOfFile: dir.path("out/snapshots/2026-03-01/index.html"), encoding: .utf8)
        #expect(past.contains("Leaderboard of 1 Mar 2026") && past.contains("55.5"))
        #expect(html.contains("href=\"snapshots/2026-03-01/\""))
        // Every published JSON file's schema is published too, and the deploy spec's (the site's deploy files).
        let schemas = try FileManager.default.contentsOfDirectory(atPath: dir.path("out/data/schema")).sorted()
        #expect(schemas.contains("gpus.schema.json") && schemas.contains("benchmarks.schema.json")
                && schemas.contains("models.schema.json") && schemas.contains("metadata.schema.json")
                && schemas.contains("seekgpu-deploy.schema.json") && schemas.contains("unsized-models.schema.json") && schemas.count == 12)
    }

    @Test func aCommitDatedYearsAheadIsSkippedSummarisedAndAlerted() throws {
        let dir = try TemporaryDirectory()
        let builder = try makeIndex(in: dir)
        let (_, scores) = IndexFiles.paths("GLM-5")
        try builder.commit([scores: IndexFiles.allBenchmarks(99)], at: "2099-01-01T00:00:00Z")
        let run = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"),
                                         "--out", dir.path("out"), "--alerts-file", dir.path("alerts.json")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 commit dated after now skipped: \(builder.head?.short ?? "?") (2099-01-01 00:00:00 UTC)"))
        let index = try String(contentsOfFile: dir.path("out/data/snapshots/index.json"), encoding: .utf8)
        #expect(index.contains("\"latest\": \"2026-03-02\""))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/data/snapshots/2099-01-01")))
        let alerts = try String(contentsOfFile: dir.path("alerts.json"), encoding: .utf8)
        #expect(alerts.contains("Index commits dated in the future"))
    }

    @Test func anUnknownStepIsAUsageError() throws {
        let run = try CommandRunner.run(["generate", "--step", "nope"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: "))
    }

    @Test func aBrokenConfigurationFileExits78WithEveryProblemAtItsLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        _ = try makeIndex(in: dir)
        let config = dir.path("config")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try """
            history_start: yesterday
            categories:
              - { benchmark: swe-bench, nme: issue_resolution, display: Issue Resolution }

            """.write(toFile: config + "/openhands-index.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["generate", "--step", "snapshots", "--index", dir.path("index.git"), "--out", dir.path("out"),
                                         "--config", config])
        #expect(run.status == 78)
        let file = config + "/openhands-index.yaml"
        #expect(run.stderr == """
            \(file):1:16: history_start must be a day written YYYY-MM-DD, not the text 'yesterday'
            \(file):3:5: categories[0] needs 'name'
            \(file):3:29: unknown key 'nme' in categories[0]; did you mean 'name'? (known keys: benchmark, name, display)
            Error: \(file) has 3 problems; fix them and run again

            """, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/data/snapshots")))
    }
}
