import SeekCore

/// `json`: an array with one object per record: the configured `fields` in their order under their keys (every
/// field, in ``ExportRecord/fieldNames`` order, without `fields`), then `raw_data` when asked for.
enum JSONTransformer {
    static func render(_ records: [ExportRecord], options: JSONTransformerOptions) -> [UInt8] {
        let document = JSONValue.array(records.map { object(for: $0, options: options) })
        return options.prettyPrint ? CanonicalJSON.encode(document) : CompactJSON.encode(document)
    }

    static func object(for record: ExportRecord, options: JSONTransformerOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        for (field, key) in options.writtenFields.map({ ($0.field, $0.key) }) {
            if let value = record[field: field] {
                pairs.append((key, value.json))
            } else {
                switch options.nullHandling {
                case .null: pairs.append((key, .null))
                case .omit: break
                case .empty: pairs.append((key, .string("")))
                }
            }
        }
        if options.includeRawData {
            pairs.append(("raw_data", .object(JSONObject(record.orderedRaw.map { ($0.0, JSONValue.string($0.1)) }))))
        }
        return .object(JSONObject(pairs))
    }
}
