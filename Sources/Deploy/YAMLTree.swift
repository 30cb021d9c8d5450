import Yams

/// A YAML document built in code, keys in the order given, serialised by Yams (libyaml) so quoting is libyaml's:
/// a text that would read back as a number, boolean or null (`"8000"`, `"on"`) is quoted, a multi-line one is
/// a literal block (`run: |`).
indirect enum YAMLTree: Sendable {
    case text(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case list([YAMLTree])
    /// A mapping in the order written; a `nil` value leaves the key out.
    case map([(String, YAMLTree?)])
    /// A mapping written on one line (`{H100: 8}`).
    case flowMap([(String, YAMLTree)])

    /// The tags of one document, made once: each `Tag` Yams makes builds its constructor table anew.
    struct Tags {
        let str = Tag(.str), int = Tag(.int), float = Tag(.float), bool = Tag(.bool), null = Tag(.null)
        let seq = Tag(.seq), map = Tag(.map)
    }

    /// The Yams node.
    func node(_ tags: Tags) -> Node {
        switch self {
        case .text(let text):
            if text.contains("\n") { return .scalar(Node.Scalar(text, tags.str, .literal)) }
            // Text starting with a letter reads back as text unless it is a YAML 1.1 boolean or null word; only the
            // rest goes through Yams' resolver (regular expressions, the slow part of rendering a recipe). libyaml
            // still quotes what cannot be written plain (`: `, ` #`).
            if let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
               !Self.resolvedWords.contains(text.lowercased()) {
                return .scalar(Node.Scalar(text, tags.str, .any))
            }
            return .scalar(text.represented())
        case .int(let value): return .scalar(Node.Scalar(String(value), tags.int))
        case .number(let value):
            let text = value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
            return .scalar(Node.Scalar(text, tags.float))
        case .bool(let value): return .scalar(Node.Scalar(value ? "true" : "false", tags.bool))
        case .null: return .scalar(Node.Scalar("null", tags.null))
        case .list(let items): return .sequence(Node.Sequence(items.map { $0.node(tags) }, tags.seq))
        case .map(let pairs):
            return .mapping(Node.Mapping(pairs.compactMap { key, value in
                value.map { (YAMLTree.text(key).node(tags), $0.node(tags)) }
            }, tags.map))
        case .flowMap(let pairs):
            return .mapping(Node.Mapping(pairs.map { (YAMLTree.text($0.0).node(tags), $0.1.node(tags)) }, tags.map, .flow))
        }
    }

    /// Words YAML 1.1 resolves to a boolean or null.
    static let resolvedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// The document's text, ending in a newline; never folds long lines.
    var yaml: String {
        // Serialising a tree of plain scalars cannot fail; libyaml reports only invalid event sequences.
        (try? Yams.serialize(node: node(Tags()), indent: 2, width: -1, allowUnicode: true)) ?? ""
    }

    /// `.text(value)`, or nil for nil.
    static func text(_ value: String?) -> YAMLTree? { value.map(YAMLTree.text) }
    /// `.int(value)`, or nil for nil.
    static func int(_ value: Int?) -> YAMLTree? { value.map(YAMLTree.int) }
    /// A list of texts, or nil when empty.
    static func texts(_ values: [String]) -> YAMLTree? { values.isEmpty ? nil : .list(values.map(YAMLTree.text)) }
}
