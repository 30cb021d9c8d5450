import Dataset
import Foundation
import SeekCore

/// The price files under `<out>/data/`, read back through the Dataset's codecs for failure
/// isolation and the change-log, written atomically and only when their bytes change.
struct PriceStore {
    var folder: DataFolder

    /// The published value of `file`, or nil when it does not exist yet.
    /// - Throws: ``PublishedFileError`` when it exists but is malformed, so a damaged file is never
    ///   silently replaced.
    func load<Value>(_ file: DataFile<Value>) throws(PublishedFileError) -> Value? {
        do {
            return try folder.read(file)
        } catch {
            throw PublishedFileError(error)
        }
    }

    /// Writes the four files; returns the names of those whose bytes changed.
    func write(offerings: [Offering], source: PriceSource, history: PriceHistory, specs: [GPUSpec]) throws -> [String] {
        var changed: [String] = []
        if try folder.write(offerings, as: DataFiles.offerings) { changed.append(DataFiles.offerings.path) }
        if try folder.write(source, as: DataFiles.gpuSource) { changed.append(DataFiles.gpuSource.path) }
        if try folder.write(history, as: DataFiles.priceHistory) { changed.append(DataFiles.priceHistory.path) }
        if try folder.write(specs, as: DataFiles.gpuSpecs) { changed.append(DataFiles.gpuSpecs.path) }
        return changed
    }
}
