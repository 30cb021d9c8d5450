import Yams

extension TransformerConfig {
    static let types = ["json", "csv", "metrics"]

    /// Reads a transformer: `type` and that type's options.
    static func decode(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard case .mapping = node else {
            reader.report("\(path) must be a mapping with a 'type' (\(types.joined(separator: ", "))), not \(reader.describe(node))",
                          at: node)
            return nil
        }
        guard let typeNode = node["type"], let type = reader.nonEmptyString(typeNode, "\(path).type") else {
            reader.report("\(path) needs 'type' (\(types.joined(separator: ", ")))", at: node)
            return nil
        }
        switch type {
        case "json": return decodeJSON(node, at: "\(path) (json)", reader: reader)
        case "csv": return decodeCSV(node, at: "\(path) (csv)", reader: reader)
        case "metrics": return decodeMetrics(node, at: "\(path) (metrics)", reader: reader)
        default:
            reader.report("\(path): unknown type '\(type)'" + ConfigReader.suggestion(for: type, among: types)
                          + " (types: \(types.joined(separator: ", ")))", at: typeNode)
            return nil
        }
    }

    private static func decodeJSON(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["type", "pretty_print", "fields", "include_raw_data",
                                                                      "null_handling"]) else { return nil }
        var options = JSONTransformerOptions()
        var valid = true
        if let node = entries["pretty_print"] {
            if let value = reader.bool(node, "\(path): pretty_print") { options.prettyPrint = value } else { valid = false }
        }
        if let node = entries["include_raw_data"] {
            if let value = reader.bool(node, "\(path): include_raw_data") { options.includeRawData = value } else { valid = false }
        }
        if let node = entries["null_handling"] {
            if let value = nullHandling(node, "\(path): null_handling", reader: reader) { options.nullHandling = value } else { valid = false }
        }
        if let fields = entries["fields"] {
            if case .mapping(let mapping) = fields {
                var targets: [String: Node] = [:]
                for (key, value) in mapping {
                    guard let field = knownField(key, "\(path): fields", reader: reader),
                          let name = reader.nonEmptyString(value, "\(path): fields.\(field)") else {
                        valid = false
                        continue
                    }
                    options.renames[field] = name
                    targets[name] = value
                }
                // Output keys must stay unique: a renamed field must not take another field's key.
                var used: [String: String] = [:]
                for field in ExportRecord.fieldNames {
                    let key = options.renames[field] ?? field
                    if let other = used[key] {
                        reader.report("\(path): fields renames to '\(key)', which '\(other)' already uses; output keys "
                                      + "must be unique", at: targets[key] ?? fields)
                        valid = false
                    }
                    used[key] = field
                }
                if options.includeRawData, let field = used["raw_data"] {
                    reader.report("\(path): '\(field)' is written as 'raw_data', which include_raw_data uses", at: targets["raw_data"] ?? fields)
                    valid = false
                }
            } else {
                reader.report("\(path): fields must be a mapping of field to output name (e.g. price: usd_per_hour), "
                              + "not \(reader.describe(fields))", at: fields)
                valid = false
            }
        }
        return valid ? .json(options) : nil
    }

    private static func decodeCSV(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["type", "fields", "include_headers", "delimiter", "null_value"],
                                           required: ["fields"]) else { return nil }
        var valid = true
        var columns: [CSVTransformerOptions.Column] = []
        if let fields = entries["fields"] {
            columns = csvColumns(fields, at: "\(path): fields", reader: reader) ?? []
            if columns.isEmpty { valid = false }
        }
        var options = CSVTransformerOptions(columns: columns)
        if let node = entries["include_headers"] {
            if let value = reader.bool(node, "\(path): include_headers") { options.includeHeaders = value } else { valid = false }
        }
        if let node = entries["null_value"] {
            if let value = reader.string(node, "\(path): null_value") { options.nullValue = value } else { valid = false }
        }
        if let node = entries["delimiter"] {
            if let text = reader.string(node, "\(path): delimiter") {
                if text.count == 1, let character = text.first, !["\"", "\r", "\n", "\r\n"].contains(character) {
                    options.delimiter = character
                } else {
                    reader.report("\(path): delimiter must be one character other than a quote or line break, not '\(text)'", at: node)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        return valid ? .csv(options) : nil
    }

    /// `fields` of a csv transformer: a list of field names or `{field: header}` items, or a mapping
    /// of field to header; order kept.
    private static func csvColumns(_ node: Node, at path: String, reader: ConfigReader) -> [CSVTransformerOptions.Column]? {
        var pairs: [(Node, Node?)] = []
        switch node {
        case .sequence(let items):
            for item in items {
                if case .mapping(let mapping) = item, mapping.count == 1, let first = mapping.first {
                    pairs.append((first.key, first.value))
                } else if case .scalar = item {
                    pairs.append((item, nil))
                } else {
                    reader.report("\(path): an item must be a field name or {field: header}, not \(reader.describe(item))", at: item)
                    return nil
                }
            }
        case .mapping(let mapping):
            pairs = mapping.map { ($0.key, $0.value) }
        default:
            reader.report("\(path) must be a list of fields (or a mapping of field to header), not \(reader.describe(node))", at: node)
            return nil
        }
        guard !pairs.isEmpty else {
            reader.report("\(path) is empty; a csv transformer needs at least one field", at: node)
            return nil
        }
        var columns: [CSVTransformerOptions.Column] = []
        var ok = true
        for (key, header) in pairs {
            guard let field = knownField(key, path, reader: reader) else {
                ok = false
                continue
            }
            if let header {
                guard let name = reader.string(header, "\(path).\(field)") else {
                    ok = false
                    continue
                }
                columns.append(.init(field: field, header: name))
            } else {
                columns.append(.init(field: field))
            }
        }
        return ok ? columns : nil
    }

    private static func decodeMetrics(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["type", "metrics", "include_timestamp",
                                                                      "include_collection_info"], required: ["metrics"])
        else { return nil }
        var options = MetricsTransformerOptions(metrics: [])
        var valid = true
        if let node = entries["include_timestamp"] {
            if let value = reader.bool(node, "\(path): include_timestamp") { options.includeTimestamp = value } else { valid = false }
        }
        if let node = entries["include_collection_info"] {
            if let value = reader.bool(node, "\(path): include_collection_info") { options.includeCollectionInfo = value } else { valid = false }
        }
        if let items = reader.sequence(entries["metrics"], "\(path): metrics") {
            if items.isEmpty {
                reader.report("\(path): metrics is empty; list at least one (count, avg, min, max, sum, unique)", at: entries["metrics"])
                valid = false
            }
            var names: Set<String> = []
            for (index, item) in items.enumerated() {
                guard let metric = MetricConfig.decode(item, at: "\(path): metrics[\(index)]", reader: reader) else {
                    valid = false
                    continue
                }
                if !names.insert(metric.name).inserted {
                    reader.report("\(path): metrics[\(index)] is named '\(metric.name)' like an earlier one; set a unique 'name'",
                                  at: item["name"] ?? item)
                    valid = false
                }
                options.metrics.append(metric)
            }
        } else {
            valid = false
        }
        return valid ? .metrics(options) : nil
    }

    private static func nullHandling(_ node: Node, _ what: String, reader: ConfigReader) -> NullHandling? {
        // `null_handling: null` parses as a YAML null; take the word as written.
        if case .scalar(let scalar) = node, let value = NullHandling(rawValue: scalar.string.lowercased()) { return value }
        if case .scalar(let scalar) = node, scalar.string == "~" { return .null }
        reader.report("\(what) must be one of null, omit, empty, not \(reader.describe(node))", at: node)
        return nil
    }
}

extension MetricConfig {
    /// Reads one metric: `{type, field?, group_by?, name?}`.
    static func decode(_ node: Node, at path: String, reader: ConfigReader) -> MetricConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["name", "type", "field", "group_by"], required: ["type"])
        else { return nil }
        let types = Aggregate.allCases.map(\.rawValue)
        guard let type = reader.nonEmptyString(entries["type"], "\(path).type") else { return nil }
        guard let aggregate = Aggregate(rawValue: type) else {
            reader.report("\(path): unknown type '\(type)'" + ConfigReader.suggestion(for: type, among: types)
                          + " (types: \(types.joined(separator: ", ")))", at: entries["type"])
            return nil
        }
        var valid = true
        let field = entries["field"].flatMap { knownField($0, "\(path).field", reader: reader) }
        if entries["field"] != nil && field == nil { valid = false }
        if field == nil && aggregate != .count && entries["field"] == nil {
            reader.report("\(path): '\(type)' needs 'field'", at: entries.node)
            valid = false
        }
        if let field, [.avg, .min, .max, .sum].contains(aggregate), !ExportRecord.numericFieldNames.contains(field) {
            reader.report("\(path): '\(type)' needs a numeric field, but '\(field)' is text; use count or unique",
                          at: entries["field"])
            valid = false
        }
        var groupBy: [String] = []
        if let node = entries["group_by"] {
            let items: [Node]
            if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
            if items.isEmpty { reader.report("\(path).group_by is empty", at: node) }
            for item in items {
                if let name = knownField(item, "\(path).group_by", reader: reader) {
                    if groupBy.contains(name) { reader.report("\(path).group_by lists '\(name)' twice", at: item) }
                    groupBy.append(name)
                } else {
                    valid = false
                }
            }
        }
        var name: String?
        if let node = entries["name"] {
            name = reader.nonEmptyString(node, "\(path).name")
            if name == nil { valid = false }
        }
        return valid ? MetricConfig(name: name, aggregate: aggregate, field: field, groupBy: groupBy) : nil
    }
}
