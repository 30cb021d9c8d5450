/// How the API-pricing step picks closed models and finds their prices in LiteLLM's price list.
///
/// Loaded from `config/api-pricing.yaml`, which maintainers edit; nothing here is hard-coded.
public struct APIPricingConfiguration: Sendable, Equatable {
    /// Maps a model name to its lab by name prefix.
    public struct LabPattern: Sendable, Equatable {
        /// The name prefix, lowercased; matched case-insensitively.
        public var prefix: String
        /// The lab, e.g. `anthropic`.
        public var lab: String

        /// Creates a pattern; `prefix` is lowercased.
        public init(prefix: String, lab: String) {
            self.prefix = prefix.lowercased()
            self.lab = lab
        }
    }

    /// Lab patterns in the order they are tried; the first matching prefix wins.
    public var labPatterns: [LabPattern]
    /// lab → model name; replaces (or adds) the lab's best-scoring model.
    public var closedModelOverrides: [String: String]
    /// Leaderboard model name → LiteLLM key, tried when neither `lower` nor `lower-preview` exists.
    public var litellmIDMap: [String: String]
    /// Labs whose selected model must be priced, else the step fails.
    public var requiredLabs: Set<String>
    /// LiteLLM keys with one of these prefixes are ignored.
    public var droppedKeyPrefixes: [String]

    /// The file name under the configuration directory.
    public static let fileName = "api-pricing.yaml"

    /// Creates a configuration.
    public init(labPatterns: [LabPattern], closedModelOverrides: [String: String], litellmIDMap: [String: String],
                requiredLabs: Set<String>, droppedKeyPrefixes: [String]) {
        self.labPatterns = labPatterns
        self.closedModelOverrides = closedModelOverrides
        self.litellmIDMap = litellmIDMap
        self.requiredLabs = requiredLabs
        self.droppedKeyPrefixes = droppedKeyPrefixes
    }

    /// The lab of `modelName`: the first pattern whose prefix the lowercased name starts with.
    public func lab(of modelName: String) -> String? {
        let lower = modelName.lowercased()
        return labPatterns.first { lower.hasPrefix($0.prefix) }?.lab
    }
}
