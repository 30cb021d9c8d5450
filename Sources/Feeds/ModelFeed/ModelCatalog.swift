import Foundation
import Yams

/// The open-weights models seekgpu sizes: name → Hugging Face repository and licence.
///
/// Loaded from `config/models.yaml`, which maintainers edit (decisions 13).
public struct ModelCatalog: Sendable, Equatable {
    /// One model.
    public struct Entry: Sendable, Equatable {
        /// The model name as the leaderboard publishes it.
        public var name: String
        /// Its own Hugging Face repository, published as `hf_model_id`; nil for models that borrow a config.
        public var hfRepo: String?
        /// The repository whose `config.json` is read (its own, or the one it borrows).
        public var configRepo: String
        /// A page for models without their own repository, published as `model_url`.
        public var modelURL: String?
        /// Licence name shown on the site.
        public var licenseName: String
        /// Licence URL.
        public var licenseURL: String

        /// Creates an entry.
        public init(name: String, hfRepo: String?, configRepo: String, modelURL: String?,
                    licenseName: String, licenseURL: String) {
            self.name = name
            self.hfRepo = hfRepo
            self.configRepo = configRepo
            self.modelURL = modelURL
            self.licenseName = licenseName
            self.licenseURL = licenseURL
        }
    }

    /// Models in fetch order: `models` first, then `architecture_sources` not already listed.
    public var entries: [Entry]

    /// The file name under the configuration directory.
    public static let fileName = "models.yaml"

    /// Creates a catalog.
    public init(entries: [Entry]) { self.entries = entries }

    /// True when `name` is in the catalog.
    public func contains(_ name: String) -> Bool { entries.contains { $0.name == name } }

    /// Reads and checks `models.yaml` in `configDirectory`.
    /// - Throws: ``ConfigurationError`` naming the file and the model.
    public static func load(configDirectory: URL) throws -> ModelCatalog {
        let url = configDirectory.appendingPathComponent(fileName)
        let text = try ConfigurationError.text(of: url)
        struct License: Decodable { var name: String; var url: String }
        struct Model: Decodable { var name: String; var hf_repo: String; var license: License }
        struct Borrowed: Decodable { var name: String; var config_repo: String; var model_url: String?; var license: License }
        struct File: Decodable { var models: [Model]; var architecture_sources: [Borrowed]? }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigurationError(path: url.path, reason: "is not valid: \(error)")
        }
        var entries = file.models.map {
            Entry(name: $0.name, hfRepo: $0.hf_repo, configRepo: $0.hf_repo, modelURL: nil,
                  licenseName: $0.license.name, licenseURL: $0.license.url)
        }
        for borrowed in file.architecture_sources ?? [] where !entries.contains(where: { $0.name == borrowed.name }) {
            entries.append(Entry(name: borrowed.name, hfRepo: nil, configRepo: borrowed.config_repo,
                                 modelURL: borrowed.model_url, licenseName: borrowed.license.name,
                                 licenseURL: borrowed.license.url))
        }
        var seen = Set<String>()
        for entry in entries {
            guard seen.insert(entry.name).inserted else {
                throw ConfigurationError(path: url.path, reason: "lists model '\(entry.name)' twice")
            }
            let parts = entry.configRepo.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }),
                  entry.configRepo.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
                throw ConfigurationError(path: url.path, reason: "gives model '\(entry.name)' the repository "
                                         + "'\(entry.configRepo)'; write it as ORG/NAME")
            }
        }
        return ModelCatalog(entries: entries)
    }
}
