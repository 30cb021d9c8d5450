import SeekCore
import Yams

/// Readers for the shapes the maintainer tables share: lists of names, tables of names to values,
/// numbers kept as written, one of a fixed set of words.
extension ConfigReader {
    /// A list of non-empty text items, each with its node, in file order; nil (reported) when `node`
    /// is not a list. An item that is not text is reported and left out.
    ///
    /// - Parameters:
    ///   - node: The list, nil when the key is absent.
    ///   - what: The key as messages name it, e.g. `providers`; an item is `providers[2]`.
    package func strings(_ node: Node?, _ what: String) -> [(value: String, node: Node)]? {
        guard let items = sequence(node, what) else { return nil }
        return items.enumerated().compactMap { index, item in
            nonEmptyString(item, "\(what)[\(index)]").map { ($0, item) }
        }
    }

    /// A mapping of text keys to values read with `read`, in file order; nil (reported) when `node`
    /// is not a mapping. A pair whose key is not text or whose value `read` rejects is left out.
    ///
    /// - Parameters:
    ///   - node: The mapping, nil when the key is absent.
    ///   - what: The key as messages name it; a value is `what.KEY`.
    ///   - expected: What the values are, for the message about a non-mapping ("numbers", "text").
    ///   - read: Reads one value; given the value and its name for messages, reports and returns nil when wrong.
    /// - Returns: Each pair with the node of its key.
    package func pairs<Value>(_ node: Node?, _ what: String, of expected: String,
                              _ read: (Node, String) -> Value?) -> [(key: String, value: Value, node: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report("\(what) must be a mapping of names to \(expected), not \(describe(node))", at: node)
            return nil
        }
        var pairs: [(key: String, value: Value, node: Node)] = []
        for (key, value) in mapping {
            guard let name = string(key, "a key of \(what)"), let read = read(value, "\(what).\(name)") else { continue }
            pairs.append((name, read, key))
        }
        return pairs
    }

    /// A mapping of text to text, in file order (`metadata`, `headers`).
    package func stringPairs(_ node: Node?, _ what: String) -> [(key: String, value: String, node: Node)]? {
        pairs(node, what, of: "text") { string($0, $1) }
    }

    /// A number kept as it is written, so that it prints the same in JSON: a whole number in plain
    /// decimal (`96`, `-3`; not `0x60`, `0o140` or `9_6`) is an int, a finite decimal (`96.0`,
    /// `4099.999999999999`) a double, parsed correctly rounded as Python parses it.
    ///
    /// - Returns: The number, or nil (reported) for anything else, a quoted number included.
    package func writtenNumber(_ node: Node?, _ what: String) -> JSONNumber? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            let text = scalar.string
            if kind(node) == .int, let integer = Int(text), String(integer) == text { return .int(integer) }
            if kind(node) == .float, !text.contains("_"), let number = Double(text), number.isFinite { return .double(number) }
        }
        report("\(what) must be a plain decimal number without quotes (e.g. 96 or 96.0), not \(describe(node))", at: node)
        return nil
    }

    /// A UTC day written `YYYY-MM-DD` (quoted or not: YAML's timestamp is read as its text).
    package func day(_ node: Node?, _ what: String) -> Day? {
        guard let node else { return nil }
        guard let text = string(node, what) else { return nil }
        guard let day = Day(iso: text) else {
            report("\(what) must be a day written YYYY-MM-DD, not \(describe(node))", at: node)
            return nil
        }
        return day
    }

    /// One of an enumeration's raw values; an unknown word is reported with every valid one and the closest.
    ///
    /// - Parameters:
    ///   - node: The value, nil when the key is absent.
    ///   - what: The key as messages name it, e.g. `GPU 'A10': interconnect_tier`.
    package func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node?, _ what: String,
                                                                  as _: Choice.Type = Choice.self) -> Choice?
    where Choice.RawValue == String {
        guard let text = nonEmptyString(node, what) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let valid = Choice.allCases.map(\.rawValue)
            report("\(what) '\(text)' is unknown; use one of \(valid.joined(separator: ", "))"
                   + Self.suggestion(for: text, among: valid), at: node)
            return nil
        }
        return value
    }
}

/// The names met so far in one list, to report a name used twice at its second use.
package struct SeenNames {
    private var places: [String: String] = [:]

    /// Creates an empty register.
    package init() {}

    /// Where `name` was met before, as "line L, column C", or nil when this is its first use (then
    /// it is recorded at `node`'s position).
    package mutating func earlierPlace(of name: String, at node: Node) -> String? {
        if let place = places[name] { return place }
        places[name] = "line \(node.mark?.line ?? 1), column \(node.mark?.column ?? 1)"
        return nil
    }
}
