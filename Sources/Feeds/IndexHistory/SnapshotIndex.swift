import SeekCore

/// `snapshots/index.json`: which days have a published snapshot, and what they were built from.
///
/// Unlike the reference it carries no wall-clock time (decisions 6): it records the index
/// commit the snapshots were built from, so a run on an unchanged index is a no-op found by
/// comparing one commit id, and the commit each day was evaluated at (decisions 7), so days
/// that repeated the day before are remembered instead of recomputed every run.
public struct SnapshotIndex: Sendable, Equatable {
    /// Days with a published snapshot, ascending.
    public var snapshots: [Day]
    /// The index commit (HEAD of the index repository) these snapshots were built from.
    public var indexCommit: String
    /// Fingerprint of `config/openhands-index.yaml` they were built with; a different one rebuilds all.
    public var configDigest: String
    /// Every evaluated day and the commit its leaderboard was read from, ascending by day.
    /// Days not in `snapshots` had the same leaderboard as the day before.
    public var sourceCommits: [(day: Day, commit: String)]
    /// Commits reachable from ``indexCommit`` that were dated after the run's start and so left
    /// out (decisions 20); while any is listed, a run on the same index commit is not a no-op.
    public var futureCommits: [String] = []

    /// The newest published day.
    public var latest: Day? { snapshots.last }

    /// Creates an index.
    public init(snapshots: [Day], indexCommit: String, configDigest: String, sourceCommits: [(day: Day, commit: String)]) {
        self.snapshots = snapshots
        self.indexCommit = indexCommit
        self.configDigest = configDigest
        self.sourceCommits = sourceCommits
    }

    public static func == (a: SnapshotIndex, b: SnapshotIndex) -> Bool {
        a.snapshots == b.snapshots && a.indexCommit == b.indexCommit && a.configDigest == b.configDigest
            && a.sourceCommits.elementsEqual(b.sourceCommits) { $0.day == $1.day && $0.commit == $1.commit }
            && a.futureCommits == b.futureCommits
    }

    /// The file's JSON: `snapshots`, `latest` (as the reference), then `index_commit`, `config_digest`,
    /// `source_commits` and, only when there are any, `future_commits`.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("snapshots", .array(snapshots.map { .string($0.iso) })),
            ("latest", latest.map { .string($0.iso) } ?? .null),
            ("index_commit", .string(indexCommit)),
            ("config_digest", .string(configDigest)),
            ("source_commits", .object(JSONObject(sourceCommits.map { ($0.day.iso, JSONValue.string($0.commit)) }))),
        ]
        if !futureCommits.isEmpty { fields.append(("future_commits", .array(futureCommits.map(JSONValue.string)))) }
        return .object(JSONObject(fields))
    }

    /// Reads the file's JSON; nil when it is not this format (for example a reference index.json).
    public init?(json: JSONValue) {
        guard let object = json.objectValue,
              let list = object["snapshots"]?.arrayValue,
              let commit = object["index_commit"]?.stringValue,
              let sources = object["source_commits"]?.objectValue
        else { return nil }
        var days: [Day] = []
        for item in list {
            guard let text = item.stringValue, let day = Day(iso: text) else { return nil }
            days.append(day)
        }
        var pairs: [(day: Day, commit: String)] = []
        for key in sources.keys {
            guard let day = Day(iso: key), let value = sources[key]?.stringValue else { return nil }
            pairs.append((day, value))
        }
        self.init(snapshots: days.sorted(), indexCommit: commit,
                  configDigest: object["config_digest"]?.stringValue ?? "", sourceCommits: pairs.sorted { $0.day < $1.day })
        futureCommits = (object["future_commits"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
