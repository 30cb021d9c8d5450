import Feeds
import Foundation
import GitKit
import SeekCore
import Testing
import TestSupport

/// An index repository as an adversary (or a broken clock) would present it, built with libgit2:
/// commits dated in the future and scores or costs that cannot be real (decisions 20 and 21).
@Suite struct IndexHistoryBadInputTests {
    let configuration = try! IndexConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))

    func time(_ iso: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: iso)!.timeIntervalSince1970)
    }

    func export(_ builder: IndexRepositoryBuilder, to out: TemporaryDirectory, now: String) throws
        -> (SnapshotRunReport, SnapshotStore) {
        let (repository, head) = try IndexHistory.openRepository(at: builder.path)
        let store = SnapshotStore(directory: out.url.appendingPathComponent("data/snapshots"))
        let report = try IndexHistory(repository: repository, configuration: configuration)
            .exportSnapshots(to: store, head: head, force: false, now: time(now))
        return (report, store)
    }

    func files(_ dir: String, scores: String) -> [String: String?] {
        let (meta, path) = IndexFiles.paths(dir)
        return [meta: IndexFiles.metadata(model: dir), path: scores]
    }

    @Test func aCommitDatedAfterTheRunIsListedAlertedAndNeverPublished() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(files("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-03-01T10:00:00Z")
        try b.commit(files("A", scores: IndexFiles.allBenchmarks(20)), at: "2026-03-02T08:00:00Z")
        // Later today than the run's start, and years ahead: both from a skewed clock.
        let evening = try b.commit(files("A", scores: IndexFiles.allBenchmarks(30)), at: "2026-03-02T18:00:00Z")
        let future = try b.commit(files("A", scores: IndexFiles.allBenchmarks(99)), at: "2031-05-05T05:05:05Z")
        let out = try TemporaryDirectory()

        let (report, store) = try export(b, to: out, now: "2026-03-02T12:00:00Z")
        #expect((try? store.loadIndex())?.snapshots.map(\.iso) == ["2026-03-01", "2026-03-02"])
        #expect((try? store.loadIndex())?.latest?.iso == "2026-03-02")
        #expect(report.latest?.entries.first?.score == 20)
        #expect(report.futureCommits.map(\.id) == [evening, future])
        #expect(try store.daysOnDisk().map(\.iso) == ["2026-03-01", "2026-03-02"])
        let alert = try #require(report.alerts.first)
        #expect(alert.subject == "Index commits dated in the future")
        #expect(alert.body.contains(future.hex) && alert.body.contains("2031-05-05 05:05:05 UTC"))

        // The same head on a later day: not a no-op, the commit of that evening is now due; the commit of
        // 2031 is still listed but not alerted again.
        let (later, laterStore) = try export(b, to: out, now: "2026-03-03T09:00:00Z")
        #expect(!later.isNoOp)
        #expect(later.futureCommits.map(\.id) == [future])
        #expect(later.newFutureCommits.isEmpty && later.alerts.isEmpty)
        #expect((try? laterStore.loadIndex())?.latest?.iso == "2026-03-02")
        #expect(later.latest?.entries.first?.score == 30)
    }

    @Test func snapshotsStopAtTheRunsUTCDay() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        try b.commit(files("A", scores: IndexFiles.allBenchmarks(10)), at: "2026-03-01T10:00:00Z")
        try b.commit(files("A", scores: IndexFiles.allBenchmarks(11)), at: "2026-03-04T10:00:00Z")
        let out = try TemporaryDirectory()
        let (report, store) = try export(b, to: out, now: "2026-03-03T23:59:59Z")
        #expect((try? store.loadIndex())?.snapshots.map(\.iso) == ["2026-03-01"])
        #expect(report.futureCommits.count == 1)
        #expect(report.alerts.count == 1)
        #expect((try? store.loadIndex())?.futureCommits == b.head.map { [$0.hex] })

        let (due, _) = try export(b, to: out, now: "2026-03-04T10:00:00Z")
        #expect(due.futureCommits.isEmpty && due.alerts.isEmpty)
        #expect(due.latest?.day.iso == "2026-03-04")
        let (again, store2) = try export(b, to: out, now: "2026-03-05T10:00:00Z")
        #expect(again.isNoOp && (try? store2.loadIndex())?.futureCommits == [])
    }

    @Test func aNumberBeyondTheDoubleRangeMakesTheWholeFileInvalid() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let scores = #"[{"benchmark": "swe-bench", "score": 1e400}, {"benchmark": "gaia", "score": 30.0}]"#
        try b.commit(files("A", scores: scores), at: "2026-03-01T10:00:00Z")
        try b.commit(files("B", scores: IndexFiles.allBenchmarks(40)), at: "2026-03-01T11:00:00Z")
        let out = try TemporaryDirectory()
        let (report, store) = try export(b, to: out, now: "2026-03-05T00:00:00Z")
        #expect(report.invalidFiles.map(\.path) == ["results/A/scores.json"])
        #expect(report.invalidFiles.first?.entry == nil)
        #expect(report.invalidFiles.first?.reason.contains("Number out of range") == true)
        let snapshot = try #require(try store.loadSnapshot(Day(iso: "2026-03-01")!))
        #expect(!snapshot.entries.contains { $0.modelName == "A" })
    }

    @Test(arguments: [
        ("1e308", "swe-bench score 1e+308 is outside 0–100"),
        ("-5", "swe-bench score -5 is outside 0–100"),
        ("100.5", "swe-bench score 100.5 is outside 0–100"),
        ("\"72.5\"", "swe-bench score '72.5' is not a number"),
        ("null", "swe-bench score null is not a number"),
        ("true", "swe-bench score true is not a number"),
    ])
    func aScoreThatCannotBeAPercentageIsListedAndNeverRanked(score: String, reason: String) throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let bad = """
            [
              {"benchmark": "swe-bench", "score": \(score), "cost_per_instance": 1.0},
              {"benchmark": "commit0", "score": 40.0, "cost_per_instance": 1.0}
            ]
            """
        var tree = files("Bad", scores: bad)
        tree.merge(files("Good", scores: IndexFiles.allBenchmarks(50))) { $1 }
        let commit = try b.commit(tree, at: "2026-03-01T10:00:00Z")
        let out = try TemporaryDirectory()
        let (report, store) = try export(b, to: out, now: "2026-03-05T00:00:00Z")

        #expect(report.invalidFiles == [InvalidIndexFile(path: "results/Bad/scores.json", commit: commit,
                                                         reason: "entry 1: \(reason)", entry: 1)])
        let snapshot = try #require(try store.loadSnapshot(Day(iso: "2026-03-01")!))
        let issueResolution = snapshot.entries.filter { $0.benchmarkName == "issue_resolution" }
        #expect(issueResolution.map(\.modelName) == ["Good"])
        #expect(snapshot.entries.filter { $0.modelName == "Bad" }.map(\.benchmarkName) == ["greenfield"])
        #expect(!snapshot.entries.contains { $0.modelName == "Bad" && $0.benchmarkName == "overall" })
        #expect(snapshot.entries.allSatisfy { (0...100).contains($0.score) })
    }

    @Test(arguments: [
        ("-1.5", "swe-bench cost_per_instance -1.5 is not a finite amount ≥ 0"),
        ("\"$2.10\"", "swe-bench cost_per_instance '$2.10' is not a number"),
    ])
    func aCostThatCannotBeRealMakesTheEntryInvalid(cost: String, reason: String) throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let scores = """
            [
              {"benchmark": "gaia", "score": 30.0, "cost_per_instance": null},
              {"benchmark": "swe-bench", "score": 60.0, "cost_per_instance": \(cost)}
            ]
            """
        try b.commit(files("A", scores: scores), at: "2026-03-01T10:00:00Z")
        let out = try TemporaryDirectory()
        let (report, store) = try export(b, to: out, now: "2026-03-05T00:00:00Z")
        #expect(report.invalidFiles.map(\.reason) == ["entry 2: \(reason)"])
        #expect(report.invalidFiles.map(\.entry) == [2])
        let snapshot = try #require(try store.loadSnapshot(Day(iso: "2026-03-01")!))
        #expect(snapshot.entries.map(\.benchmarkName) == ["overall", "information_gathering"])
        #expect(snapshot.entries.allSatisfy { $0.costPerTask == nil })
    }
}

/// Published snapshot files that were damaged after they were written: they are derived from the
/// index alone, so the step rebuilds them and lists what it found.
@Suite struct DamagedSnapshotFilesTests {
    let configuration = try! IndexConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))

    func export(_ builder: IndexRepositoryBuilder, to out: TemporaryDirectory) throws -> (SnapshotRunReport, SnapshotStore) {
        let (repository, head) = try IndexHistory.openRepository(at: builder.path)
        let store = SnapshotStore(directory: out.url.appendingPathComponent("data/snapshots"))
        let report = try IndexHistory(repository: repository, configuration: configuration)
            .exportSnapshots(to: store, head: head, force: false, now: Day(iso: "2026-12-31")!.endUnixTime, keepPublished: true)
        return (report, store)
    }

    @Test(arguments: ["2026-03-01/benchmarks.json", "index.json"])
    func aDamagedFileIsRebuiltAndListed(file: String) throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let (meta, scores) = IndexFiles.paths("A")
        try b.commit([meta: IndexFiles.metadata(model: "A"), scores: IndexFiles.allBenchmarks(10)], at: "2026-03-01T10:00:00Z")
        try b.commit([scores: IndexFiles.allBenchmarks(20)], at: "2026-03-02T10:00:00Z")
        let out = try TemporaryDirectory()
        let (first, store) = try export(b, to: out)
        #expect(first.published.count == 2 && first.rebuiltFiles.isEmpty)
        let url = store.directory.appendingPathComponent(file)
        let good = try Data(contentsOf: url)
        try Data("[{\"model_name\": 1}]\n".utf8).write(to: url)

        let (second, _) = try export(b, to: out)
        #expect(second.rebuiltFiles.count == 1)
        #expect(second.rebuiltFiles.first?.file == url.path)
        #expect(try Data(contentsOf: url) == good)
        #expect(second.published.map(\.day.iso) == ["2026-03-01", "2026-03-02"])
    }

    @Test func aNoOpRunHandsOnEveryPublishedSnapshot() throws {
        let dir = try TemporaryDirectory()
        let b = try IndexRepositoryBuilder(at: dir.path("index.git"))
        let (meta, scores) = IndexFiles.paths("A")
        try b.commit([meta: IndexFiles.metadata(model: "A"), scores: IndexFiles.allBenchmarks(10)], at: "2026-03-01T10:00:00Z")
        try b.commit([scores: IndexFiles.allBenchmarks(20)], at: "2026-03-02T10:00:00Z")
        try b.commit([scores: IndexFiles.allBenchmarks(30)], at: "2026-03-03T10:00:00Z")
        let out = try TemporaryDirectory()
        let (first, _) = try export(b, to: out)
        let (second, _) = try export(b, to: out)
        #expect(second.isNoOp)
        #expect(second.published == first.published && second.published.count == 3)
        #expect(second.index == first.index)
        try b.commit([scores: IndexFiles.allBenchmarks(40)], at: "2026-03-04T10:00:00Z")
        let (third, _) = try export(b, to: out)
        #expect(!third.isNoOp && third.daysExamined == 1 && third.written.map(\.iso) == ["2026-03-04"])
        #expect(third.published.map(\.day.iso) == ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"])
        #expect(third.published.last?.entries.first?.score == 40)
    }
}
