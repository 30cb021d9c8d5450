import Foundation
import Yams

/// Walks a composed YAML tree into typed values, collecting every problem with its line and column
/// instead of stopping at the first (Yams' `Decodable` path reports one problem, without a column).
///
/// Every configuration file of seekgpu is read through one: the maintainer tables in `config/`
/// and `export.yaml`. A loader composes the document with ``document(_:empty:)``, reads each value
/// with the typed readers (which report what they found when it is not what they expect and return
/// nil), adds its own checks with ``report(_:at:)``, and ends with ``check(file:)``.
///
/// ```swift
/// let reader = ConfigReader()
/// guard let root = reader.document(yaml, empty: "the file is empty; it needs 'providers'"),
///       let top = reader.mapping(root, at: "the file", allowed: ["providers"], required: ["providers"]) else { … }
/// let providers = reader.strings(top["providers"], "providers")
/// try reader.check(file: path)
/// ```
///
/// Not `Sendable`: Yams nodes hold weak anchors; one reader lives inside one loader call.
package final class ConfigReader {
    /// The problems reported so far, in the order they were found.
    package private(set) var problems: [ConfigProblem] = []

    /// Creates a reader with no problems.
    package init() {}

    /// Throws every problem reported so far, in file order; returns when there is none.
    ///
    /// - Parameter file: The file's path or name, printed before each problem.
    /// - Throws: ``ConfigFileError`` with every problem.
    package func check(file: String) throws(ConfigFileError) {
        guard problems.isEmpty else { throw error(file: file) }
    }

    /// Every problem reported so far, as the error to throw when a file cannot be read any further.
    ///
    /// - Parameter file: The file's path or name, printed before each problem.
    package func error(file: String) -> ConfigFileError {
        ConfigFileError(file: file, problems: problems)
    }

    /// Records a problem at `node`'s position (line 1, column 1 when it has none).
    package func report(_ message: String, at node: Node?) {
        let mark = node?.mark
        report(ConfigProblem(message: message, line: mark?.line ?? 1, column: mark?.column ?? 1))
    }

    /// Records a problem whose position is already known (a YAML syntax error).
    package func report(_ problem: ConfigProblem) {
        problems.append(problem)
    }

    /// A mapping's entries by key, in file order; reports a non-mapping, non-text keys, unknown keys
    /// (with the closest known key) and missing required keys.
    package func mapping(_ node: Node, at path: String, allowed: [String], required: [String] = []) -> Entries? {
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
    package func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, kind(node) != .null else {
            report("\(what) must be text, not \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// A non-empty text value.
    package func nonEmptyString(_ node: Node?, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("\(what) must not be empty", at: node)
            return nil
        }
        return text
    }

    /// `true` or `false`.
    package func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard kind(node) == .bool, let value = node.bool else {
            report("\(what) must be true or false, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A whole number.
    package func int(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard kind(node) == .int, let value = node.int else {
            report("\(what) must be a whole number, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A finite number (whole or decimal).
    package func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard kind(node) == .int || kind(node) == .float, let value = node.float, value.isFinite else {
            report("\(what) must be a number, not \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A sequence's items.
    package func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node else {
            report("\(what) must be a list, not \(describe(node))", at: node)
            return nil
        }
        return Array(items)
    }

    /// The scalar's resolved YAML type, nil for collections.
    package func kind(_ node: Node) -> Tag.Name? {
        guard case .scalar = node else { return nil }
        for name in [Tag.Name.str, .int, .float, .bool, .null] where node.tag == Tag(name) { return name }
        return .str
    }

    /// "a list", "a mapping", "null", "the number 5", "the text 'x'", for messages.
    package func describe(_ node: Node) -> String {
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
    package static func suggestion(for name: String, among candidates: [String]) -> String {
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    /// Levenshtein distance over characters.
    package static func editDistance(_ a: String, _ b: String) -> Int {
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
    package struct Entries {
        /// The mapping node itself, for problems about the whole mapping.
        package var node: Node
        /// The known keys, their key nodes and values, in file order.
        package var pairs: [(name: String, key: Node, value: Node)] = []

        /// The value of `name`, nil when the key is absent.
        package subscript(name: String) -> Node? { pairs.first { $0.name == name }?.value }

        /// The key node of `name`, for problems about the key.
        package func key(_ name: String) -> Node? { pairs.first { $0.name == name }?.key }
    }
}
