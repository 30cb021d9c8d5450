import Feeds
import Foundation
import SeekCore

/// The data files the site step renders from, read from `<out>/data/` (missing files: empty).
struct SiteInputs {
    var models: [ModelSpec] = []
    var offerings: [Offering] = []
    var specs: [GPUSpec] = []

    init(dataDirectory: URL) {
        func rows(_ name: String) -> [JSONValue] {
            FileManager.default.contents(atPath: dataDirectory.appendingPathComponent(name).path)
                .flatMap { try? JSONParser.parse($0) }?.arrayValue ?? []
        }
        models = rows("models.json").compactMap(ModelSpec.init(json:))
        offerings = rows("gpus.json").compactMap(Offering.init(json:))
        specs = rows("gpu_specs.json").compactMap(GPUSpec.init(json:))
    }
}
