import SeekCore

extension ExportValue {
    /// The value for JSON: text, integer or double (Python `repr` when written).
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(Int(number))
        case .double(let number): .double(number)
        }
    }

    /// The value as CSV or group-key text: integers plainly, doubles as Python's `repr` (`1.0`, `0.35`).
    var text: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): PythonFloat.repr(number)
        }
    }
}

/// A compact JSON writer: no whitespace, keys in insertion order, strings escaped as
/// ``CanonicalJSON`` escapes them, doubles as Python's `repr`.
enum CompactJSON {
    static func encode(_ value: JSONValue) -> [UInt8] {
        var buffer: [UInt8] = []
        append(value, to: &buffer)
        buffer.append(0x0A)
        return buffer
    }

    static func append(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .array(let items):
            buffer.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                append(item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            for (index, pair) in object.pairs.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                CanonicalJSON.appendString(pair.key, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                append(pair.value, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        default:
            // Scalars have no whitespace in the canonical form either.
            buffer += CanonicalJSON.encode(value, trailingNewline: false)
        }
    }
}
