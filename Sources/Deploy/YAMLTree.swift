import Yams

/// A YAML document built in code, keys in the order given, serialised by Yams (libyaml) so quoting is libyaml's:
/// a text that would read back as a number, boolean or null (`"8000"`, `"on"`) is quoted, a multi-line one is
/// a literal block (`run: |`).
indirect enum YAMLTree: Sendable, Hashable {
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

    static func == (a: YAMLTree, b: YAMLTree) -> Bool { a.node == b.node }
    func hash(into hasher: inout Hasher) { hasher.combine(node) }

    /// The Yams node.
    var node: Node {
        switch self {
        case .text(let text):
            if text.contains("\n") { return .scalar(Node.Scalar(text, Tag(.str), .literal)) }
            return .scalar(text.represented())
        case .int(let value): return .scalar(Node.Scalar(String(value), Tag(.int)))
        case .number(let value):
            let text = value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
            return .scalar(Node.Scalar(text, Tag(.float)))
        case .bool(let value): return .scalar(Node.Scalar(value ? "true" : "false", Tag(.bool)))
        case .null: return .scalar(Node.Scalar("null", Tag(.null)))
        case .list(let items): return .sequence(Node.Sequence(items.map(\.node)))
        case .map(let pairs):
            return .mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (YAMLTree.text(key).node, $0.node) } }))
        case .flowMap(let pairs):
            return .mapping(Node.Mapping(pairs.map { (YAMLTree.text($0.0).node, $0.1.node) }, Tag(.map), .flow))
        }
    }

    /// The document's text, ending in a newline; never folds long lines.
    var yaml: String {
        // Serialising a tree of plain scalars cannot fail; libyaml reports only invalid event sequences.
        (try? Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)) ?? ""
    }

    /// `.text(value)`, or nil for nil.
    static func text(_ value: String?) -> YAMLTree? { value.map(YAMLTree.text) }
    /// `.int(value)`, or nil for nil.
    static func int(_ value: Int?) -> YAMLTree? { value.map(YAMLTree.int) }
    /// A list of texts, or nil when empty.
    static func texts(_ values: [String]) -> YAMLTree? { values.isEmpty ? nil : .list(values.map(YAMLTree.text)) }
}
