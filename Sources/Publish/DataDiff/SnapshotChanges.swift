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

    init(old: DataState, new: DataState) {
        let before = Self.index(old), after = Self.index(new)
        let oldDates = Set(before.dates), newDates = Set(after.dates)
        addedDates = after.dates.filter { !oldDates.contains($0) }.sorted()
        removedDates = before.dates.filter { !newDates.contains($0) }.sorted()
        dateCount = after.dates.count
        oldLatest = before.latest
        newLatest = after.latest
        oldIndexCommit = before.commit
        newIndexCommit = after.commit
        if let date = after.latest, let board = Leaderboard(state: new, date: date) {
            let previous = before.latest.flatMap { Leaderboard(state: old, date: $0) }
            let changes = LeaderboardChanges(old: previous, new: board)
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

    private static func index(_ state: DataState) -> (dates: [String], latest: String?, commit: String?) {
        guard let index = state.json(DataFile.snapshotIndex) else { return ([], nil, nil) }
        let dates = (index["snapshots"]?.arrayValue ?? []).compactMap(\.stringValue)
        let latest = index["latest"]?.stringValue ?? dates.max()
        return (dates, latest, index["index_commit"]?.stringValue)
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

    /// Reads the snapshot of `date`; nil when its `benchmarks.json` is missing or not an array.
    init?(state: DataState, date: String) {
        guard let rows = state.json(DataFile.benchmarks(date))?.arrayValue else { return nil }
        self.date = date
        scores = [:]
        openness = [:]
        displayNames = [:]
        sota = [:]
        for row in rows {
            guard let model = row["model_name"]?.stringValue, let benchmark = row["benchmark_name"]?.stringValue else { continue }
            scores[model, default: [:]][benchmark] = Row(score: row["score"]?.doubleValue, rank: row["rank"]?.intValue)
            if let open = row["openness"]?.stringValue { openness[model] = open }
            if let display = row["benchmark_display_name"]?.stringValue { displayNames[benchmark] = display }
        }
        for row in state.json(DataFile.sota(date))?.arrayValue ?? [] {
            guard let benchmark = row["benchmark_name"]?.stringValue, let model = row["sota_model_name"]?.stringValue
            else { continue }
            sota[benchmark] = (model, row["sota_score"]?.doubleValue)
            if let display = row["benchmark_display_name"]?.stringValue, displayNames[benchmark] == nil {
                displayNames[benchmark] = display
            }
        }
    }

    /// `overall` first, then the categories alphabetically, as the published files order them.
    static func categoryOrder(_ a: String, _ b: String) -> Bool {
        if (a == "overall") != (b == "overall") { return a == "overall" }
        return a < b
    }
}
