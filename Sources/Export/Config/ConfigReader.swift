import Foundation
import Yams

/// Walks a composed YAML tree into typed values, collecting every problem with its line and column
/// instead of stopping at the first (Yams' `Decodable` path reports one problem, without a column).
///
/// Not `Sendable`: Yams nodes hold weak anchors; one reader lives inside one `decode` call.
final class ConfigReader {
    private(set) var problems: [ConfigProblem] = []

    /// Records a problem at `node`'s position (line 1, column 1 when it has none).
    func report(_ message: String, at node: Node?) {
        let mark = node?.mark
        problems.append(ConfigProblem(message: message, line: mark?.line ?? 1, column: mark?.column ?? 1))
    }

    /// A mapping's entries by key, in file order; reports a non-mapping, non-text keys, unknown keys
    /// (with the closest known key) and missing required keys.
    func mapping(_ node: Node, at path: String, allowed: [String], required: [String] = []) -> Entries? {
        guard case .mapping(let mapping) = node else {
            report("\(path) must be a mapping of keys to values, not \(describe(node))", at: node)
            return nil
        }
        var entries = Entries(node: node)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report("\(path) has a key that is not text", at: key)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                report("unknown key '\(name)' in \(path)" + Self.suggestion(for: name, among: allowed)
                       + " (known keys: \(allowed.joined(separator: ", ")))", at: key)
                continue
            }
            entries.pairs.append((name, key, value))
        }
        for name in required where entries[name] == nil {
            report("\(path) needs '\(name)'", at: node)
        }
        return entries
    }

    /// A text value; numbers and booleans are taken as written (`bucket: 2024` is the text `2024`,
    /// `name: off` the text `off`, not YAML 1.1's false).
    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, kind(node) != .null else {
            report("\(what) must be text, not \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// A non-empty text value.
    func nonEmptyString(_ node: Node?, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("\(what) must not be empty", at: node)
            return nil
        }
        return text
    }

    /// `true` or `false`.
    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard kind(node) == .bool, let value = node.bool else {
            report("\(what) must be true or false, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A whole number.
    func int(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard kind(node) == .int, let value = node.int else {
            report("\(what) must be a whole number, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A finite number (whole or decimal).
    func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard kind(node) == .int || kind(node) == .float, let value = node.float, value.isFinite else {
            report("\(what) must be a number, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A sequence's items.
    func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node else {
            report("\(what) must be a list, not \(describe(node))", at: node)
            return nil
        }
        return Array(items)
    }

    /// A mapping of text to text, in file order (`metadata`, `headers`).
    func stringPairs(_ node: Node?, _ what: String) -> [(key: String, value: String, node: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report("\(what) must be a mapping of names to text, not \(describe(node))", at: node)
            return nil
        }
        var pairs: [(key: String, value: String, node: Node)] = []
        for (key, value) in mapping {
            guard let name = string(key, "a key of \(what)"), let text = string(value, "\(what).\(key.string ?? "?")")
            else { continue }
            pairs.append((name, text, key))
        }
        return pairs
    }

    /// The scalar's resolved YAML type, nil for collections.
    func kind(_ node: Node) -> Tag.Name? {
        guard case .scalar = node else { return nil }
        for name in [Tag.Name.str, .int, .float, .bool, .null] where node.tag == Tag(name) { return name }
        return .str
    }

    /// "a list", "a mapping", "null", "the number 5", "the text 'x'", for messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch kind(node) {
            case .null?: return "null"
            case .bool?: return "the boolean \(scalar.string)"
            case .int?, .float?: return "the number \(scalar.string)"
            default: return "the text '\(scalar.string)'"
            }
        }
    }

    /// "; did you mean 'x'?" for the closest candidate within a small edit distance, else "".
    static func suggestion(for name: String, among candidates: [String]) -> String {
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A mapping's known entries, in file order.
    struct Entries {
        /// The mapping node itself, for problems about the whole mapping.
        var node: Node
        var pairs: [(name: String, key: Node, value: Node)] = []

        subscript(name: String) -> Node? { pairs.first { $0.name == name }?.value }

        /// The key node of `name`, for problems about the key.
        func key(_ name: String) -> Node? { pairs.first { $0.name == name }?.key }
    }
}
