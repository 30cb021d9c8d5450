import Foundation
import Yams

/// Readers that take values the way gpuport's configuration models (pydantic, lax mode) take them, so a
/// configuration written for gpuport means the same here:
///
/// - an explicit `null` for a key gpuport declares optional (`endpoint_url: null`) is the key left out;
/// - booleans may be written as the words pydantic accepts (`true`, `"yes"`, `on`, `"1"`, …, any case) or 0 and 1;
/// - whole numbers may be written as `3`, `3.0` or `"3"`; numbers as `2.5` or `"2.5"`.
///
/// Text stays as strict as before (a number where text is expected is taken as written).
extension ConfigReader {
    /// The words pydantic reads as true.
    package static let trueWords: Set<String> = ["true", "yes", "on", "1", "t", "y"]
    /// The words pydantic reads as false.
    package static let falseWords: Set<String> = ["false", "no", "off", "0", "f", "n"]

    /// `node`, or nil when the key is missing or explicitly `null` (also `~` and an empty value).
    package func given(_ node: Node?) -> Node? {
        guard let node, kind(node) != .null else { return nil }
        return node
    }

    /// A boolean: YAML's `true`/`false`, a word pydantic reads as one, or the number 0 or 1.
    package func flag(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if kind(node) == .bool, let value = node.bool { return value }
        if case .scalar(let scalar) = node, kind(node) != .null {
            let word = scalar.string.trimmingCharacters(in: .whitespaces).lowercased()
            if Self.trueWords.contains(word) || (kind(node) != .str && Double(word) == 1) { return true }
            if Self.falseWords.contains(word) || (kind(node) != .str && Double(word) == 0) { return false }
        }
        report("\(what) must be true or false, not \(describe(node))", at: node)
        return nil
    }

    /// A whole number: `3`, `3.0`, or the same in quotes.
    package func wholeNumber(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        if kind(node) == .int, let value = node.int { return value }
        if let value = numericValue(node), value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        report("\(what) must be a whole number, not \(describe(node))", at: node)
        return nil
    }

    /// A finite number: `2`, `2.5`, or the same in quotes.
    package func decimal(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        if let value = numericValue(node) { return value }
        report("\(what) must be a number, not \(describe(node))", at: node)
        return nil
    }

    /// The number a scalar holds, plain or quoted; nil for anything else or a non-finite number.
    private func numericValue(_ node: Node) -> Double? {
        guard case .scalar(let scalar) = node, kind(node) != .null, kind(node) != .bool else { return nil }
        let value: Double?
        if kind(node) == .int || kind(node) == .float {
            value = node.float
        } else {
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            // Digits with an optional sign, point and exponent; not "nan", "inf" or hexadecimal.
            let isNumeral = !text.isEmpty && text.unicodeScalars.allSatisfy { "0123456789+-.eE".unicodeScalars.contains($0) }
            value = isNumeral ? Double(text) : nil
        }
        guard let value, value.isFinite else { return nil }
        return value
    }
}
