import ConfigKit
import Foundation
import Yams

extension ServingTable {
    static let topKeys = ["vllm_version", "models", "accelerators", "clouds"]
    static let modelKeys = ["match", "tool_call_parser", "reasoning_parser", "enable_auto_tool_choice", "trust_remote_code",
                            "extra_args", "source"]
    static let acceleratorKeys = ["gpuhunt", "vram_gb", "skypilot", "dstack"]

    /// Reads and checks `serving.yaml` in `configDirectory`.
    ///
    /// - Throws: ``ConfigFileError`` with every problem as `FILE:LINE:COLUMN: message`: a missing file, invalid
    ///   YAML, an unknown key (with the closest known one), a row without `match` or `source`, a wrong type.
    public static func load(configDirectory: URL) throws -> ServingTable {
        let url = configDirectory.appendingPathComponent(fileName)
        return try parse(yaml: ConfigFile.text(of: url), path: url.relativePath)
    }

    /// Parses and checks the table's text; `path` only names the file in errors.
    public static func parse(yaml: String, path: String) throws -> ServingTable {
        let reader = ConfigReader()
        guard let root = reader.document(yaml, empty: "the file is empty; it needs 'vllm_version'"),
              let top = reader.mapping(root, at: "the file", allowed: topKeys, required: ["vllm_version"])
        else { throw reader.error(file: path) }
        var table = ServingTable(vllmVersion: reader.nonEmptyString(top["vllm_version"], "vllm_version") ?? "")
        for (index, item) in (reader.sequence(reader.given(top["models"]), "models") ?? []).enumerated() {
            let place = "models[\(index)]"
            guard let fields = reader.mapping(item, at: place, allowed: modelKeys, required: ["match", "source"]),
                  let match = reader.nonEmptyString(fields["match"], "\(place): match"),
                  let source = reader.nonEmptyString(fields["source"], "\(place): source") else { continue }
            table.models.append(ModelRow(
                match: match,
                toolCallParser: reader.given(fields["tool_call_parser"]).flatMap { reader.nonEmptyString($0, "\(place): tool_call_parser") },
                reasoningParser: reader.given(fields["reasoning_parser"]).flatMap { reader.nonEmptyString($0, "\(place): reasoning_parser") },
                enableAutoToolChoice: reader.bool(fields["enable_auto_tool_choice"], "\(place): enable_auto_tool_choice") ?? false,
                trustRemoteCode: reader.bool(fields["trust_remote_code"], "\(place): trust_remote_code") ?? false,
                extraArgs: reader.strings(reader.given(fields["extra_args"]), "\(place): extra_args")?.map(\.value) ?? [],
                source: source))
        }
        for (index, item) in (reader.sequence(reader.given(top["accelerators"]), "accelerators") ?? []).enumerated() {
            let place = "accelerators[\(index)]"
            guard let fields = reader.mapping(item, at: place, allowed: acceleratorKeys, required: ["gpuhunt", "skypilot", "dstack"]),
                  let gpuhunt = reader.nonEmptyString(fields["gpuhunt"], "\(place): gpuhunt"),
                  let skypilot = reader.nonEmptyString(fields["skypilot"], "\(place): skypilot"),
                  let dstack = reader.nonEmptyString(fields["dstack"], "\(place): dstack") else { continue }
            let vram = reader.given(fields["vram_gb"]).flatMap { reader.int($0, "\(place): vram_gb") }
            if let vram, vram < 1 { reader.report("\(place): vram_gb must be at least 1, not \(vram)", at: fields["vram_gb"]) }
            table.accelerators.append(AcceleratorRow(gpuhunt: gpuhunt, vramGB: vram, skypilot: skypilot, dstack: dstack))
        }
        let clouds = reader.pairs(reader.given(top["clouds"]), "clouds", of: "{skypilot, dstack} mappings") { node, what in
            reader.mapping(node, at: what, allowed: ["skypilot", "dstack"], required: ["skypilot", "dstack"]).map { fields in
                CloudRow(skypilot: reader.given(fields["skypilot"]).flatMap { reader.nonEmptyString($0, "\(what).skypilot") },
                         dstack: reader.given(fields["dstack"]).flatMap { reader.nonEmptyString($0, "\(what).dstack") })
            }
        } ?? []
        for (provider, row, _) in clouds { table.clouds[provider] = row }
        try reader.check(file: path)
        return table
    }
}
