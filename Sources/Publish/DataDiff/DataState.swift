import Dataset
import SeekCore

/// The published data files of one version of the site: the contents of `web/public/data/`
/// as bytes by path relative to that folder (`gpus.json`, `snapshots/index.json`,
/// `snapshots/2026-06-18/benchmarks.json`, …).
///
/// A plain value with no I/O; ``DataState/read(directory:)`` and
/// ``DataState/read(repository:commit:path:)`` fill it from a folder or a git commit.
public struct DataState: Sendable, Equatable {
    /// File contents by slash-separated path relative to the data folder.
    public var files: [String: [UInt8]]

    /// Creates a state from file contents by relative path.
    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    /// No data at all, as before the first run.
    public static let empty = DataState()

    /// True when the state holds no file.
    public var isEmpty: Bool { files.isEmpty }
}

/// One side of a comparison decoded through the Dataset's codecs: each interpreted file as its
/// typed value, or, when it exists but does not decode, the error (the file is then not compared).
struct DecodedData {
    let state: DataState
    private(set) var errors: [String: DatasetError] = [:]
    private(set) var offerings: [Offering]?
    private(set) var priceSource: PriceSource?
    private(set) var priceHistory: PriceHistory?
    private(set) var gpuSpecs: [GPUSpec]?
    private(set) var models: [ModelSpec]?
    private(set) var apiPrices: [APIPrice]?
    private(set) var snapshotIndex: SnapshotIndex?
    private(set) var metadata: DataMetadata?

    init(_ state: DataState) {
        self.state = state
        offerings = decode(DataFiles.offerings)
        priceSource = decode(DataFiles.gpuSource)
        priceHistory = decode(DataFiles.priceHistory)
        gpuSpecs = decode(DataFiles.gpuSpecs)
        models = decode(DataFiles.models)
        apiPrices = decode(DataFiles.apiPricing)
        snapshotIndex = decode(DataFiles.snapshotIndex)
        metadata = decode(DataFiles.metadata)
    }

    private mutating func decode<Value>(_ file: DataFile<Value>) -> Value? {
        do {
            return try DataBytes(files: state.files).read(file)
        } catch {
            errors[file.path] = error
            return nil
        }
    }

    /// The snapshot of `day`, nil when it is missing; a malformed one is recorded in ``errors``.
    mutating func snapshot(_ day: Day) -> Snapshot? {
        do {
            return try DataBytes(files: state.files).snapshot(day)
        } catch {
            errors[DataFiles.benchmarks(day).path] = error
            return nil
        }
    }
}
