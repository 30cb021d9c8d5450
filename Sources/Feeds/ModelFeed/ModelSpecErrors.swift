import SeekCore

/// A model whose (text) `model_type` is not in `config/model-architectures.yaml`. The models step skips
/// such a model and reports it; it is not fatal (reference `UnsupportedArchitecture`).
public struct UnsupportedArchitectureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pipeline's model name.
    public var modelName: String
    /// The effective `model_type` (`"None"` when the config has none, as Python prints it).
    public var modelType: String
    /// The Hugging Face repository the config came from, if any.
    public var hfModelID: String?

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - modelName: The pipeline's model name.
    ///   - modelType: The unsupported `model_type`.
    ///   - hfModelID: The repository id, if any.
    public init(modelName: String, modelType: String, hfModelID: String?) {
        self.modelName = modelName
        self.modelType = modelType
        self.hfModelID = hfModelID
    }

    /// `Unsupported architecture model_type='…' for name (hf_id)`, as the reference words it.
    public var description: String {
        "Unsupported architecture model_type='\(modelType)' for \(modelName) (\(hfModelID ?? "None"))"
    }
}

/// A `config.json` that lacks a field the counters need, or holds a value of the wrong kind.
public struct ModelConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pipeline's model name (empty when raised outside ``ModelSpecDeriver``).
    public var modelName: String
    /// What is wrong, naming the field, e.g. `Required config field 'vocab_size' is missing`.
    public var message: String

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - modelName: The pipeline's model name, or `""`.
    ///   - message: The problem, naming the field.
    public init(modelName: String, message: String) {
        self.modelName = modelName
        self.message = message
    }

    /// `name: message`, or just the message when no model is named.
    public var description: String {
        modelName.isEmpty ? message : "\(modelName): \(message)"
    }

    /// The error for a missing required field.
    static func missing(_ key: String) -> ModelConfigError {
        ModelConfigError(modelName: "", message: "Required config field '\(key)' is missing")
    }

    /// The error for a field whose value is not what the counter needs.
    static func invalid(_ key: String, _ value: JSONValue, expected: String) -> ModelConfigError {
        ModelConfigError(modelName: "",
                         message: "Config field '\(key)' must be \(expected), not \(pythonTypeName(value)) \(value)")
    }

    /// Python's type name of a JSON value, for messages that mirror the reference's.
    static func pythonTypeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}
