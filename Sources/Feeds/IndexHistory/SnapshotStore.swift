import Dataset
import Foundation
import SeekCore

/// The snapshot files under `<out>/data/snapshots/`: one folder per day plus `index.json`, read and
/// written through the Dataset's codecs.
///
/// Only dates name folders; model and directory names from the index never become paths.
/// Every write is atomic and skipped when the bytes on disk are already the same.
public struct SnapshotStore: Sendable {
    /// The `data` folder holding `snapshots/`.
    public let folder: DataFolder

    /// A store in the `snapshots` directory `directory` (created on first write).
    public init(directory: URL) {
        folder = DataFolder(directory: directory.deletingLastPathComponent())
    }

    /// The `snapshots` directory.
    public var directory: URL { folder.url(of: "snapshots") }

    /// The index, or nil when there is none yet.
    /// - Throws: ``DatasetError`` naming the file when it exists but is in neither known format or malformed.
    public func loadIndex() throws(DatasetError) -> SnapshotIndex? {
        try folder.read(DataFiles.snapshotIndex)
    }

    /// True when both files of `day` exist.
    public func hasSnapshot(_ day: Day) -> Bool {
        FileManager.default.fileExists(atPath: folder.url(of: DataFiles.benchmarks(day).path).path)
            && FileManager.default.fileExists(atPath: folder.url(of: DataFiles.sotaScores(day).path).path)
    }

    /// The published snapshot of `day`, or nil when its files are missing.
    /// - Throws: ``DatasetError`` naming the file, row and field when one is malformed.
    public func loadSnapshot(_ day: Day) throws(DatasetError) -> Snapshot? {
        try folder.snapshot(day)
    }

    /// Writes both files of the snapshot; returns true when a byte on disk changed.
    @discardableResult
    public func write(_ snapshot: Snapshot) throws -> Bool {
        try folder.write(snapshot)
    }

    /// Writes `index.json`; returns true when a byte on disk changed.
    @discardableResult
    public func write(_ index: SnapshotIndex) throws -> Bool {
        try folder.write(index, as: DataFiles.snapshotIndex)
    }

    /// Days that have a snapshot folder on disk (folders named `YYYY-MM-DD`).
    public func daysOnDisk() throws -> [Day] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).compactMap(Day.init(iso:)).sorted()
    }

    /// Deletes the two files of `day` and its folder if that leaves it empty.
    public func removeSnapshot(_ day: Day) throws {
        let manager = FileManager.default
        for file in [DataFiles.benchmarks(day).path, DataFiles.sotaScores(day).path] {
            let url = folder.url(of: file)
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        }
        let folder = directory.appendingPathComponent(day.iso)
        if manager.fileExists(atPath: folder.path), try manager.contentsOfDirectory(atPath: folder.path).isEmpty {
            try manager.removeItem(at: folder)
        }
    }
}
