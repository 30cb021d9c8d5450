import SeekCore

/// Every published data file as typed values: what the feeds produce and the site, the data diff and
/// the daily job consume. Handed on in memory by `generate --step all`; decoded from a `data/`
/// folder (``DataSource/dataset()``) by the stages that start from files.
public struct Dataset: Sendable {
    /// `gpus.json`.
    public var offerings: [Offering]
    /// `gpu_source.json`, nil before the prices step first ran.
    public var priceSource: PriceSource?
    /// `gpu_price_history.json`.
    public var priceHistory: PriceHistory
    /// `gpu_specs.json`.
    public var gpuSpecs: [GPUSpec]
    /// `models.json`.
    public var models: [ModelSpec]
    /// `unsized_models.json`.
    public var unsizedModels: [UnsizedModel] = []
    /// `api_pricing.json`.
    public var apiPrices: [APIPrice]
    /// `snapshots/index.json`, nil before the snapshots step first ran.
    public var snapshotIndex: SnapshotIndex?
    /// Every snapshot the index lists, oldest first.
    public var snapshots: [Snapshot]

    /// The groups of files one step writes: a stage fills in what it did not produce by part.
    public enum Part: Sendable, Hashable, CaseIterable {
        /// `gpus.json`, `gpu_source.json`, `gpu_price_history.json`, `gpu_specs.json`.
        case prices
        /// `snapshots/index.json` and every snapshot it lists.
        case snapshots
        /// `models.json` and `unsized_models.json`.
        case models
        /// `api_pricing.json`.
        case apiPricing
    }

    /// Creates a dataset; every part defaults to empty.
    public init(offerings: [Offering] = [], priceSource: PriceSource? = nil, priceHistory: PriceHistory = PriceHistory(),
                gpuSpecs: [GPUSpec] = [], models: [ModelSpec] = [], apiPrices: [APIPrice] = [],
                snapshotIndex: SnapshotIndex? = nil, snapshots: [Snapshot] = []) {
        self.offerings = offerings
        self.priceSource = priceSource
        self.priceHistory = priceHistory
        self.gpuSpecs = gpuSpecs
        self.models = models
        self.apiPrices = apiPrices
        self.snapshotIndex = snapshotIndex
        self.snapshots = snapshots
    }

    /// The newest published snapshot.
    public var latest: Snapshot? { snapshots.last }

    /// `metadata.json`: the index commit, newest snapshot, price date and catalog versions this data is as of.
    public var metadata: DataMetadata {
        DataMetadata(indexCommit: snapshotIndex?.indexCommit, latestSnapshot: snapshotIndex?.latest,
                     pricesAsOf: priceSource?.asOf,
                     catalogVersions: (priceSource?.providers ?? []).compactMap { provider in
                         provider.catalogVersion.map { (provider.name, $0) }
                     })
    }
}
