/// `snapshots/index.json`: which days have a published snapshot, and what they were built from.
///
/// Unlike the reference it carries no wall-clock time (decisions 6): it records the index
/// commit the snapshots were built from, so a run on an unchanged index is a no-op found by
/// comparing one commit id, and the commit each day was evaluated at (decisions 7), so days
/// that repeated the day before are remembered instead of recomputed every run.
public struct SnapshotIndex: Sendable, Equatable {
    /// Days with a published snapshot, ascending.
    public var snapshots: [Day]
    /// The index commit (HEAD of the index repository) these snapshots were built from; nil for an
    /// `index.json` written by the reference implementation, which records a run time instead.
    public var indexCommit: String?
    /// Fingerprint of `config/openhands-index.yaml` they were built with; a different one rebuilds all.
    public var configDigest: String
    /// Every evaluated day and the commit its leaderboard was read from, ascending by day.
    /// Days not in `snapshots` had the same leaderboard as the day before.
    public var sourceCommits: [(day: Day, commit: String)]
    /// Commits reachable from ``indexCommit`` that were dated after the run's start and so left
    /// out (decisions 20); while any is listed, a run on the same index commit is not a no-op.
    public var futureCommits: [String]

    /// The newest published day.
    public var latest: Day? { snapshots.last }

    /// Creates an index.
    public init(snapshots: [Day], indexCommit: String?, configDigest: String, sourceCommits: [(day: Day, commit: String)],
                futureCommits: [String] = []) {
        self.snapshots = snapshots
        self.indexCommit = indexCommit
        self.configDigest = configDigest
        self.sourceCommits = sourceCommits
        self.futureCommits = futureCommits
    }

    public static func == (a: SnapshotIndex, b: SnapshotIndex) -> Bool {
        a.snapshots == b.snapshots && a.indexCommit == b.indexCommit && a.configDigest == b.configDigest
            && a.sourceCommits.elementsEqual(b.sourceCommits) { $0.day == $1.day && $0.commit == $1.commit }
            && a.futureCommits == b.futureCommits
    }
}
