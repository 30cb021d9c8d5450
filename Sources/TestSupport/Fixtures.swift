import Foundation
import SeekCore

/// Paths of the project and of the shared data fixtures (`../shared/data` beside the repository).
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data`.
    public static let sharedData: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// A file or folder under `../shared/data`.
    public static func shared(_ path: String) -> URL { sharedData.appendingPathComponent(path) }

    /// `config/` of the repository.
    public static let configDirectory: URL = repositoryRoot.appendingPathComponent("config")

    /// `Tests/Fixtures` of the repository: small public files the tests read (each folder cites its sources).
    public static let projectFixtures: URL = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The full `config.json` of a model of the public vLLM logs (`Tests/Fixtures/vllm-log-configs/<org>/<repo>/`),
    /// parsed, or `nil` when the fixtures have none.
    public static func vllmLogConfig(of modelID: String) throws -> JSONValue? {
        let url = projectFixtures.appendingPathComponent("vllm-log-configs").appendingPathComponent(modelID)
            .appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try JSONParser.parse(Array(data))
    }
}
