import ConfigKit
import Foundation
import Yams

extension APIPricingConfiguration {
    /// The top-level keys of the file.
    static let fileKeys = ["lab_patterns", "closed_model_overrides", "litellm_id_map", "required_labs", "dropped_key_prefixes"]

    /// Reads `api-pricing.yaml` from a configuration directory.
    ///
    /// - Parameter directory: The configuration directory, normally the repository's `config/`.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` as ``load(from:)`` does.
    public static func load(fromDirectory directory: URL) throws -> APIPricingConfiguration {
        try load(from: directory.appendingPathComponent(fileName))
    }

    /// Reads and checks the YAML file at `url`.
    ///
    /// - Parameter url: The file.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` naming the file as `url` names it (`url.relativePath`), with
    ///   every problem as `FILE:LINE:COLUMN: message`.
    public static func load(from url: URL) throws -> APIPricingConfiguration {
        try parse(ConfigFile.text(of: url), path: url.relativePath)
    }

    /// Parses and checks YAML text; `path` names the file in errors.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file's path, printed before each problem.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` with every problem: invalid YAML, unknown or missing keys, values
    ///   of the wrong type, no lab pattern, a prefix listed twice, an empty name, key or prefix.
    public static func parse(_ text: String, path: String) throws -> APIPricingConfiguration {
        let reader = ConfigReader()
        guard let root = reader.document(text, empty: "the file is empty; it needs 'lab_patterns'"),
              let top = reader.mapping(root, at: "the file", allowed: fileKeys, required: ["lab_patterns"])
        else { throw reader.error(file: path) }
        let patterns = labPatterns(top["lab_patterns"], reader: reader)
        let overrides = reader.pairs(reader.given(top["closed_model_overrides"]), "closed_model_overrides",
                                     of: "model names") { reader.nonEmptyString($0, $1) } ?? []
        let idMap = reader.pairs(reader.given(top["litellm_id_map"]), "litellm_id_map",
                                 of: "LiteLLM keys") { reader.nonEmptyString($0, $1) } ?? []
        let required = reader.strings(reader.given(top["required_labs"]), "required_labs") ?? []
        let dropped = reader.strings(reader.given(top["dropped_key_prefixes"]), "dropped_key_prefixes") ?? []
        try reader.check(file: path)
        return APIPricingConfiguration(
            labPatterns: patterns,
            closedModelOverrides: Dictionary(overrides.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            litellmIDMap: Dictionary(idMap.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            requiredLabs: Set(required.map(\.value)), droppedKeyPrefixes: dropped.map(\.value))
    }

    /// The `lab_patterns` list: at least one, each prefix once (compared lowercased).
    private static func labPatterns(_ node: Node?, reader: ConfigReader) -> [LabPattern] {
        guard let items = reader.sequence(node, "lab_patterns") else { return [] }
        if items.isEmpty { reader.report("lab_patterns is empty; list at least one {prefix, lab} entry", at: node) }
        var patterns: [LabPattern] = []
        var prefixes = SeenNames()
        for (index, item) in items.enumerated() {
            let path = "lab_patterns[\(index)]"
            guard let fields = reader.mapping(item, at: path, allowed: ["prefix", "lab"], required: ["prefix", "lab"])
            else { continue }
            let prefix = reader.nonEmptyString(fields["prefix"], "\(path): prefix")
            let lab = reader.nonEmptyString(fields["lab"], "\(path): lab")
            if let prefix, let node = fields["prefix"], let first = prefixes.earlierPlace(of: prefix.lowercased(), at: node) {
                reader.report("\(path): prefix '\(prefix)' is listed twice (first at \(first); prefixes are compared "
                              + "in any case); keep one", at: node)
            }
            if let prefix, let lab { patterns.append(LabPattern(prefix: prefix, lab: lab)) }
        }
        return patterns
    }
}
