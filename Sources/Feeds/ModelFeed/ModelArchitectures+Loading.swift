import ConfigKit
import Foundation
import SeekCore
import Yams

extension ModelArchitectures {
    static let wrapperKeys = ["model_type", "text_model_type", "vision_tower"]
    static let familyKeys = [
        "model_types", "attention", "counter", "expert_count_key", "shared_key", "shared_is_count",
        "expert_intermediate_key", "dense_layers_key", "mtp_key", "projections", "attention_output_gate",
        "qkv_bias", "qk_norm", "norms_per_layer", "tie_word_embeddings_default",
    ]

    /// Reads and checks `model-architectures.yaml` in `configDirectory`.
    ///
    /// - Parameter configDirectory: The configuration directory, normally the repository's `config/`.
    /// - Returns: The registry.
    /// - Throws: ``ConfigFileError`` naming the file, with every problem as `FILE:LINE:COLUMN: message`:
    ///   a missing file, invalid YAML, unknown keys or values, a key a counter needs left out, a model
    ///   type listed twice.
    public static func load(configDirectory: URL) throws -> ModelArchitectures {
        let url = configDirectory.appendingPathComponent(fileName)
        return try parse(yaml: ConfigFile.text(of: url), path: url.relativePath)
    }

    /// Parses and checks the registry's text; `path` only names the file in errors.
    ///
    /// - Parameters:
    ///   - yaml: The text of `model-architectures.yaml`.
    ///   - path: Its path, printed before each problem.
    /// - Returns: The registry.
    /// - Throws: ``ConfigFileError`` as ``load(configDirectory:)`` does.
    public static func parse(yaml: String, path: String) throws -> ModelArchitectures {
        let reader = ConfigReader()
        guard let root = reader.document(yaml, empty: "the file is empty; it needs 'multimodal_wrappers' and 'families'"),
              let top = reader.mapping(root, at: "the file", allowed: ["multimodal_wrappers", "families"])
        else { throw reader.error(file: path) }
        var types = SeenNames()
        var wrappers: [String: String?] = [:]
        var towers: [String: VisionTower] = [:]
        for (index, item) in (reader.sequence(reader.given(top["multimodal_wrappers"]), "multimodal_wrappers") ?? []).enumerated() {
            let place = "multimodal_wrappers[\(index)]"
            guard let fields = reader.mapping(item, at: place, allowed: wrapperKeys, required: ["model_type"]),
                  let type = reader.nonEmptyString(fields["model_type"], "\(place): model_type"), let node = fields["model_type"]
            else { continue }
            let injected = reader.given(fields["text_model_type"]).flatMap { reader.nonEmptyString($0, "\(place): text_model_type") }
            if let first = types.earlierPlace(of: type, at: node) {
                reader.report("\(place): model_type '\(type)' is listed a second time (first at \(first))", at: node)
                continue
            }
            wrappers[type] = injected
            if let node = reader.given(fields["vision_tower"]),
               let tower = reader.choice(node, "\(place): vision_tower", as: VisionTower.self) {
                towers[type] = tower
            }
        }
        var families: [String: ArchitectureFamily] = [:]
        for (index, item) in (reader.sequence(reader.given(top["families"]), "families") ?? []).enumerated() {
            let place = "families[\(index)]"
            let (template, typeNodes) = family(item, place: place, reader: reader)
            // Types are compared even in an entry with other problems, so a duplicate is always reported.
            for (type, node) in typeNodes {
                if let first = types.earlierPlace(of: type, at: node) {
                    reader.report("\(place): model_type '\(type)' is listed a second time (first at \(first))", at: node)
                    continue
                }
                guard var family = template else { continue }
                family.modelType = type
                families[type] = family
            }
        }
        try reader.check(file: path)
        return ModelArchitectures(families: families, multimodalWrappers: wrappers, visionTowers: towers)
    }

    /// One `families` entry, its model type left empty (nil when it is not usable; its problems are
    /// reported), and its model types with their nodes.
    private static func family(_ node: Node, place: String,
                               reader: ConfigReader) -> (family: ArchitectureFamily?, types: [(value: String, node: Node)]) {
        guard let fields = reader.mapping(node, at: place, allowed: familyKeys, required: ["model_types", "attention", "counter"])
        else { return (nil, []) }
        let types = reader.strings(fields["model_types"], "\(place): model_types")
        if types?.isEmpty == true {
            reader.report("\(place): model_types is empty; list at least one model_type", at: fields["model_types"])
        }
        let attention = reader.choice(fields["attention"], "\(place): attention", as: ArchitectureFamily.Attention.self)
        let counter = reader.choice(fields["counter"], "\(place): counter", as: ArchitectureFamily.Counter.self)
        var projections = 3
        if let node = reader.given(fields["projections"]), let written = reader.int(node, "\(place): projections") {
            if written == 2 || written == 3 {
                projections = written
            } else {
                reader.report("\(place): projections is \(written); use 2 (ungated MLP) or 3 (gated)", at: node)
            }
        }
        var norms = 2
        if let node = reader.given(fields["norms_per_layer"]), let written = reader.int(node, "\(place): norms_per_layer") {
            if written == 2 || written == 4 {
                norms = written
            } else {
                reader.report("\(place): norms_per_layer is \(written); use 2 (pre-norms) or 4 (pre- and post-norms, Gemma)", at: node)
            }
        }
        func key(_ name: String) -> String? {
            reader.given(fields[name]).flatMap { reader.nonEmptyString($0, "\(place): \(name)") }
        }
        func flag(_ name: String) -> Bool {
            reader.given(fields[name]).flatMap { reader.bool($0, "\(place): \(name)") } ?? false
        }
        // Every key is read (and its problems reported) even when attention or counter is unusable;
        // the family is then not returned, so the stand-ins below are never used.
        let family = ArchitectureFamily(
            modelType: "", attention: attention ?? .gqa, counter: counter ?? .dense,
            expertCountKey: key("expert_count_key"), sharedKey: key("shared_key"), sharedIsCount: flag("shared_is_count"),
            expertIntermediateKey: key("expert_intermediate_key"), denseLayersKey: key("dense_layers_key"),
            mtpKey: key("mtp_key"), projections: projections, attentionOutputGate: flag("attention_output_gate"),
            qkvBias: flag("qkv_bias"), qkNorm: flag("qk_norm"), normsPerLayer: norms,
            tiesEmbeddingsByDefault: flag("tie_word_embeddings_default"))
        if counter == .generic {
            for name in ["expert_count_key", "expert_intermediate_key"] where reader.given(fields[name]) == nil {
                reader.report("\(place) uses counter 'generic' but has no '\(name)'", at: fields[name] ?? node)
            }
        }
        return (attention != nil && counter != nil ? family : nil, types ?? [])
    }
}
