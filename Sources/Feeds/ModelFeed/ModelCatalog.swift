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
}
