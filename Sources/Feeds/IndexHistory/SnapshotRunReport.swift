import Dataset
import GitKit
import SeekCore

/// What a snapshot run did, for the end-of-run summary, the data-diff report and alerts.
public struct SnapshotRunReport: Sendable {
    /// The index commit the run read.
    public var indexCommit: ObjectID
    /// True when the index commit was the one already built: nothing was read or written.
    public var isNoOp = false
    /// Days with commits since the history start.
    public var daysInHistory = 0
    /// Days evaluated in this run (all of them when forced; only changed ones otherwise).
    public var daysExamined = 0
    /// Snapshots whose files were created or changed.
    public var written: [Day] = []
    /// Snapshots rebuilt with the same bytes as on disk.
    public var unchanged: [Day] = []
    /// Days whose leaderboard equals the day before, so not published.
    public var skipped: [Day] = []
    /// Days with no readable model at all.
    public var empty: [Day] = []
    /// Snapshots listed before and no longer published (their files were removed).
    public var removed: [Day] = []
    /// Published snapshots after the run.
    public var publishedDays = 0
    /// Files of the index that are not valid JSON, and score entries that are not valid (skipped).
    public var invalidFiles: [InvalidIndexFile] = []
    /// Commits dated after the run's start (a skewed clock), oldest first; never published.
    public var futureCommits: [CommitSummary] = []
    /// Those of ``futureCommits`` the previous run did not list yet (the alert names only these, so a
    /// commit dated years ahead is alerted once, not every day).
    public var newFutureCommits: [CommitSummary] = []
    /// What each written snapshot changed, in day order.
    public var changes: [SnapshotChanges] = []
    /// True when `index.json` changed on disk.
    public var indexWritten = false
    /// The newest published snapshot after the run, for the steps that follow.
    public var latest: Snapshot?
    /// Every published snapshot after the run, oldest first, when the run was asked to keep them
    /// (`keepPublished`); otherwise empty.
    public var published: [Snapshot] = []
    /// The index after the run (as written, or as found on a no-op).
    public var index: SnapshotIndex?
    /// Published files that were damaged (malformed or in no known format) and so rebuilt from the index.
    public var rebuiltFiles: [DatasetError] = []

    /// Creates an empty report for `indexCommit`.
    public init(indexCommit: ObjectID) {
        self.indexCommit = indexCommit
    }

    /// True when the run changed no file.
    public var changedNothing: Bool { written.isEmpty && removed.isEmpty && !indexWritten }

    /// The reference's coverage report: one section per written snapshot, separated by blank lines.
    public var coverageReport: String {
        changes.map(\.report).joined(separator: "\n\n")
    }

    /// Models new in written snapshots, each once, in order of first appearance.
    public var newModels: [String] {
        var seen = Set<String>()
        return changes.flatMap { $0.newModels.map(\.model) }.filter { seen.insert($0).inserted }
    }

    /// The number of (model, category) score changes in written snapshots.
    public var scoreChangeCount: Int {
        changes.reduce(0) { $0 + $1.scoreChanges.reduce(0) { $0 + $1.changes.count } }
    }
}
