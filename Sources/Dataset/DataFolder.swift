import Foundation
import SeekCore

/// A `web/public/data/` folder on disk: published files are read through their codecs and written
/// atomically (temporary file, then rename), only when their bytes change.
public struct DataFolder: DataSource, Sendable {
    /// The `data` directory.
    public let directory: URL

    /// The folder at `directory` (created on first write).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The URL of the file at `path` below the folder.
    public func url(of path: String) -> URL { directory.appendingPathComponent(path) }

    public func name(of path: String) -> String { url(of: path).path }

    public func bytes(at path: String) throws(DatasetError) -> [UInt8]? {
        let file = url(of: path).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else { throw DatasetError(file: file, reason: "is a folder, not a file; remove it") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DatasetError(file: file, reason: "exists but cannot be read; check its permissions")
        }
        return Array(data)
    }

    /// Writes `value` as `file`; returns true when a byte on disk changed.
    /// - Throws: `FileWriteError` when the file cannot be written.
    @discardableResult
    public func write<Value>(_ value: Value, as file: DataFile<Value>) throws(FileWriteError) -> Bool {
        try AtomicFile.writeIfChanged(file.encode(value), to: url(of: file.path))
    }

    /// Writes both files of `snapshot`; returns true when a byte on disk changed.
    @discardableResult
    public func write(_ snapshot: Snapshot) throws(FileWriteError) -> Bool {
        let benchmarks = try AtomicFile.writeIfChanged(snapshot.benchmarksFile,
                                                       to: url(of: DataFiles.benchmarks(snapshot.day).path))
        let sota = try AtomicFile.writeIfChanged(snapshot.sotaFile, to: url(of: DataFiles.sotaScores(snapshot.day).path))
        return benchmarks || sota
    }
}
