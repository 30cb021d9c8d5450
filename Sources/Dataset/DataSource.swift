import SeekCore

/// Where published data files are read from: a `data/` folder on disk (``DataFolder``), the same
/// folder at a git commit, or bytes in memory. Paths are below `data/`, e.g. `snapshots/index.json`.
public protocol DataSource {
    /// The file's bytes, or nil when there is no such file.
    /// - Throws: ``DatasetError`` when the file exists but cannot be read.
    func bytes(at path: String) throws(DatasetError) -> [UInt8]?

    /// How errors name the file at `path`, e.g. its path on disk or `gpus.json at 3f2a9c1`.
    func name(of path: String) -> String
}

extension DataSource {
    /// The decoded file, or nil when it does not exist.
    /// - Throws: ``DatasetError`` naming the file, row and field when it exists but is malformed.
    public func read<Value>(_ file: DataFile<Value>) throws(DatasetError) -> Value? {
        guard let bytes = try bytes(at: file.path) else { return nil }
        return try file.decode(bytes, name: name(of: file.path))
    }

    /// The published snapshot of `day`, or nil when either of its files is missing.
    public func snapshot(_ day: Day) throws(DatasetError) -> Snapshot? {
        let benchmarks = DataFiles.benchmarks(day), sota = DataFiles.sotaScores(day)
        guard let entries = try bytes(at: benchmarks.path), let best = try bytes(at: sota.path) else { return nil }
        return try Snapshot(day: day, benchmarks: entries, sota: best, names: (name(of: benchmarks.path), name(of: sota.path)))
    }

    /// Every snapshot `index` lists, oldest first.
    /// - Throws: ``DatasetError`` when a listed snapshot is missing or malformed.
    public func snapshots(listedIn index: SnapshotIndex) throws(DatasetError) -> [Snapshot] {
        var snapshots: [Snapshot] = []
        snapshots.reserveCapacity(index.snapshots.count)
        for day in index.snapshots {
            guard let snapshot = try snapshot(day) else {
                throw DatasetError(file: name(of: DataFiles.snapshotIndex.path),
                                   reason: "lists \(day.iso), but \(name(of: DataFiles.benchmarks(day).path)) or its "
                                       + "sota_scores.json is missing")
            }
            snapshots.append(snapshot)
        }
        return snapshots
    }

    /// Every published file decoded: the whole dataset. A missing file reads as empty (the site
    /// renders before every step has run); a malformed one is an error.
    /// - Throws: ``DatasetError`` naming the file, row and field of the first problem.
    public func dataset() throws(DatasetError) -> Dataset {
        var dataset = Dataset()
        try read(Set(Dataset.Part.allCases), into: &dataset)
        return dataset
    }

    /// Replaces `parts` of `dataset` with the published files' values; the other parts stay as given
    /// (e.g. the values the steps of this run produced). A missing file reads as empty.
    /// - Throws: ``DatasetError`` naming the file, row and field of the first problem.
    public func read(_ parts: Set<Dataset.Part>, into dataset: inout Dataset) throws(DatasetError) {
        if parts.contains(.prices) {
            dataset.offerings = try read(DataFiles.offerings) ?? []
            dataset.priceSource = try read(DataFiles.gpuSource)
            dataset.priceHistory = try read(DataFiles.priceHistory) ?? PriceHistory()
            dataset.gpuSpecs = try read(DataFiles.gpuSpecs) ?? []
        }
        if parts.contains(.snapshots) {
            let index = try read(DataFiles.snapshotIndex)
            dataset.snapshotIndex = index
            dataset.snapshots = try index.map { index throws(DatasetError) in try snapshots(listedIn: index) } ?? []
        }
        if parts.contains(.models) {
            dataset.models = try read(DataFiles.models) ?? []
            dataset.unsizedModels = try read(DataFiles.unsizedModels) ?? []
        }
        if parts.contains(.apiPricing) { dataset.apiPrices = try read(DataFiles.apiPricing) ?? [] }
    }

    /// The newest published snapshot, or nil when there is none.
    /// - Throws: ``DatasetError`` when the index or the snapshot is malformed.
    public func latestSnapshot() throws(DatasetError) -> Snapshot? {
        try read(DataFiles.snapshotIndex)?.latest.flatMap { day throws(DatasetError) in try snapshot(day) }
    }
}

/// Published files held in memory by path below `data/` (e.g. read from a git commit).
public struct DataBytes: DataSource, Sendable {
    /// File contents by path below `data/`.
    public var files: [String: [UInt8]]
    /// Appended to the path in error messages, e.g. ` at 3f2a9c1`.
    public var suffix: String

    /// Creates a source over `files`.
    public init(files: [String: [UInt8]], suffix: String = "") {
        self.files = files
        self.suffix = suffix
    }

    public func bytes(at path: String) throws(DatasetError) -> [UInt8]? { files[path] }

    public func name(of path: String) -> String { path + suffix }
}
