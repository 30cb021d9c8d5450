import SeekCore

/// The semantic difference between two versions of the published data, for the daily commit
/// message and pull-request body: what a maintainer needs to see in ten seconds.
///
/// Pure: built from two ``DataState`` values (and optionally the other site files' changes),
/// with deterministic output — no wall-clock time, every list in a fixed order.
///
/// ```swift
/// let diff = DataDiff(old: try DataState.read(repository: repo, commit: head),
///                     new: try DataState.read(directory: URL(fileURLWithPath: "web/public/data")))
/// print(diff.summaryLine)   // "2 new models; H100×8 −4.2%; snapshot 2026-06-18"
/// print(diff.markdown)
/// ```
public struct DataDiff: Sendable, Equatable {
    /// Every data file added, removed or modified.
    public var files: FileChanges
    /// Changes to the other site files (HTML, assets), when the caller compared them; not diffed.
    public var siteFiles: FileChanges?
    /// `models.json`, by `model_name`.
    public var models: RecordChanges
    /// `snapshots/index.json` and the latest leaderboard.
    public var snapshots: SnapshotChanges
    /// `gpus.json`.
    public var prices: PriceChanges
    /// `gpu_price_history.json`.
    public var priceHistory: PriceHistoryChanges
    /// `gpu_source.json`.
    public var sources: SourceChanges
    /// `api_pricing.json`.
    public var apiPricing: APIPricingChanges
    /// `gpu_specs.json`, by `gpu_name`.
    public var gpuSpecs: RecordChanges
    /// Interpreted files that exist but are not valid JSON on the new side (not compared), sorted.
    public var unreadable: [String]
    /// True when the old side had no data at all (the first run).
    public var isFirstRun: Bool

    /// Compares two versions of the data.
    /// - Parameters:
    ///   - old: the published data before (e.g. at `HEAD`); ``DataState/empty`` before the first run.
    ///   - new: the data just generated.
    ///   - siteFiles: changes to the site's other files, if the caller compared them.
    public init(old: DataState, new: DataState, siteFiles: FileChanges? = nil) {
        files = FileChanges(old: old.files, new: new.files)
        self.siteFiles = siteFiles
        models = RecordChanges(old: old.json(DataFile.models), new: new.json(DataFile.models), key: "model_name")
        snapshots = SnapshotChanges(old: old, new: new)
        prices = PriceChanges(old: old.json(DataFile.gpus), new: new.json(DataFile.gpus))
        priceHistory = PriceHistoryChanges(old: old.json(DataFile.priceHistory), new: new.json(DataFile.priceHistory))
        sources = SourceChanges(old: old.json(DataFile.gpuSource), new: new.json(DataFile.gpuSource))
        apiPricing = APIPricingChanges(old: old.json(DataFile.apiPricing), new: new.json(DataFile.apiPricing))
        gpuSpecs = RecordChanges(old: old.json(DataFile.gpuSpecs), new: new.json(DataFile.gpuSpecs), key: "gpu_name")
        let latest = snapshots.newLatest.map { [DataFile.benchmarks($0), DataFile.sota($0)] } ?? []
        let changed = files
        unreadable = (DataFile.interpreted + latest).filter { new.isUnreadable($0) && changed.contains($0) }.sorted()
        isFirstRun = old.isEmpty && !new.isEmpty
    }

    /// True when no data file changed and no other site file was reported changed.
    public var isEmpty: Bool { files.isEmpty && (siteFiles?.isEmpty ?? true) }
}
