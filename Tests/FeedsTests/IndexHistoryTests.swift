import Feeds
import Foundation
import GitKit
import SeekCore
import Testing
import TestSupport

/// Runs IndexHistory on repositories built commit by commit with libgit2.
@Suite struct IndexHistoryTests {
    let configuration = try! IndexConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))

    struct Run {
        let report: SnapshotRunReport
        let store: SnapshotStore
        func snapshot(_ day: String) -> Snapshot? { Day(iso: day).flatMap { try? store.loadSnapshot($0) } }
        var index: SnapshotIndex? { try? store.loadIndex() }
    }

    /// The run's start in these tests: the end of 2026 (no wall clock), unless a test passes its own.
    static let now = Day(iso: "2026-12-31")!.endUnixTime

    func run(_ builder: IndexRepositoryBuilder, out: TemporaryDirectory, force: Bool = false,
             configuration: IndexConfiguration? = nil, now: Int64 = IndexHistoryTests.now) throws -> Run {
        let (repository, head) = try IndexHistory.openRepository(at: builder.path)
        let store = SnapshotStore(directory: out.url.appendingPathComponent("data/snapshots"))
        let report = try IndexHistory(repository: repository, configuration: configuration ?? self.configuration)
            .exportSnapshots(to: store, head: head, force: force, now: now)
        return Run(report: report, store: store)
    }

    func model(_ dir: String, _ name: String? = nil, openness: String? = "open_weights", scores: String) -> [String: String?] {
        let (meta, scoresPath) = IndexFiles.paths(dir)
        return [meta: IndexFiles.metadata(model: name ?? dir, openness: openness), scoresPath: scores]
    }

    /// A repository with model A on 2026-02-01 and 02-02, and an output directory built from it.
    func twoDaysBuilt(in dir: TemporaryDirectory) throws -> (IndexRepositoryBuilder, TemporaryDirectory) {
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-02-01T10:00:00Z")
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(12)), at: "2026-02-02T10:00:00Z")
        let out = try TemporaryDirectory()
        _ = try run(b, out: out)
        return (b, out)
    }

    @Test func commitsBelongToTheUTCDayOfTheirCommitterTime() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-01-27T12:00:00Z")  // before the start
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(20)), at: "2026-02-01T23:59:59Z")
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(30)), at: "2026-02-01T20:30:00-05:00")  // 02-02 01:30 UTC
        // Author time on another day: only the committer time counts.
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(40)), at: "2026-02-03T00:00:00Z",
                     author: "2026-02-02T12:00:00Z")
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        #expect(result.index?.snapshots.map(\.iso) == ["2026-02-01", "2026-02-02", "2026-02-03"])
        #expect(result.snapshot("2026-02-01")?.entries.first?.score == 20)
        #expect(result.snapshot("2026-02-02")?.entries.first?.score == 30)
        #expect(result.snapshot("2026-02-03")?.entries.first?.score == 40)
    }

    @Test func aDayIsReadFromItsLastCommitAndTheFirstDayStartsAtMidnight() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(11)), at: "2026-01-28T00:00:00Z")
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(12)), at: "2026-01-28T09:00:00Z")
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(13)), at: "2026-01-28T23:59:59Z")
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        #expect(result.index?.snapshots.map(\.iso) == ["2026-01-28"])
        #expect(result.snapshot("2026-01-28")?.entries.map(\.score) == [13, 13, 13, 13, 13, 13])
    }

    @Test func ranksBreakTiesInGitTreeOrderAndOverallNeedsEveryCategory() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        var files = model("GLM-5", scores: IndexFiles.allBenchmarks(50, cost: 0.12))
        files.merge(model("GLM-5.1", scores: IndexFiles.allBenchmarks(50, cost: 0.13))) { $1 }
        files.merge(model("claude-opus-4-5", openness: "closed_api_available", scores: IndexFiles.scores([
            ("swe-bench", 76.6, 1.0), ("swe-bench-multimodal", 37.5, nil), ("commit0", 69.1, 2.0),
            ("swt-bench", 78.5, 0.5), ("gaia", 41.2, 0.25)]))) { $1 }
        files.merge(model("gpt-5.2", scores: IndexFiles.scores([("swe-bench", 90, 1), ("gaia", 10, 1)]))) { $1 }
        try b.commit(files, at: "2026-03-01T12:00:00Z")
        let out = try TemporaryDirectory()
        let snapshot = try #require(try run(b, out: out).snapshot("2026-03-01"))

        let overall = snapshot.entries.filter { $0.benchmarkName == "overall" }
        // git tree order puts GLM-5.1/ before GLM-5/; the tie keeps that order.
        #expect(overall.map(\.modelName) == ["claude-opus-4-5", "GLM-5.1", "GLM-5"])
        #expect(overall.map(\.rank) == [1, 2, 3])
        #expect(overall[0].score == 60.6)
        #expect(overall[0].costPerTask == 0.94)  // mean(1, 2, 0.5, 0.25) = 0.9375 → 0.94
        #expect(overall[0].openness == "closed_api_available")
        #expect(overall[1].costPerTask == 0.13)
        #expect(overall[2].costPerTask == 0.12)
        var categories: [String] = []
        for entry in snapshot.entries where categories.last != entry.benchmarkName { categories.append(entry.benchmarkName) }
        #expect(categories == ["overall", "frontend", "greenfield", "information_gathering", "issue_resolution", "testing"])
        let issue = snapshot.entries.filter { $0.benchmarkName == "issue_resolution" }
        // gpt-5.2 is published as GPT-5.2 from 2026-02-10 on.
        #expect(issue.map(\.modelName) == ["GPT-5.2", "claude-opus-4-5", "GLM-5.1", "GLM-5"])
        #expect(issue[1].costPerTask == 1.0)
        #expect(snapshot.entries.first { $0.benchmarkName == "frontend" && $0.modelName == "claude-opus-4-5" }?.costPerTask == nil)
        #expect(snapshot.sota.map(\.sotaModelName) == ["claude-opus-4-5", "GLM-5.1", "claude-opus-4-5",
                                                       "GLM-5.1", "GPT-5.2", "claude-opus-4-5"])
    }

    @Test func renamesApplyFromTheirEffectiveDayAndChain() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(model("jade", "jade-spark-2862", scores: IndexFiles.allBenchmarks(50))
                        .merging(model("gpt52", "gpt-5.2", scores: IndexFiles.allBenchmarks(60))) { $1 },
                     at: "2026-02-09T10:00:00Z")
        for (day, score) in [("2026-02-10", 51.0), ("2026-02-11", 52.0), ("2026-02-12", 53.0)] {
            try b.commit(model("jade", "jade-spark-2862", scores: IndexFiles.allBenchmarks(score)), at: "\(day)T10:00:00Z")
        }
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        func names(_ day: String) -> Set<String> { Set(result.snapshot(day)?.entries.map(\.modelName) ?? []) }
        #expect(names("2026-02-09") == ["jade-spark-2862", "gpt-5.2"])
        #expect(names("2026-02-10") == ["jade-spark-2862", "GPT-5.2"])
        #expect(names("2026-02-11") == ["Minimax-2.5", "GPT-5.2"])
        #expect(names("2026-02-12") == ["MiniMax-M2.5", "GPT-5.2"])
    }

    @Test func twoDirectoriesWithOneNameKeepTheBestScoreAndTheLastOpenness() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        // "MiniMax-M2.7/" sorts before "Minimax-2.7/"; the override maps the latter's name onto the former.
        try b.commit(model("MiniMax-M2.7", openness: "closed_api_available", scores: IndexFiles.allBenchmarks(40))
                        .merging(model("Minimax-2.7", openness: "open_weights", scores: "[]\n")) { $1 },
                     at: "2026-06-01T10:00:00Z")
        let out = try TemporaryDirectory()
        let snapshot = try #require(try run(b, out: out).snapshot("2026-06-01"))
        #expect(Set(snapshot.entries.map(\.modelName)) == ["MiniMax-M2.7"])
        #expect(snapshot.entries.count == 6)
        #expect(snapshot.entries.allSatisfy { $0.openness == "open_weights" && $0.score == 40 })
    }

    @Test func invalidJSONIsSkippedListedAndDropsOpenness() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let trailingComma = "[\n  {\"benchmark\": \"swe-bench\", \"score\": 70.0},\n]\n"
        let bareToken = "[{\"benchmark\": \"gaia\", \"score\": 50.0, \"total_cost\": $217.00}]"
        var files = model("A", scores: trailingComma)
        files.merge(model("B", scores: bareToken)) { $1 }
        files.merge(model("C", scores: IndexFiles.allBenchmarks(30))) { $1 }
        files[IndexFiles.paths("D").metadata] = "{\"model\": \"D\",}"
        files[IndexFiles.paths("D").scores] = IndexFiles.allBenchmarks(99)
        try b.commit(files, at: "2026-03-01T10:00:00Z")
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        #expect(result.report.invalidFiles.map(\.path).sorted()
                == ["results/A/scores.json", "results/B/scores.json", "results/D/metadata.json"])
        #expect(result.report.invalidFiles.allSatisfy { $0.commit == b.head && !$0.reason.isEmpty })
        let snapshot = try #require(result.snapshot("2026-03-01"))
        #expect(Set(snapshot.entries.map(\.modelName)) == ["C"])
    }

    @Test func aDayThatRepeatsTheDayBeforeIsSkippedAndRemembered() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-02-01T10:00:00Z")
        try b.commit(["README.md": "unrelated\n"], at: "2026-02-02T10:00:00Z")
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(11)), at: "2026-02-03T10:00:00Z")
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        #expect(result.report.skipped.map(\.iso) == ["2026-02-02"])
        #expect(result.index?.snapshots.map(\.iso) == ["2026-02-01", "2026-02-03"])
        #expect(result.index?.sourceCommits.map(\.day.iso) == ["2026-02-01", "2026-02-02", "2026-02-03"])
        #expect(!FileManager.default.fileExists(atPath: out.path("data/snapshots/2026-02-02")))
        #expect(result.report.changes.map(\.day.iso) == ["2026-02-01", "2026-02-03"])
        #expect(result.report.changes.last?.scoreChanges.first?.changes.count == 5)
    }

    @Test func aMergeCommitBringsInTheSideBranch() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let base = try b.commit(model("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-02-01T10:00:00Z")
        var sideFiles = b.files
        for (path, text) in model("B", scores: IndexFiles.allBenchmarks(20)) { sideFiles[path] = text.map { Array($0.utf8) } }
        let side = try b.commit(files: sideFiles, parents: [base], at: "2026-02-02T08:00:00Z", updatingHead: false)
        let main = try b.commit(["README.md": "x"], at: "2026-02-02T09:00:00Z")
        var merged = sideFiles
        merged["README.md"] = Array("x".utf8)
        try b.commit(files: merged, parents: [main, side], at: "2026-02-03T10:00:00Z", updatingHead: true)
        let out = try TemporaryDirectory()
        let result = try run(b, out: out)
        // 02-02's newest commit is on the main line (09:00), so B appears only with the merge.
        #expect(result.index?.snapshots.map(\.iso) == ["2026-02-01", "2026-02-03"])
        #expect(Set(result.snapshot("2026-02-03")?.entries.map(\.modelName) ?? []) == ["A", "B"])
        #expect(result.report.changes.last?.newModels.map(\.model) == ["B"])
    }

    @Test func directoriesThatAllFailToParseAreAFormatChange() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(["results/X/meta.yaml": "model: X", "results/Y/metadata.json": "{\"name\": \"Y\"}"],
                     at: "2026-03-01T10:00:00Z")
        let out = try TemporaryDirectory()
        let error = #expect(throws: FormatChangeError.self) { try run(b, out: out) }
        #expect(error?.source == "openhands-index")
        #expect(error?.details.contains(String(b.head!.hex.prefix(8))) == true)
        #expect(error?.details.contains("'X', 'Y'") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path("data/snapshots/index.json")))
    }

    @Test func aSecondRunWritesNothingAndReportsANoOp() throws {
        let dir = try TemporaryDirectory()
        let (b, out) = try twoDaysBuilt(in: dir)
        let before = try contents(of: out.url)
        let stamps = try modificationDates(under: out.url)
        let second = try run(b, out: out)
        #expect(second.report.isNoOp)
        #expect(second.report.changedNothing)
        #expect(try contents(of: out.url) == before)
        #expect(try modificationDates(under: out.url) == stamps)
        // A forced rebuild of the same history rewrites nothing either.
        let forced = try run(b, out: out, force: true)
        #expect(forced.report.written.isEmpty && forced.report.unchanged.count == 2 && forced.report.changedNothing)
        #expect(try modificationDates(under: out.url) == stamps)
    }

    @Test func aSnapshotFolderLeftByAFailedRunIsRemoved() throws {
        let dir = try TemporaryDirectory()
        let (b, out) = try twoDaysBuilt(in: dir)
        let orphan = out.url.appendingPathComponent("data/snapshots/2026-01-15")
        try FileManager.default.createDirectory(at: orphan, withIntermediateDirectories: true)
        for file in ["benchmarks.json", "sota_scores.json"] { try Data("[]\n".utf8).write(to: orphan.appendingPathComponent(file)) }
        try b.commit(model("A", scores: IndexFiles.allBenchmarks(13)), at: "2026-02-03T10:00:00Z")
        let rerun = try run(b, out: out)
        #expect(rerun.report.removed.map(\.iso) == ["2026-01-15"])
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
    }

    @Test func editingTheConfigurationRebuildsEverySnapshot() throws {
        let dir = try TemporaryDirectory()
        let (b, out) = try twoDaysBuilt(in: dir)
        let path = Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName)
        let yaml = try String(contentsOf: path, encoding: .utf8)
            + "  - { from: A, to: Model-A, effective: \"2026-02-02\" }\n"
        let edited = try IndexConfiguration.parse(yaml: yaml, source: "edited.yaml")
        #expect(edited.digest != configuration.digest)
        let rerun = try run(b, out: out, configuration: edited)
        #expect(!rerun.report.isNoOp && rerun.report.daysExamined == 2)
        #expect(rerun.snapshot("2026-02-02")?.entries.first?.modelName == "Model-A")
        #expect(rerun.snapshot("2026-02-01")?.entries.first?.modelName == "A")
        #expect(rerun.index?.configDigest == edited.digest)
        #expect(try run(b, out: out, configuration: edited).report.isNoOp)
    }

    @Test func anIncrementalRunRevisitsOnlyChangedDays() throws {
        let dir = try TemporaryDirectory()
        let (b, out) = try twoDaysBuilt(in: dir)
        // A later commit on the latest day, then a new day.
        try b.commit(model("B", scores: IndexFiles.allBenchmarks(5)), at: "2026-02-02T18:00:00Z")
        try b.commit(model("B", scores: IndexFiles.allBenchmarks(6)), at: "2026-02-03T10:00:00Z")
        let second = try run(b, out: out)
        #expect(second.report.daysExamined == 2)
        #expect(second.report.written.map(\.iso) == ["2026-02-02", "2026-02-03"])
        #expect(second.report.newModels == ["B"])
        #expect(second.index?.snapshots.map(\.iso) == ["2026-02-01", "2026-02-02", "2026-02-03"])
        #expect(second.index?.indexCommit == b.head?.hex)
        // The same as a forced rebuild from scratch.
        let fresh = try TemporaryDirectory()
        _ = try run(b, out: fresh, force: true)
        #expect(try contents(of: fresh.url) == contents(of: out.url))
    }

    @Test(arguments: [false, true])
    func aRewrittenHistoryRemovesSnapshotsNoLongerPublished(force: Bool) throws {
        let dir = try TemporaryDirectory()
        let (_, out) = try twoDaysBuilt(in: dir)
        // Rewrite history: 02-02 now repeats 02-01.
        let other = try IndexRepositoryBuilder(at: dir.path("rewritten.git"))
        try other.commit(model("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-02-01T10:00:00Z")
        try other.commit(["README.md": "x"], at: "2026-02-02T10:00:00Z")
        let rerun = try run(other, out: out, force: force)
        #expect(rerun.report.removed.map(\.iso) == ["2026-02-02"])
        // The rewritten 02-01 commit is identical (same tree, time and author), so an incremental
        // run starts at 02-02; a forced one rebuilds 02-01 with the same bytes.
        #expect(rerun.report.unchanged.map(\.iso) == (force ? ["2026-02-01"] : []))
        #expect(rerun.report.daysExamined == (force ? 2 : 1))
        #expect(rerun.index?.snapshots.map(\.iso) == ["2026-02-01"])
        #expect(!FileManager.default.fileExists(atPath: out.path("data/snapshots/2026-02-02")))
    }

    @Test func aMissingRepositoryExplainsHowToFetchIt() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("openhands-index"), withIntermediateDirectories: true)
        let error = #expect(throws: MissingIndexError.self) { try IndexHistory.openRepository(at: dir.path("openhands-index")) }
        #expect(error?.description.contains("scripts/init-index") == true)
        _ = try Repository.create(at: dir.path("empty.git"), bare: true)
        #expect(throws: MissingIndexError.self) { try IndexHistory.openRepository(at: dir.path("empty.git")) }
    }
}

/// Every file and folder under `root` with its modification date (nanoseconds), by path.
func modificationDates(under root: URL) throws -> [String: Date] {
    var result: [String: Date] = [:]
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey])
    else { return [:] }
    for case let url as URL in walker {
        result[url.path] = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
    }
    return result
}

/// Every file under `root` with its bytes, by relative path.
func contents(of root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = root.resolvingSymlinksInPath().path
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        let path = url.resolvingSymlinksInPath().path
        result[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return result
}
