import SeekCore

/// What changed in the leaderboard history: snapshot dates added to or dropped from
/// `snapshots/index.json`, the OpenHands Index commit they were built from, and how the latest
/// snapshot of the new side differs from the latest of the old side (``LeaderboardChanges``).
public struct SnapshotChanges: Sendable, Equatable {
    /// Dates (`YYYY-MM-DD`) listed only in the new index, ascending.
    public var addedDates: [String]
    /// Dates listed only in the old index, ascending.
    public var removedDates: [String]
    /// Dates listed in the new index.
    public var dateCount: Int
    /// The latest snapshot date of each side (the index's `latest`, else its last date).
    public var oldLatest: String?, newLatest: String?
    /// The OpenHands Index commit each side was built from (`index_commit`), when recorded.
    public var oldIndexCommit: String?, newIndexCommit: String?
    /// The latest leaderboard compared; nil when the new side has no readable latest snapshot.
    public var leaderboard: LeaderboardChanges?

    /// Compares the two sides' snapshot index and latest leaderboard; when `comparable` is false (an index
    /// that does not decode on either side) nothing is compared, so no date reads as added or removed.
    init(old: inout DecodedData, new: inout DecodedData, comparable: Bool) {
        let before = comparable ? old.snapshotIndex : nil, after = comparable ? new.snapshotIndex : nil
        let oldDates = Set(before?.snapshots ?? []), newDates = Set(after?.snapshots ?? [])
        addedDates = (after?.snapshots ?? []).filter { !oldDates.contains($0) }.map(\.iso)
        removedDates = (before?.snapshots ?? []).filter { !newDates.contains($0) }.map(\.iso)
        dateCount = after?.snapshots.count ?? 0
        oldLatest = before?.latest?.iso
        newLatest = after?.latest?.iso
        oldIndexCommit = before?.indexCommit
        newIndexCommit = after?.indexCommit
        if let day = after?.latest, let snapshot = new.snapshot(day) {
            let previous = before?.latest.flatMap { old.snapshot($0) }.map(Leaderboard.init)
            let changes = LeaderboardChanges(old: previous, new: Leaderboard(snapshot))
            leaderboard = changes.isEmpty ? nil : changes
        } else {
            leaderboard = nil
        }
    }

    /// True when neither the dates, the index commit nor the latest leaderboard changed.
    public var isEmpty: Bool {
        addedDates.isEmpty && removedDates.isEmpty && oldLatest == newLatest
            && oldIndexCommit == newIndexCommit && leaderboard == nil
    }
}

/// One model's rows of a snapshot's `benchmarks.json`, and its `sota_scores.json`.
struct Leaderboard {
    struct Row: Equatable {
        var score: Double?
        var rank: Int?
    }

    var date: String
    /// Scores by model, then by `benchmark_name`.
    var scores: [String: [String: Row]]
    /// `openness` by model, when given.
    var openness: [String: String]
    /// Display names by `benchmark_name`.
    var displayNames: [String: String]
    /// Best model and score by `benchmark_name`.
    var sota: [String: (model: String, score: Double?)]

    /// The leaderboard of a snapshot.
    init(_ snapshot: Snapshot) {
        date = snapshot.day.iso
        scores = [:]
        openness = [:]
        displayNames = [:]
        sota = [:]
        for row in snapshot.entries {
            scores[row.modelName, default: [:]][row.benchmarkName] = Row(score: row.score, rank: row.rank)
            if let open = row.openness { openness[row.modelName] = open }
            displayNames[row.benchmarkName] = row.benchmarkDisplayName
        }
        for row in snapshot.sota {
            sota[row.benchmarkName] = (row.sotaModelName, row.sotaScore)
            if displayNames[row.benchmarkName] == nil { displayNames[row.benchmarkName] = row.benchmarkDisplayName }
        }
    }

    /// `overall` first, then the categories alphabetically, as the published files order them.
    static func categoryOrder(_ a: String, _ b: String) -> Bool {
        if (a == "overall") != (b == "overall") { return a == "overall" }
        return a < b
    }
}
