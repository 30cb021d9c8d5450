import ConfigKit
import Yams

extension TransformerConfig {
    static let formats = ["json", "csv", "metrics"]
    /// What every "needs 'format'" message lists.
    static let formatHint = "(\(formats.joined(separator: ", "))); 'type' is accepted as an alias"

    /// Reads a transformer: its kind (`format`, or the alias `type`) and that kind's options.
    static func decode(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard case .mapping = node else {
            reader.report("\(path) must be a mapping with a 'format' \(formatHint), not \(reader.describe(node))", at: node)
            return nil
        }
        guard let format = format(of: node, at: path, reader: reader) else { return nil }
        switch format {
        case "json": return decodeJSON(node, at: "\(path) (json)", reader: reader)
        case "csv": return decodeCSV(node, at: "\(path) (csv)", reader: reader)
        default: return decodeMetrics(node, at: "\(path) (metrics)", reader: reader)
        }
    }

    /// The kind from `format` (gpuport's key) and `type` (seekgpu's former key, kept as an alias): either alone, or
    /// both when they agree. `format: json` with `type: metrics` is metrics, the shape of gpuport's own metrics model
    /// (a metrics summary is JSON). Neither given is gpuport's default, `json` (so its skeleton `transformer: {}` is a
    /// JSON transformer), or `metrics` when the mapping lists `metrics`. Reports a conflicting or unknown kind; nil then.
    private static func format(of node: Node, at path: String, reader: ConfigReader) -> String? {
        let formatNode = node["format"], typeNode = node["type"]
        guard formatNode != nil || typeNode != nil else {
            return node["metrics"] == nil ? "json" : "metrics"
        }
        var format: String?, alias: String?
        if let formatNode {
            guard let text = reader.nonEmptyString(formatNode, "\(path).format") else { return nil }
            format = text
        }
        if let typeNode {
            guard let text = reader.nonEmptyString(typeNode, "\(path).type (the alias of format)") else { return nil }
            alias = text
        }
        let chosen: String
        let chosenNode: Node?
        switch (format, alias) {
        case (let format?, let alias?) where format == alias:
            (chosen, chosenNode) = (format, formatNode)
        case ("json"?, "metrics"?):
            (chosen, chosenNode) = ("metrics", typeNode)
        case (let format?, let alias?):
            reader.report("\(path) has format '\(format)' and type '\(alias)', which disagree; 'type' is an alias of "
                          + "'format': remove it, or make both '\(format)'", at: typeNode)
            return nil
        case (let format?, nil):
            (chosen, chosenNode) = (format, formatNode)
        case (nil, let alias?):
            (chosen, chosenNode) = (alias, typeNode)
        case (nil, nil):
            return nil
        }
        guard formats.contains(chosen) else {
            reader.report("\(path): unknown format '\(chosen)'" + ConfigReader.suggestion(for: chosen, among: formats)
                          + " (formats: \(formats.joined(separator: ", ")))", at: chosenNode)
            return nil
        }
        return chosen
    }

    private static func decodeJSON(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["format", "type", "pretty_print", "fields", "include_raw_data",
                                                                      "flatten_nested", "null_handling"]) else { return nil }
        var options = JSONTransformerOptions()
        var valid = true
        if let node = entries["pretty_print"] {
            if let value = reader.flag(node, "\(path): pretty_print") { options.prettyPrint = value } else { valid = false }
        }
        if let node = entries["include_raw_data"] {
            if let value = reader.flag(node, "\(path): include_raw_data") { options.includeRawData = value } else { valid = false }
        }
        // gpuport accepts flatten_nested but does nothing with it; records are flat here too.
        if let node = entries["flatten_nested"], reader.flag(node, "\(path): flatten_nested") == nil { valid = false }
        if let node = entries["null_handling"] {
            if let value = nullHandling(node, "\(path): null_handling", reader: reader) { options.nullHandling = value } else { valid = false }
        }
        if let fields = reader.given(entries["fields"]) {
            if let selected = jsonFields(fields, at: path, includeRawData: options.includeRawData, reader: reader) {
                options.fields = selected.isEmpty ? nil : selected
            } else {
                valid = false
            }
        }
        return valid ? .json(options) : nil
    }

    /// `fields` of a json transformer: a mapping of field → output key, in order; the fields written. Empty for an
    /// empty mapping, which writes every field, as in gpuport. Nil when invalid (reported).
    private static func jsonFields(_ node: Node, at path: String, includeRawData: Bool,
                                   reader: ConfigReader) -> [JSONTransformerOptions.Field]? {
        guard case .mapping(let mapping) = node else {
            reader.report("\(path): fields must be a mapping of field to output key (e.g. price: usd_per_hour), "
                          + "not \(reader.describe(node))", at: node)
            return nil
        }
                var fields: [JSONTransformerOptions.Field] = []
        var valid = true
        var used: [String: String] = [:]
        for (key, value) in mapping {
            guard let field = knownField(key, "\(path): fields", reader: reader),
                  let name = reader.nonEmptyString(value, "\(path): fields.\(key.string ?? "?")") else {
                valid = false
                continue
            }
            // Output keys must stay unique: two fields must not be written under one key.
            if let other = used[name] {
                reader.report("\(path): fields writes both '\(other)' and '\(field)' as '\(name)'; output keys must be unique",
                              at: value)
                valid = false
            } else if includeRawData && name == "raw_data" {
                reader.report("\(path): '\(field)' is written as 'raw_data', which include_raw_data uses", at: value)
                valid = false
            }
            used[name] = field
            fields.append(.init(field: field, key: name))
        }
        return valid ? fields : nil
    }

    private static func nullHandling(_ node: Node, _ what: String, reader: ConfigReader) -> NullHandling? {
        // `null_handling: null` parses as a YAML null; take the word as written.
        if case .scalar(let scalar) = node, let value = NullHandling(rawValue: scalar.string.lowercased()) { return value }
        if case .scalar(let scalar) = node, scalar.string == "~" { return .null }
        reader.report("\(what) must be one of null, omit, empty, not \(reader.describe(node))", at: node)
        return nil
    }
}
