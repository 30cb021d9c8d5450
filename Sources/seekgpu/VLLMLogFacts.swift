import Feeds
import Foundation
import SeekCore
import Sizing

/// The checkpoint facts of the models of the public vLLM logs, read from their full `config.json` files.
enum VLLMLogFacts {
    /// Facts by model id for every case whose model has `<directory>/<org>/<repo>/config.json`.
    ///
    /// - Throws: ``ModelConfigError`` naming the file when a config is not valid JSON or cannot be counted;
    ///   registry errors.
    static func load(cases: [VLLMLogCase], directory: String, config: URL) throws -> [String: ServingCheckpoint] {
        let registry = try ModelArchitectures.load(configDirectory: config)
        var facts: [String: ServingCheckpoint] = [:]
        for id in Set(cases.map(\.modelID)).sorted() {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(id).appendingPathComponent("config.json").path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                let json = try JSONParser.parse(Array(data))
                facts[id] = try ServingCheckpoint(config: json, architectures: registry)
            } catch let error as ModelConfigError {
                throw ModelConfigError(modelName: "", message: "\(path): \(error.message)")
            } catch {
                throw ModelConfigError(modelName: "", message: "\(path): config.json is not valid JSON (\(error))")
            }
        }
        return facts
    }
}
