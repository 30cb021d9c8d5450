import SeekCore

/// How the OpenHands Index is read: the first published day, which benchmarks become
/// categories, and how model names are normalised over time.
///
/// Loaded from `config/openhands-index.yaml`, a file maintainers edit, so that a new
/// benchmark or a renamed model needs no code change.
public struct IndexConfiguration: Sendable, Equatable {
    /// A benchmark of `scores.json` that becomes a leaderboard category.
    public struct Category: Sendable, Equatable {
        /// The `benchmark` value in scores.json, e.g. `swe-bench`.
        public var benchmark: String
        /// The category name in snapshots, e.g. `issue_resolution`.
        public var name: String
        /// The category as shown to people, e.g. `Issue Resolution`.
        public var display: String

        /// Creates a category.
        public init(benchmark: String, name: String, display: String) {
            self.benchmark = benchmark
            self.name = name
            self.display = display
        }
    }

    /// A rename that applies to snapshots dated on or after `effective`.
    public struct Rename: Sendable, Equatable {
        /// The name as the index wrote it.
        public var from: String
        /// The name seekgpu publishes.
        public var to: String
        /// The first UTC day the rename applies to.
        public var effective: Day

        /// Creates a rename.
        public init(from: String, to: String, effective: Day) {
            self.from = from
            self.to = to
            self.effective = effective
        }
    }

    /// The first UTC day of the published history.
    public var historyStart: Day
    /// The mapped benchmarks.
    public var categories: [Category]
    /// metadata.json `model` values replaced on every date, before renames.
    public var metadataNameOverrides: [String: String]
    /// Dated renames, applied after the overrides and chained.
    public let renames: [Rename]
    /// `renames` by their `from` name (the later entry wins a duplicate).
    private let renameTable: [String: Rename]
    /// A fingerprint of the file the configuration was read from (FNV-1a 64, hex), recorded in
    /// `index.json` so that editing the file rebuilds the snapshots.
    public var digest = ""

    /// Creates a configuration.
    public init(historyStart: Day, categories: [Category], metadataNameOverrides: [String: String], renames: [Rename]) {
        self.historyStart = historyStart
        self.categories = categories
        self.metadataNameOverrides = metadataNameOverrides
        self.renames = renames
        self.renameTable = Dictionary(renames.map { ($0.from, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The name of the `overall` category, the mean over all others.
    public static let overallName = "overall"
    /// The display name of the `overall` category.
    public static let overallDisplay = "Overall"
    /// The benchmark group every row belongs to.
    public static let benchmarkGroup = "openhands"
    /// The benchmark group as shown to people.
    public static let benchmarkGroupDisplay = "OpenHands Index"

    /// The name a model is published under on `day`: the metadata override first, then every
    /// rename effective by that day, chained until none applies (a cycle stops the chain).
    public func publishedName(for model: String, on day: Day) -> String {
        var name = metadataNameOverrides[model] ?? model
        var seen: Set<String> = [name]
        while let rename = renameTable[name], rename.effective <= day, !seen.contains(rename.to) {
            name = rename.to
            seen.insert(name)
        }
        return name
    }
}
