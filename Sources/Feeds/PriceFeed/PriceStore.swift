import Foundation
import SeekCore

/// The price files under `<out>/data/`: read back for failure isolation and the change-log,
/// written atomically and only when their bytes change.
struct PriceStore {
    var directory: URL

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    private func json(_ name: String) -> JSONValue? {
        FileManager.default.contents(atPath: url(name).path).flatMap { try? JSONParser.parse($0) }
    }

    /// The published offerings, or nil when `gpus.json` is missing or malformed.
    func loadOfferings() -> [Offering]? {
        guard let list = json("gpus.json")?.arrayValue else { return nil }
        let offerings = list.compactMap(Offering.init(json:))
        return offerings.count == list.count ? offerings : nil
    }

    func loadSource() -> PriceSource? { json("gpu_source.json").flatMap(PriceSource.init(json:)) }

    func loadHistory() -> PriceHistory? { json("gpu_price_history.json").flatMap(PriceHistory.init(json:)) }

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
