import Foundation
import SeekCore

/// The price files under `<out>/data/`: read back for failure isolation and the change-log,
/// written atomically and only when their bytes change.
struct PriceStore {
    var directory: URL

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The file's JSON; nil when it does not exist.
    /// - Throws: ``ConfigurationError``-style ``PriceFileError`` when it exists but cannot be read,
    ///   so a damaged file is never silently replaced.
    private func json(_ name: String) throws -> JSONValue? {
        let path = url(name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PriceFileError(path: path, reason: "cannot be read")
        }
        do {
            return try JSONParser.parse(data)
        } catch {
            throw PriceFileError(path: path, reason: "is not valid JSON (\(error))")
        }
    }

    /// The published offerings, or nil when `gpus.json` does not exist yet.
    func loadOfferings() throws -> [Offering]? {
        guard let value = try json("gpus.json") else { return nil }
        guard let list = value.arrayValue else { throw PriceFileError(path: url("gpus.json").path, reason: "is not a list") }
        return try list.enumerated().map { index, item in
            guard let offering = Offering(json: item) else {
                throw PriceFileError(path: url("gpus.json").path, reason: "row \(index + 1) is not an offering")
            }
            return offering
        }
    }

    /// The published source description; nil when missing or in the reference's format.
    func loadSource() -> PriceSource? { (try? json("gpu_source.json"))?.flatMap(PriceSource.init(json:)) }

    /// The price history, or nil when the file does not exist yet.
    func loadHistory() throws -> PriceHistory? {
        guard let value = try json("gpu_price_history.json") else { return nil }
        guard let history = PriceHistory(json: value) else {
            throw PriceFileError(path: url("gpu_price_history.json").path,
                                 reason: "is not a price history (unit usd_per_node_hour, series of dated prices)")
        }
        return history
    }

    /// Writes the four files; returns the names of those whose bytes changed.
    func write(offerings: [Offering], source: PriceSource, history: PriceHistory, specs: [GPUSpec]) throws -> [String] {
        let files: [(String, JSONValue)] = [
            ("gpus.json", Offering.listJSON(offerings)),
            ("gpu_source.json", source.json),
            ("gpu_price_history.json", history.json),
            ("gpu_specs.json", .array(specs.map(\.json))),
        ]
        var changed: [String] = []
        for (name, value) in files where try AtomicFile.writeIfChanged(CanonicalJSON.encode(value), to: url(name)) {
            changed.append(name)
        }
        return changed
    }
}

/// A published price file that exists but cannot be used; the run stops instead of replacing it.
public struct PriceFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong.
    public var reason: String

    public var description: String {
        "\(path) \(reason). Nothing was written: repair the file from git history, or delete it to start it anew."
    }
}
