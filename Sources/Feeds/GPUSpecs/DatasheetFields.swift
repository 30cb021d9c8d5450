import ConfigKit
import SeekCore
import Yams

/// The keys of one GPU of a datasheet file (an entry of `gpu-datasheets.yaml` or a row of
/// `gpu-datasheet-overrides.yaml`), read through a ``ConfigReader`` with the rules both files share:
/// every key is present, text is not blank, numbers are above zero and kept as written.
struct DatasheetFields {
    let reader: ConfigReader
    let entries: ConfigReader.Entries
    /// The GPU's name as written, nil when it is missing or not text.
    let name: (value: String, node: Node)?
    /// How messages name the GPU: `GPU 'A10'`, or `gpus[3]` when its name is unreadable.
    let label: String
    /// Appended to "empty" and "not above zero" number messages, e.g. where else such a GPU belongs.
    let missingValueHint: String

    /// Reads the mapping `node`, restricted to `allowed`, all of them required; nil when it is not a mapping (reported).
    init?(_ node: Node, at path: String, nameKey: String, allowed: [String], missingValueHint: String, reader: ConfigReader) {
        var name: (value: String, node: Node)?
        if case .mapping = node, let nameNode = node[nameKey], case .scalar(let scalar) = nameNode,
           reader.kind(nameNode) != .null, !scalar.string.isEmpty {
            name = (scalar.string, nameNode)
        }
        let label = name.map { "GPU '\($0.value)'" } ?? path
        guard let entries = reader.mapping(node, at: label, allowed: allowed, required: allowed) else { return nil }
        self.reader = reader
        self.entries = entries
        self.name = name
        self.label = label
        self.missingValueHint = missingValueHint
    }

    /// Text that must be filled in.
    func text(_ key: String) -> String? {
        guard let node = entries[key] else { return nil }
        guard reader.given(node) != nil else {
            reader.report("\(label): \(key) is empty; fill it in", at: node)
            return nil
        }
        return reader.nonEmptyString(node, "\(label): \(key)")
    }

    /// Text, or nil for `null` (the key itself must be present).
    func optionalText(_ key: String) -> String? {
        reader.given(entries[key]).flatMap { reader.nonEmptyString($0, "\(label): \(key)") }
    }

    /// A number greater than zero that must be filled in, kept as written (`96` an int, `96.0` a float).
    func positiveNumber(_ key: String) -> JSONNumber? {
        guard let node = entries[key] else { return nil }
        guard reader.given(node) != nil else {
            reader.report("\(label): \(key) is empty; write a number\(missingValueHint)", at: node)
            return nil
        }
        return optionalPositiveNumber(key)
    }

    /// A number greater than zero kept as written, or nil for `null`.
    func optionalPositiveNumber(_ key: String) -> JSONNumber? {
        guard let node = reader.given(entries[key]), let number = reader.writtenNumber(node, "\(label): \(key)") else { return nil }
        guard number.doubleValue > 0 else {
            reader.report("\(label): \(key) must be greater than zero, not \(reader.describe(node))\(missingValueHint)", at: node)
            return nil
        }
        return number
    }

    /// One of `none`, `nvlink_paired`, `nvswitch`.
    func tier(_ key: String) -> GPUSpec.InterconnectTier? {
        reader.choice(entries[key], "\(label): \(key)", as: GPUSpec.InterconnectTier.self)
    }
}
