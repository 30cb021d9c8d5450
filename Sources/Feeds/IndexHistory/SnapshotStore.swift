import Foundation
import SeekCore

/// The snapshot files under `<out>/data/snapshots/`: one folder per day plus `index.json`.
///
/// Only dates name folders; model and directory names from the index never become paths.
/// Every write is atomic and skipped when the bytes on disk are already the same.
public struct SnapshotStore: Sendable {
    /// The `snapshots` directory.
    public let directory: URL

    /// A store rooted at `directory` (created on first write).
    public init(directory: URL) {
        self.directory = directory
    }

    var indexURL: URL { directory.appendingPathComponent("index.json") }

    func benchmarksURL(_ day: Day) -> URL { directory.appendingPathComponent("\(day.iso)/benchmarks.json") }

    func sotaURL(_ day: Day) -> URL { directory.appendingPathComponent("\(day.iso)/sota_scores.json") }

    /// The index, or nil when it is missing, not JSON, or not seekgpu's format.
    public func loadIndex() -> SnapshotIndex? {
        readJSON(indexURL).flatMap(SnapshotIndex.init(json:))
    }

    /// The newest published snapshot, or nil when there is none.
    public func latestSnapshot() -> Snapshot? {
        loadIndex()?.latest.flatMap(loadSnapshot)
    }

    /// True when both files of `day` exist.
    public func hasSnapshot(_ day: Day) -> Bool {
        FileManager.default.fileExists(atPath: benchmarksURL(day).path)
            && FileManager.default.fileExists(atPath: sotaURL(day).path)
    }

    /// The published snapshot of `day`, or nil when its files are missing or malformed.
    public func loadSnapshot(_ day: Day) -> Snapshot? {
        guard let benchmarks = readJSON(benchmarksURL(day)), let sota = readJSON(sotaURL(day)) else { return nil }
        return Snapshot(day: day, benchmarks: benchmarks, sota: sota)
    }

    /// Writes both files of the snapshot; returns true when a byte on disk changed.
    @discardableResult
    public func write(_ snapshot: Snapshot) throws -> Bool {
        let benchmarks = try AtomicFile.writeIfChanged(CanonicalJSON.encode(snapshot.benchmarksJSON),
                                                       to: benchmarksURL(snapshot.day))
        let sota = try AtomicFile.writeIfChanged(CanonicalJSON.encode(snapshot.sotaJSON), to: sotaURL(snapshot.day))
        return benchmarks || sota
    }

    /// Writes `index.json`; returns true when a byte on disk changed.
    @discardableResult
    public func write(_ index: SnapshotIndex) throws -> Bool {
        try AtomicFile.writeIfChanged(CanonicalJSON.encode(index.json), to: indexURL)
    }

    /// Days that have a snapshot folder on disk (folders named `YYYY-MM-DD`).
    public func daysOnDisk() -> [Day] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .compactMap(Day.init(iso:)).sorted()
    }

    /// Deletes the two files of `day` and its folder if that leaves it empty.
    public func removeSnapshot(_ day: Day) throws {
        let manager = FileManager.default
        for url in [benchmarksURL(day), sotaURL(day)] where manager.fileExists(atPath: url.path) {
            try manager.removeItem(at: url)
        }
        let folder = directory.appendingPathComponent(day.iso)
        if (try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try manager.removeItem(at: folder)
        }
    }

    private func readJSON(_ url: URL) -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONParser.parse(data)
    }
}
