/// One row of a leaderboard snapshot (`benchmarks.json`): a model's score and rank in one category.
///
/// Field order here is the order of keys in the published JSON.
public struct BenchmarkEntry: Hashable, Sendable {
    /// The model name after metadata overrides and dated renames.
    public var modelName: String
    /// The category: `overall`, `issue_resolution`, `frontend`, `greenfield`, `testing`, `information_gathering`.
    public var benchmarkName: String
    /// The category as shown to people, e.g. `Issue Resolution`.
    public var benchmarkDisplayName: String
    /// Score in percent (0–100). Overall is the mean of the categories, rounded to 1 decimal.
    public var score: Double
    /// 1-based position after a stable sort by score, descending; ties keep first-seen order.
    public var rank: Int
    /// Average cost of one task in USD, if the index reports it (overall: mean, rounded to 2 decimals).
    public var costPerTask: Double?
    /// The benchmark group, `openhands`.
    public var benchmarkGroup: String
    /// The benchmark group as shown to people, `OpenHands Index`.
    public var benchmarkGroupDisplay: String
    /// `open_weights`, `closed_api_available`, or nil when the index does not say.
    public var openness: String?

    /// Creates a row.
    public init(modelName: String, benchmarkName: String, benchmarkDisplayName: String, score: Double, rank: Int,
                costPerTask: Double?, benchmarkGroup: String, benchmarkGroupDisplay: String, openness: String?) {
        self.modelName = modelName
        self.benchmarkName = benchmarkName
        self.benchmarkDisplayName = benchmarkDisplayName
        self.score = score
        self.rank = rank
        self.costPerTask = costPerTask
        self.benchmarkGroup = benchmarkGroup
        self.benchmarkGroupDisplay = benchmarkGroupDisplay
        self.openness = openness
    }
}

/// The state of the art in one category of a snapshot (`sota_scores.json`): the rank-1 row.
public struct SOTAEntry: Hashable, Sendable {
    /// The category, as in ``BenchmarkEntry/benchmarkName``.
    public var benchmarkName: String
    /// The category as shown to people.
    public var benchmarkDisplayName: String
    /// The model ranked first.
    public var sotaModelName: String
    /// Its score in percent.
    public var sotaScore: Double

    /// Creates a row.
    public init(benchmarkName: String, benchmarkDisplayName: String, sotaModelName: String, sotaScore: Double) {
        self.benchmarkName = benchmarkName
        self.benchmarkDisplayName = benchmarkDisplayName
        self.sotaModelName = sotaModelName
        self.sotaScore = sotaScore
    }
}

/// A dated leaderboard: every row and the SOTA row of each category, in published order.
public struct Snapshot: Hashable, Sendable {
    /// The UTC day this snapshot describes.
    public var day: Day
    /// Rows ordered by category (overall first, then alphabetical), then rank.
    public var entries: [BenchmarkEntry]
    /// One row per category, same order.
    public var sota: [SOTAEntry]

    /// Creates a snapshot.
    public init(day: Day, entries: [BenchmarkEntry], sota: [SOTAEntry]) {
        self.day = day
        self.entries = entries
        self.sota = sota
    }
}
