import SeekCore

/// Typed reads of a Hugging Face (text) config with the reference's `_require` semantics.
struct ConfigFields {
    let object: JSONObject

    init(_ object: JSONObject) {
        self.object = object
    }

    /// The value of `key`, `nil` when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// Python `int(config[key])`: required, truncating floats.
    func require(_ key: String) throws -> Int {
        guard let value = value(key) else { throw ModelConfigError.missing(key) }
        return try Self.integer(value, key: key)
    }

    /// `int(config[key])` when present and not `null`, else `nil`.
    func optional(_ key: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        return try Self.integer(value, key: key)
    }

    /// Python `config.get(key) or 0`, converted to an int.
    func orZero(_ key: String) throws -> Int {
        guard let value = value(key), Self.isTruthy(value) else { return 0 }
        return try Self.integer(value, key: key)
    }

    /// Python `config.get(key) or H // nH` for `head_dim`.
    func headDim(hidden: Int, heads: Int) throws -> Int {
        let explicit = try orZero("head_dim")
        if explicit != 0 { return explicit }
        guard heads != 0 else {
            throw ModelConfigError(modelName: "", message: "Config field 'num_attention_heads' must not be 0")
        }
        return hidden / heads
    }

    func bool(_ key: String) -> Bool {
        value(key).map(Self.isTruthy) ?? false
    }

    static func integer(_ value: JSONValue, key: String) throws -> Int {
        switch value {
        case .int(let integer):
            return integer
        case .double(let number) where number.isFinite && abs(number) < 9.0e18:
            return Int(number.rounded(.towardZero))
        case .bool(let flag):
            return flag ? 1 : 0
        default:
            throw ModelConfigError.invalid(key, value, expected: "an integer")
        }
    }

    /// Python truthiness of a JSON value.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let integer): return integer != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }
}
