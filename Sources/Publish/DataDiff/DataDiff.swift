import Dataset
import SeekCore

/// The semantic difference between two versions of the published data, for the daily commit
/// message and pull-request body: what a maintainer needs to see in ten seconds.
///
/// Pure: built from two ``DataState`` values (and optionally the other site files' changes),
/// with deterministic output — no wall-clock time, every list in a fixed order.
///
/// Both sides are decoded through the Dataset's codecs, the same the generator writes with; a
/// changed file that does not decode is listed with its problem, not compared.
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
    /// `metadata.json`'s `sizing_model` before and after, when it changed (the site's streams change with it).
    public var sizingModel: (old: String?, new: String?)?
    /// Interpreted files of the new side that changed but do not decode (not compared), by path.
    public var unreadable: [String] { problems.map(\.path) }
    /// Why each of ``unreadable`` does not decode: the file, row and field, in path order.
    public var problems: [(path: String, error: DatasetError)]
    /// Interpreted files of the old side that do not decode (damaged, or written in a format this version
    /// does not read), in path order; their sections are not compared either.
    public var oldProblems: [(path: String, error: DatasetError)]
    /// True when the old side had no data at all (the first run).
    public var isFirstRun: Bool

    /// Compares two versions of the data, each decoded through the Dataset's codecs.
    /// - Parameters:
    ///   - old: the published data before (e.g. at `HEAD`); ``DataState/empty`` before the first run.
    ///   - new: the data just generated.
    ///   - siteFiles: changes to the site's other files, if the caller compared them.
    public init(old: DataState, new: DataState, siteFiles: FileChanges? = nil) {
        files = FileChanges(old: old.files, new: new.files)
        self.siteFiles = siteFiles
        var before = DecodedData(old), after = DecodedData(new)
        // A file that does not decode on either side is not compared: its section stays empty.
        func both<Value>(_ file: DataFile<Value>, _ old: Value?, _ new: Value?) -> (Value?, Value?) {
            before.errors[file.path] == nil && after.errors[file.path] == nil ? (old, new) : (nil, nil)
        }
        let modelRows = both(DataFiles.models, before.models, after.models)
        models = RecordChanges(old: modelRows.0.map(DataFiles.models.json), new: modelRows.1.map(DataFiles.models.json),
                               key: "model_name")
        snapshots = SnapshotChanges(old: &before, new: &after,
                                    comparable: before.errors[DataFiles.snapshotIndex.path] == nil
                                        && after.errors[DataFiles.snapshotIndex.path] == nil)
        let offerings = both(DataFiles.offerings, before.offerings, after.offerings)
        prices = PriceChanges(old: offerings.0, new: offerings.1)
        let history = both(DataFiles.priceHistory, before.priceHistory, after.priceHistory)
        priceHistory = PriceHistoryChanges(old: history.0, new: history.1)
        let source = both(DataFiles.gpuSource, before.priceSource, after.priceSource)
        sources = SourceChanges(old: source.0, new: source.1,
                                bytesChanged: old.files[DataFiles.gpuSource.path] != new.files[DataFiles.gpuSource.path])
        let prices = both(DataFiles.apiPricing, before.apiPrices, after.apiPrices)
        apiPricing = APIPricingChanges(old: prices.0.map(DataFiles.apiPricing.json), new: prices.1.map(DataFiles.apiPricing.json))
        let specs = both(DataFiles.gpuSpecs, before.gpuSpecs, after.gpuSpecs)
        gpuSpecs = RecordChanges(old: specs.0.map(DataFiles.gpuSpecs.json), new: specs.1.map(DataFiles.gpuSpecs.json),
                                 key: "gpu_name")
        let meta = both(DataFiles.metadata, before.metadata, after.metadata)
        if let a = meta.0, let b = meta.1, a.sizingModel != b.sizingModel {
            sizingModel = (a.sizingModel, b.sizingModel)
        }
        let changed = files
        problems = after.errors.filter { changed.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        oldProblems = before.errors.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        isFirstRun = old.isEmpty && !new.isEmpty
    }

    public static func == (a: DataDiff, b: DataDiff) -> Bool {
        a.files == b.files && a.siteFiles == b.siteFiles && a.models == b.models && a.snapshots == b.snapshots
            && a.prices == b.prices && a.priceHistory == b.priceHistory && a.sources == b.sources
            && a.apiPricing == b.apiPricing && a.gpuSpecs == b.gpuSpecs && a.isFirstRun == b.isFirstRun
            && a.sizingModel?.old == b.sizingModel?.old && a.sizingModel?.new == b.sizingModel?.new
            && a.problems.elementsEqual(b.problems) { $0.path == $1.path && $0.error == $1.error }
            && a.oldProblems.elementsEqual(b.oldProblems) { $0.path == $1.path && $0.error == $1.error }
    }

    /// True when no data file changed and no other site file was reported changed.
    public var isEmpty: Bool { files.isEmpty && (siteFiles?.isEmpty ?? true) }
}
