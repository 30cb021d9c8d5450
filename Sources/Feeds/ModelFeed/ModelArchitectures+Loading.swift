import Foundation
import SeekCore
import Yams

/// `config/model-architectures.yaml` cannot be read or is malformed.
public struct ModelArchitecturesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What is wrong and where (entry, key, line).
    public var message: String

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - path: The registry file's path.
    ///   - message: The problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

extension ModelArchitectures {
    static let wrapperKeys = ["model_type", "text_model_type"]
    static let familyKeys = [
        "model_types", "attention", "counter", "expert_count_key", "shared_key", "shared_is_count",
        "expert_intermediate_key", "dense_layers_key", "mtp_key", "projections", "attention_output_gate",
        "qkv_bias", "qk_norm",
    ]

    /// Reads and checks `model-architectures.yaml` in `configDirectory`.
    ///
    /// - Parameter configDirectory: The configuration directory, normally the repository's `config/`.
    /// - Returns: The registry.
    /// - Throws: ``ModelArchitecturesError`` naming the file when it is missing, not valid YAML, has
    ///   unknown keys or values, lacks a key a counter needs, or lists a model type twice.
    public static func load(configDirectory: URL) throws -> ModelArchitectures {
        let url = configDirectory.appendingPathComponent(fileName)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ModelArchitecturesError(
                path: url.path, message: "cannot be read (\(error.localizedDescription)); run seekgpu from the "
                    + "repository root or pass --config DIR with the directory holding \(fileName)")
        }
        return try parse(yaml: text, path: url.path)
    }

    /// Parses and checks the registry's text; `path` only names the file in errors.
    ///
    /// - Parameters:
    ///   - yaml: The text of `model-architectures.yaml`.
    ///   - path: Its path, for messages.
    /// - Returns: The registry.
    /// - Throws: ``ModelArchitecturesError`` as ``load(configDirectory:)`` does.
    public static func parse(yaml: String, path: String) throws -> ModelArchitectures {
        let reader = RegistryReader(path: path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw reader.error("is not valid YAML: \(String(describing: error))")
        }
        guard let node else { throw reader.error("is empty; it needs 'multimodal_wrappers' and 'families'") }
        let top = try reader.mapping(node, place: "the top level", allowed: ["multimodal_wrappers", "families"])
        var wrappers: [String: String?] = [:]
        for (position, item) in try reader.list(top, "multimodal_wrappers", place: "the top level").enumerated() {
            let place = "entry \(position + 1) of 'multimodal_wrappers' (line \(item.mark?.line ?? 0))"
            let fields = try reader.mapping(item, place: place, allowed: wrapperKeys)
            guard let type = try reader.string(fields, "model_type", place: place) else {
                throw reader.error("\(place) has no 'model_type'")
            }
            guard wrappers[type] == nil else { throw reader.error("\(place) lists '\(type)' a second time") }
            wrappers[type] = try reader.string(fields, "text_model_type", place: place)
        }
        var families: [String: ArchitectureFamily] = [:]
        for (position, item) in try reader.list(top, "families", place: "the top level").enumerated() {
            let place = "entry \(position + 1) of 'families' (line \(item.mark?.line ?? 0))"
            for family in try family(item, place: place, reader: reader) {
                guard families[family.modelType] == nil, wrappers[family.modelType] == nil else {
                    throw reader.error("\(place) lists model_type '\(family.modelType)' a second time")
                }
                families[family.modelType] = family
            }
        }
        return ModelArchitectures(families: families, multimodalWrappers: wrappers)
    }

    private static func family(_ node: Node, place: String, reader: RegistryReader) throws -> [ArchitectureFamily] {
        let fields = try reader.mapping(node, place: place, allowed: familyKeys)
        let types = try reader.list(fields, "model_types", place: place).map { item in
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                throw reader.error("\(place) has a 'model_types' item that is not a name")
            }
            return scalar.string
        }
        guard !types.isEmpty else { throw reader.error("\(place) needs at least one name in 'model_types'") }
        let attentionText = try reader.string(fields, "attention", place: place) ?? ""
        guard let attention = ArchitectureFamily.Attention(rawValue: attentionText) else {
            throw reader.error("\(place) has attention '\(attentionText)'; use MLA or GQA")
        }
        let counterText = try reader.string(fields, "counter", place: place) ?? ""
        guard let counter = ArchitectureFamily.Counter(rawValue: counterText) else {
            let valid = ArchitectureFamily.Counter.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("\(place) has counter '\(counterText)'; use one of \(valid)")
        }
        let projections = try reader.int(fields, "projections", place: place) ?? 3
        guard projections == 2 || projections == 3 else {
            throw reader.error("\(place) has projections \(projections); use 2 or 3")
        }
        var template = ArchitectureFamily(
            modelType: "", attention: attention, counter: counter,
            expertCountKey: try reader.string(fields, "expert_count_key", place: place),
            sharedKey: try reader.string(fields, "shared_key", place: place),
            sharedIsCount: try reader.bool(fields, "shared_is_count", place: place) ?? false,
            expertIntermediateKey: try reader.string(fields, "expert_intermediate_key", place: place),
            denseLayersKey: try reader.string(fields, "dense_layers_key", place: place),
            mtpKey: try reader.string(fields, "mtp_key", place: place),
            projections: projections,
            attentionOutputGate: try reader.bool(fields, "attention_output_gate", place: place) ?? false,
            qkvBias: try reader.bool(fields, "qkv_bias", place: place) ?? false,
            qkNorm: try reader.bool(fields, "qk_norm", place: place) ?? false)
        if counter == .generic {
            for (key, value) in [("expert_count_key", template.expertCountKey),
                                 ("expert_intermediate_key", template.expertIntermediateKey)] where value == nil {
                throw reader.error("\(place) uses counter 'generic' but has no '\(key)'")
            }
        }
        return types.map { type in
            template.modelType = type
            return template
        }
    }
}

/// Reads the registry's YAML nodes, turning every problem into a ``ModelArchitecturesError``.
private struct RegistryReader {
    let path: String

    func error(_ message: String) -> ModelArchitecturesError {
        ModelArchitecturesError(path: path, message: message)
    }

    func mapping(_ node: Node, place: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error("\(place) must be a mapping with the keys \(allowed.joined(separator: ", "))")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard allowed.contains(name) else {
                throw error("\(place) has an unknown key '\(name)' (line \(value.mark?.line ?? 0)); "
                            + "the keys are \(allowed.joined(separator: ", "))")
            }
            values[name] = value
        }
        return values
    }

    func list(_ fields: [String: Node], _ key: String, place: String) throws -> [Node] {
        guard let node = fields[key], !isNull(node) else { return [] }
        guard case .sequence(let items) = node else { throw error("\(place) has '\(key)' that is not a list") }
        return Array(items)
    }

    func string(_ fields: [String: Node], _ key: String, place: String) throws -> String? {
        guard let node = fields[key], !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error("\(place) has '\(key)' that is not a single name")
        }
        return scalar.string
    }

    func bool(_ fields: [String: Node], _ key: String, place: String) throws -> Bool? {
        guard let node = fields[key], !isNull(node) else { return nil }
        guard node.tag.description == Tag.Name.bool.rawValue, let value = node.bool else {
            throw error("\(place) has '\(key)' that is not true or false")
        }
        return value
    }

    func int(_ fields: [String: Node], _ key: String, place: String) throws -> Int? {
        guard let node = fields[key], !isNull(node) else { return nil }
        guard node.tag.description == Tag.Name.int.rawValue, let value = node.int else {
            throw error("\(place) has '\(key)' that is not a whole number")
        }
        return value
    }

    func isNull(_ node: Node) -> Bool {
        node.tag.description == Tag.Name.null.rawValue
    }
}
