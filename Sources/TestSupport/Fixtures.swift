import Foundation

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
}
