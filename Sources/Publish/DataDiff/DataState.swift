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

    /// The parsed JSON of the file at `path`, or nil when the file is missing or is not valid JSON.
    func json(_ path: String) -> JSONValue? {
        guard let bytes = files[path] else { return nil }
        return try? JSONParser.parse(bytes)
    }

    /// True when the file at `path` exists but does not parse as JSON (it is then not compared).
    func isUnreadable(_ path: String) -> Bool {
        guard let bytes = files[path] else { return false }
        return (try? JSONParser.parse(bytes)) == nil
    }
}

/// The well-known file names under `data/`.
enum DataFile {
    static let gpus = "gpus.json"
    static let models = "models.json"
    static let gpuSpecs = "gpu_specs.json"
    static let gpuSource = "gpu_source.json"
    static let priceHistory = "gpu_price_history.json"
    static let apiPricing = "api_pricing.json"
    static let snapshotIndex = "snapshots/index.json"

    static func benchmarks(_ date: String) -> String { "snapshots/\(date)/benchmarks.json" }
    static func sota(_ date: String) -> String { "snapshots/\(date)/sota_scores.json" }

    /// Files whose content the report interprets; an unreadable one is called out.
    static let interpreted = [gpus, models, gpuSpecs, gpuSource, priceHistory, apiPricing, snapshotIndex]
}
