import ConfigKit
import Yams

extension TransformerConfig {
    static let csvKeys = ["format", "type", "fields", "include_headers", "delimiter", "quote_char", "escape_char",
                          "line_terminator", "null_value"]

    static func decodeCSV(_ node: Node, at path: String, reader: ConfigReader) -> TransformerConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: csvKeys, required: ["fields"]) else { return nil }
        var valid = true
        var columns: [CSVTransformerOptions.Column] = []
        if let fields = entries["fields"] {
            columns = csvColumns(fields, at: "\(path): fields", reader: reader) ?? []
            if columns.isEmpty { valid = false }
        }
        var options = CSVTransformerOptions(columns: columns)
        if let node = entries["include_headers"] {
            if let value = reader.flag(node, "\(path): include_headers") { options.includeHeaders = value } else { valid = false }
        }
        if let node = entries["null_value"] {
            if let value = reader.string(node, "\(path): null_value") { options.nullValue = value } else { valid = false }
        }
        if let node = entries["line_terminator"] {
            if let value = reader.nonEmptyString(node, "\(path): line_terminator") { options.lineTerminator = value } else { valid = false }
        }
        let what = { (key: String) in "\(path): \(key)" }
        options.delimiter = character(entries["delimiter"], what("delimiter"), reader: reader, valid: &valid) ?? options.delimiter
        options.quoteCharacter = character(entries["quote_char"], what("quote_char"), reader: reader, valid: &valid)
            ?? options.quoteCharacter
        // gpuport's escape_char defaults to a backslash; here to none (RFC 4180), and null means none.
        options.escapeCharacter = character(reader.given(entries["escape_char"]), what("escape_char"), reader: reader,
                                            valid: &valid)
        let special = [("delimiter", options.delimiter), ("quote_char", options.quoteCharacter)]
            + (options.escapeCharacter.map { [("escape_char", $0)] } ?? [])
        for (index, (key, value)) in special.enumerated() {
            if let (other, _) = special[..<index].first(where: { $0.1 == value }) {
                reader.report("\(path): \(key) and \(other) are both '\(value)'; they must differ",
                              at: entries[key] ?? entries[other] ?? entries.node)
                valid = false
            }
        }
        return valid ? .csv(options) : nil
    }

    /// A one-character setting, nil when absent or invalid (then reported, and `valid` turned false).
    private static func character(_ node: Node?, _ what: String, reader: ConfigReader, valid: inout Bool) -> Character? {
        guard let node else { return nil }
        guard let text = reader.string(node, what) else {
            valid = false
            return nil
        }
        guard text.count == 1, let character = text.first, !["\r", "\n", "\r\n"].contains(character) else {
            reader.report("\(what) must be one character other than a line break, not '\(text)'", at: node)
            valid = false
            return nil
        }
        return character
    }

    /// `fields` of a csv transformer: a list of field names or `{field: header}` items, or a mapping
    /// of field to header (gpuport's form); order kept.
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
            reader.report("\(path) must be a mapping of field to header (or a list of fields), not \(reader.describe(node))", at: node)
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
}
