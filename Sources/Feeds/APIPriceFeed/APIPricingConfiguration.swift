import Foundation
import Yams

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

    /// Reads `api-pricing.yaml` from a configuration directory.
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong.
    public static func load(fromDirectory directory: URL) throws -> APIPricingConfiguration {
        try load(from: directory.appendingPathComponent(fileName))
    }

    /// Reads and checks the YAML file at `url`.
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong.
    public static func load(from url: URL) throws -> APIPricingConfiguration {
        let text = try ConfigurationError.text(of: url)
        return try parse(text, path: url.path)
    }

    /// Parses and checks YAML text; `path` names the file in errors.
    /// - Throws: ``ConfigurationError`` naming `path` and what is wrong.
    public static func parse(_ text: String, path: String) throws -> APIPricingConfiguration {
        struct Pattern: Decodable {
            var prefix: String
            var lab: String
        }
        struct File: Decodable {
            var lab_patterns: [Pattern]
            var closed_model_overrides: [String: String]?
            var litellm_id_map: [String: String]?
            var required_labs: [String]?
            var dropped_key_prefixes: [String]?
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigurationError(path: path, reason: "is not valid: \(error)")
        }
        guard !file.lab_patterns.isEmpty else {
            throw ConfigurationError(path: path, reason: "must list at least one entry under lab_patterns")
        }
        for pattern in file.lab_patterns {
            if pattern.prefix.isEmpty || pattern.lab.isEmpty {
                throw ConfigurationError(path: path, reason: "has a lab_patterns entry with an empty prefix or lab")
            }
        }
        var seen = Set<String>()
        for pattern in file.lab_patterns where !seen.insert(pattern.prefix.lowercased()).inserted {
            throw ConfigurationError(path: path, reason: "lists lab_patterns prefix '\(pattern.prefix)' twice")
        }
        let overrides = file.closed_model_overrides ?? [:]
        for (lab, model) in overrides where lab.isEmpty || model.isEmpty {
            throw ConfigurationError(path: path, reason: "has an empty lab or model in closed_model_overrides")
        }
        let idMap = file.litellm_id_map ?? [:]
        for (model, key) in idMap where model.isEmpty || key.isEmpty {
            throw ConfigurationError(path: path, reason: "has an empty model or key in litellm_id_map")
        }
        let required = file.required_labs ?? []
        if required.contains(where: \.isEmpty) {
            throw ConfigurationError(path: path, reason: "has an empty name in required_labs")
        }
        let dropped = file.dropped_key_prefixes ?? []
        if dropped.contains(where: \.isEmpty) {
            throw ConfigurationError(path: path, reason: "has an empty prefix in dropped_key_prefixes (it would drop every key)")
        }
        return APIPricingConfiguration(
            labPatterns: file.lab_patterns.map { LabPattern(prefix: $0.prefix, lab: $0.lab) },
            closedModelOverrides: overrides, litellmIDMap: idMap, requiredLabs: Set(required),
            droppedKeyPrefixes: dropped)
    }
}
