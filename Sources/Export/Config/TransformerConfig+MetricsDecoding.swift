import ConfigKit
import Yams

extension TransformerConfig {
    static func decodeMetrics(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["format", "type", "metrics", "include_timestamp",
                                                                      "include_collection_info"], required: ["metrics"])
        else { return nil }
        var options = MetricsTransformerOptions(metrics: [])
        var valid = true
        if let node = entries["include_timestamp"] {
            if let value = reader.flag(node, "\(path): include_timestamp") { options.includeTimestamp = value } else { valid = false }
        }
        if let node = entries["include_collection_info"] {
            if let value = reader.flag(node, "\(path): include_collection_info") { options.includeCollectionInfo = value } else { valid = false }
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
}

extension MetricConfig {
    /// Reads one metric: `{type, field?, group_by?, name?}`; `field: null` and `group_by: null` are left out.
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
        let fieldNode = reader.given(entries["field"])
        let field = fieldNode.flatMap { knownField($0, "\(path).field", reader: reader) }
        if fieldNode != nil && field == nil { valid = false }
        if field == nil && aggregate != .count && fieldNode == nil {
            reader.report("\(path): '\(type)' needs 'field'", at: entries.node)
            valid = false
        }
        if let field, [.avg, .min, .max, .sum].contains(aggregate), !ExportRecord.numericFieldNames.contains(field) {
            reader.report("\(path): '\(type)' needs a numeric field, but '\(field)' is text; use count or unique",
                          at: entries["field"])
            valid = false
        }
        var groupBy: [String] = []
        if let node = reader.given(entries["group_by"]) {
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
