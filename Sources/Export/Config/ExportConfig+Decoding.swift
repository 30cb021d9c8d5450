import ConfigKit
import Yams

extension ExportConfig {
    /// Reads and checks a configuration.
    ///
    /// - Parameters:
    ///   - yaml: The text of the configuration.
    ///   - file: The file's path or name, printed before each problem.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` with every problem found, each with its line and column.
    public static func load(yaml: String, file: String = "export.yaml") throws -> ExportConfig {
        let (config, problems) = decode(yaml: yaml)
        guard problems.isEmpty, let config else { throw ConfigFileError(file: file, problems: problems) }
        return config
    }

    /// Every problem of a configuration, sorted by position; empty when it is valid.
    public static func validate(yaml: String) -> [ConfigProblem] { decode(yaml: yaml).problems }

    /// The configuration (nil when it could not be read at all) and every problem.
    static func decode(yaml: String) -> (config: ExportConfig?, problems: [ConfigProblem]) {
        let reader = ConfigReader()
        guard let root = reader.document(yaml, empty: "the file is empty; it needs a 'pipelines' list") else {
            return (nil, reader.problems)
        }
        var pipelines: [PipelineConfig] = []
        let top = reader.mapping(root, at: "the file", allowed: ["version", "pipelines"], required: ["pipelines"])
        // gpuport's `version` ("1.0") is accepted and not used: there is one version of the format.
        if let version = reader.given(top?["version"]) { _ = reader.string(version, "version") }
        if let top, let items = reader.sequence(top["pipelines"], "pipelines") {
            if items.isEmpty { reader.report("pipelines is empty; add at least one pipeline", at: top["pipelines"]) }
            var seen: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                // Names are compared before decoding, so a duplicate is reported even in an invalid pipeline.
                if case .mapping = item, let nameNode = item["name"], case .scalar(let scalar) = nameNode {
                    if let first = seen[scalar.string] {
                        reader.report("pipeline name '\(scalar.string)' is used twice (pipelines[\(first)] and "
                                      + "pipelines[\(index)]); names must be unique", at: nameNode)
                    } else {
                        seen[scalar.string] = index
                    }
                }
                if let pipeline = PipelineConfig.decode(item, index: index, reader: reader) { pipelines.append(pipeline) }
            }
        }
        let problems = reader.problems.inFileOrder()
        return (problems.isEmpty ? ExportConfig(pipelines: pipelines) : nil, problems)
    }
}

extension PipelineConfig {
    static let keys = ["name", "description", "enabled", "filters", "transformer", "outputs"]

    /// Reads `pipelines[index]`; nil when it is not usable (its problems are reported).
    static func decode(_ node: Node, index: Int, reader: ConfigReader) -> PipelineConfig? {
        let path = "pipelines[\(index)]"
        guard let entries = reader.mapping(node, at: path, allowed: keys, required: ["name", "transformer", "outputs"])
        else { return nil }
        let name = reader.nonEmptyString(entries["name"], "\(path).name")
        let label = name.map { "pipeline '\($0)'" } ?? path
        let description = reader.given(entries["description"]).flatMap { reader.string($0, "\(label): description") }
        let enabled = entries["enabled"].map { reader.flag($0, "\(label): enabled") } ?? true
        var filters: [FilterConfig] = []
        if let items = reader.sequence(entries["filters"], "\(label): filters") {
            for (position, item) in items.enumerated() {
                if let filter = FilterConfig.decode(item, at: "\(label): filters[\(position)]", reader: reader) {
                    filters.append(filter)
                }
            }
        }
        let transformer = entries["transformer"].flatMap {
            TransformerConfig.decode($0, at: "\(label): transformer", reader: reader)
        }
        var outputs: [OutputConfig] = []
        if let items = reader.sequence(entries["outputs"], "\(label): outputs") {
            for (position, item) in items.enumerated() {
                if let output = OutputConfig.decode(item, at: "\(label): outputs[\(position)]", reader: reader) {
                    if case .https(let https) = output, https.batchSize != nil, case .metrics? = transformer {
                        reader.report("\(label): outputs[\(position)] sets batch_size, but a metrics summary cannot be "
                                      + "split into batches; remove batch_size", at: item["batch_size"] ?? item)
                    }
                    outputs.append(output)
                }
            }
        }
        guard let name, let enabled, let transformer else { return nil }
        return PipelineConfig(name: name, description: description, enabled: enabled, filters: filters,
                              transformer: transformer, outputs: outputs)
    }
}

/// Checks a field name against ``ExportRecord/fieldNames``; reports an unknown one with a suggestion.
func knownField(_ node: Node?, _ what: String, reader: ConfigReader) -> String? {
    guard let name = reader.nonEmptyString(node, what) else { return nil }
    guard ExportRecord.fieldNames.contains(name) else {
        reader.report("\(what): unknown field '\(name)'" + ConfigReader.suggestion(for: name, among: ExportRecord.fieldNames)
                      + " (fields: \(ExportRecord.fieldNames.joined(separator: ", ")))", at: node)
        return nil
    }
    return name
}
