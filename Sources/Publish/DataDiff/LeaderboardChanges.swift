/// How the latest leaderboard changed: scores per model and category, models entering or
/// leaving it, and the state of the art per category.
///
/// Compares the latest snapshot of the old side with the latest of the new side, which is the
/// same date when a snapshot was rebuilt and a later one when the index moved on.
public struct LeaderboardChanges: Sendable, Equatable {
    /// A model that is on only one side's leaderboard.
    public struct Model: Sendable, Equatable {
        /// The model's name in that snapshot.
        public var name: String
        /// `open_weights` or `closed_api_available`, when the snapshot says.
        public var openness: String?
        /// Its overall score and rank, when it has one.
        public var overall: Double?, rank: Int?
        /// The number of categories it has a score in.
        public var categories: Int
    }

    /// One score that differs.
    public struct ScoreChange: Sendable, Equatable {
        /// The model.
        public var model: String
        /// `benchmark_name`, e.g. `issue_resolution`.
        public var benchmark: String
        /// `benchmark_display_name`, e.g. `Issue Resolution`.
        public var displayName: String
        /// Scores (0–100) before and after; nil when the category had no score.
        public var old: Double?, new: Double?
    }

    /// A category whose best model or score changed.
    public struct SOTAChange: Sendable, Equatable {
        /// `benchmark_name`.
        public var benchmark: String
        /// `benchmark_display_name`.
        public var displayName: String
        /// The best model and score before; nil when the category is new.
        public var oldModel: String?, oldScore: Double?
        /// The best model and score after; nil when the category is gone.
        public var newModel: String?, newScore: Double?
    }

    /// The latest snapshot date of each side; `oldDate` is nil on the first snapshot.
    public var oldDate: String?, newDate: String
    /// Models on each side's leaderboard.
    public var oldModelCount: Int, newModelCount: Int
    /// Models on the new leaderboard only, sorted by overall rank, then name.
    public var entered: [Model]
    /// Models on the old leaderboard only, sorted by name.
    public var left: [Model]
    /// Scores of models on both leaderboards that differ, by model, then category (overall first).
    public var scoreChanges: [ScoreChange]
    /// Categories whose state of the art changed, overall first.
    public var sotaChanges: [SOTAChange]

    init(old: Leaderboard?, new: Leaderboard) {
        oldDate = old?.date
        newDate = new.date
        oldModelCount = old?.scores.count ?? 0
        newModelCount = new.scores.count
        let before = old?.scores ?? [:]
        entered = new.scores.keys.filter { before[$0] == nil }.map { Self.model($0, in: new) }.sorted { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.name < b.name
            }
        }
        left = old.map { board in
            board.scores.keys.filter { new.scores[$0] == nil }.sorted().map { Self.model($0, in: board) }
        } ?? []
        var changes: [ScoreChange] = []
        for model in new.scores.keys.sorted() {
            guard let previous = before[model], let current = new.scores[model] else { continue }
            for benchmark in Set(previous.keys).union(current.keys).sorted(by: Leaderboard.categoryOrder) {
                let a = previous[benchmark]?.score, b = current[benchmark]?.score
                guard a != b else { continue }
                changes.append(ScoreChange(model: model, benchmark: benchmark,
                                           displayName: new.displayNames[benchmark] ?? old?.displayNames[benchmark] ?? benchmark,
                                           old: a, new: b))
            }
        }
        scoreChanges = changes
        let oldSOTA = old?.sota ?? [:]
        sotaChanges = Set(oldSOTA.keys).union(new.sota.keys).sorted(by: Leaderboard.categoryOrder).compactMap { benchmark in
            let a = oldSOTA[benchmark], b = new.sota[benchmark]
            guard a?.model != b?.model || a?.score != b?.score else { return nil }
            return SOTAChange(benchmark: benchmark,
                              displayName: new.displayNames[benchmark] ?? old?.displayNames[benchmark] ?? benchmark,
                              oldModel: a?.model, oldScore: a?.score, newModel: b?.model, newScore: b?.score)
        }
    }

    /// True when nothing on the leaderboard changed (the date alone does not count).
    public var isEmpty: Bool { entered.isEmpty && left.isEmpty && scoreChanges.isEmpty && sotaChanges.isEmpty }

    /// The number of models whose scores changed.
    public var changedModelCount: Int { Set(scoreChanges.map(\.model)).count }

    private static func model(_ name: String, in board: Leaderboard) -> Model {
        let rows = board.scores[name] ?? [:]
        return Model(name: name, openness: board.openness[name], overall: rows["overall"]?.score,
                     rank: rows["overall"]?.rank, categories: rows.filter { $0.key != "overall" && $0.value.score != nil }.count)
    }
}
