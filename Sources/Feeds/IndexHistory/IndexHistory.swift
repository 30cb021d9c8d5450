import Dataset
import Foundation
import GitKit
import Logging
import SeekCore

/// Turns the git history of the OpenHands Index into dated leaderboard snapshots.
///
/// Reads the repository in-process through libgit2 (decisions 1) and writes through a
/// ``SnapshotStore``. Incremental by default: days whose source commit did not change keep
/// their files, and a run on an unchanged index commit writes nothing.
public struct IndexHistory {
    /// The index repository.
    public let repository: Repository
    /// How the index is read.
    public let configuration: IndexConfiguration
    /// Receives, at debug level, a line per day and per invalid file met.
    public let logger: Logger

    /// Creates a history reader; without a logger nothing is logged.
    public init(repository: Repository, configuration: IndexConfiguration,
                logger: Logger = Logger(label: "seekgpu.index-history", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.repository = repository
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens the index repository at `path` (bare or not), failing with a message that says how
    /// to fetch it when it is missing or has no commit.
    public static func openRepository(at path: String) throws -> (Repository, head: ObjectID) {
        let repository: Repository
        do {
            repository = try Repository(openingAt: path)
        } catch {
            throw MissingIndexError(path: path, detail: error.description)
        }
        guard let head = try repository.headCommitID() else {
            throw MissingIndexError(path: path, detail: "the repository has no commit")
        }
        return (repository, head)
    }

    /// Brings the snapshots in `store` up to date with the history at `head`.
    /// - Parameters:
    ///   - force: rebuild every day, ignoring what `index.json` says was done.
    ///   - now: the run's start, seconds since 1970-01-01 UTC. Commits dated later (a skewed clock)
    ///     are listed in the report and never published, so snapshots stop at today (decisions 20).
    ///   - keepPublished: also hand every published snapshot on in ``SnapshotRunReport/published`` (kept
    ///     days read back through the Dataset's codecs, rebuilt when damaged), for a site rendered in
    ///     the same run; off, only the latest is read.
    /// - Returns: what was examined, written, skipped and changed.
    /// - Throws: ``FormatChangeError`` when a commit has result directories but none can be read;
    ///   ``GitError`` or a file error otherwise. Files already written stay valid.
    public func exportSnapshots(to store: SnapshotStore, head: ObjectID, force: Bool, now: Int64,
                                keepPublished: Bool = false) throws -> SnapshotRunReport {
        var report = SnapshotRunReport(indexCommit: head)
        // Snapshots are derived from the index alone, so a damaged file is rebuilt, and listed.
        var previous: SnapshotIndex?
        do {
            previous = try store.loadIndex()
        } catch {
            report.rebuiltFiles.append(error)
        }
        // A changed configuration (renames, categories, history start) changes every day.
        var force = force || (previous.map { $0.configDigest != configuration.digest } ?? false)
        // Commits left out last time as dated in the future may be due now: not a no-op then.
        if !force, let previous, previous.indexCommit == head.hex, previous.futureCommits.isEmpty,
           previous.snapshots.allSatisfy(store.hasSnapshot) {
            report.isNoOp = true
            report.publishedDays = previous.snapshots.count
            report.index = previous
            do {
                if keepPublished {
                    report.published = try store.folder.snapshots(listedIn: previous)
                    report.latest = report.published.last
                } else {
                    report.latest = try previous.latest.flatMap(store.loadSnapshot)
                }
                return report
            } catch {
                report = SnapshotRunReport(indexCommit: head)
                report.rebuiltFiles.append(error)
                force = true
            }
        }

        let history = try repository.history(from: head)
        report.futureCommits = SnapshotSchedule.futureCommits(in: history, now: now)
        let known = Set(previous?.futureCommits ?? [])
        report.newFutureCommits = report.futureCommits.filter { !known.contains($0.id.hex) }
        for commit in report.futureCommits {
            logger.debug("skipping \(commit.id.short): dated \(Day.utcTimestamp(commit.committerTime)), after the run's start")
        }
        let schedule = SnapshotSchedule.items(history: history, since: configuration.historyStart, now: now)
        var plan = IncrementalPlan.full
        if !force {
            do {
                plan = try IncrementalPlan(previous: previous, schedule: schedule, store: store, keepPublished: keepPublished)
            } catch {
                report.rebuiltFiles.append(error)
            }
        }
        report.published = plan.keptSnapshots
        report.daysInHistory = schedule.count
        let days = schedule.dropFirst(plan.start)
        let reader = PrefetchingReader(repositoryPath: repository.path, commits: days.map(\.commit))
        defer { reader.cancel() }

        for item in days {
            report.daysExamined += 1
            let read = try reader.next()
            for file in read.invalidFiles {
                logger.debug("skipping invalid \(file.path) at \(file.commit.short): \(file.reason)")
            }
            report.invalidFiles += read.invalidFiles
            let models = read.models
            if !models.directories.isEmpty && models.records.isEmpty {
                throw FormatChangeError(source: "openhands-index", details:
                    "Found \(models.directories.count) model directories at commit \(item.commit.short) but could not "
                    + "parse any of them. The metadata.json or scores.json schema may have changed. Sample directories: "
                    + models.directories.prefix(5).map { "'\($0)'" }.joined(separator: ", "))
            }
            plan.sources.append((item.day, item.commit.hex))
            guard let snapshot = SnapshotBuilder.build(day: item.day, records: models.records, configuration: configuration) else {
                logger.debug("\(item.day): no model at \(item.commit.short)")
                report.empty.append(item.day)
                continue
            }
            if let baseline = plan.baseline, baseline.entries == snapshot.entries, baseline.sota == snapshot.sota {
                logger.debug("\(item.day): same leaderboard as the day before at \(item.commit.short), skipped")
                report.skipped.append(item.day)
                continue
            }
            if try store.write(snapshot) {
                logger.debug("\(item.day): written from \(item.commit.short), \(snapshot.entries.count) rows")
                report.written.append(item.day)
                report.changes.append(SnapshotChanges(snapshot: snapshot, previous: plan.baseline,
                                                      categories: configuration.categories))
            } else {
                logger.debug("\(item.day): unchanged")
                report.unchanged.append(item.day)
            }
            plan.published.append(item.day)
            if keepPublished { report.published.append(snapshot) }
            plan.baseline = snapshot
        }

        // Remove what is no longer published: days the previous index listed, and folders left
        // by a run that failed before writing its index.
        let kept = Set(plan.published)
        for day in Set((previous?.snapshots ?? []) + (try store.daysOnDisk())).sorted() where !kept.contains(day) {
            try store.removeSnapshot(day)
            report.removed.append(day)
        }
        report.publishedDays = plan.published.count
        report.latest = plan.baseline
        var index = SnapshotIndex(snapshots: plan.published, indexCommit: head.hex, configDigest: configuration.digest,
                                  sourceCommits: plan.sources)
        index.futureCommits = report.futureCommits.map(\.id.hex)
        report.indexWritten = try store.write(index)
        report.index = index
        return report
    }
}

/// Where an incremental run starts: the first day whose source commit changed, with the
/// published days before it kept and the last of them as the baseline for deduplication.
private struct IncrementalPlan {
    var start = 0
    var baseline: Snapshot?
    var published: [Day] = []
    var sources: [(Day, String)] = []

    static let full = IncrementalPlan()

    init() {}

    /// Kept days' snapshots, read back when `keepPublished` (for the steps that follow).
    var keptSnapshots: [Snapshot] = []

    /// - Throws: ``DatasetError`` when a kept snapshot is malformed (the caller then rebuilds every day).
    init(previous: SnapshotIndex?, schedule: [SnapshotSchedule.Item], store: SnapshotStore,
         keepPublished: Bool) throws(DatasetError) {
        guard let previous, previous.snapshots.allSatisfy(store.hasSnapshot) else { return }
        let recorded = Dictionary(previous.sourceCommits.map { ($0.day, $0.commit) }, uniquingKeysWith: { _, last in last })
        let scheduled = Set(schedule.map(\.day))
        let firstChanged = schedule.first { recorded[$0.day] != $0.commit.hex }?.day
        let firstVanished = previous.sourceCommits.first { !scheduled.contains($0.day) }?.day
        let cut = [firstChanged, firstVanished].compactMap { $0 }.min()
        let isKept = { (day: Day) in cut.map { day < $0 } ?? true }
        let keptDays = previous.snapshots.filter(isKept)
        if keepPublished {
            for day in keptDays {
                if let snapshot = try store.loadSnapshot(day) { keptSnapshots.append(snapshot) }
            }
            baseline = keptSnapshots.last
        } else if let last = keptDays.last {
            baseline = try store.loadSnapshot(last)
        }
        published = keptDays
        sources = previous.sourceCommits.filter { isKept($0.day) }.map { ($0.day, $0.commit) }
        start = cut.map { day in schedule.firstIndex { $0.day >= day } ?? schedule.count } ?? schedule.count
    }
}

/// The index repository is missing or empty; the message says how to fetch it.
public struct MissingIndexError: Error, Sendable, CustomStringConvertible {
    /// The path given with `--index`.
    public var path: String
    /// What libgit2 said.
    public var detail: String

    public var description: String {
        "The OpenHands Index repository at '\(path)' is missing or empty (\(detail)). "
            + "Fetch it with `scripts/init-index` (or `git submodule update --init openhands-index`), "
            + "or pass --index PATH to a clone of https://github.com/OpenHands/openhands-index-results."
    }
}
