/// Serializes `JSONValue`s byte-identically to Python's `json.dumps(value, indent=2)`
/// (with its defaults `ensure_ascii=True`, `allow_nan=True`, insertion-ordered keys).
///
/// Layout: two-space indentation, one item per line, `,` at line ends, `": "` after keys,
/// `[]`/`{}` for empty containers. Strings escape `"` `\` `\n` `\r` `\t` `\b` `\f`, other
/// control characters and DEL (0x7F) as `\u00xx`, and every non-ASCII character as lowercase
/// `\uxxxx` (UTF-16 surrogate pairs above U+FFFF); `/` is not escaped. Doubles use Python's
/// `repr` (`75.0`, `1e-05`), non-finite doubles `NaN`, `Infinity`, `-Infinity`.
public enum CanonicalJSON {
    /// Encodes `value`; with `trailingNewline` the output ends with exactly one `\n`
    /// (as `print(json.dumps(value, indent=2))` or a file written with a final newline).
    public static func encode(_ value: JSONValue, trailingNewline: Bool = true) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        append(value, to: &buffer)
        if trailingNewline { buffer.append(0x0A) }
        return buffer
    }

    /// Appends `value` to `buffer` without a trailing newline. `indent` is the nesting level the
    /// value sits at (0 for a document root): its nested lines are indented by `2 × (indent + 1)`
    /// spaces and its closing bracket by `2 × indent` spaces, so a value can be embedded in a
    /// document being written by hand.
    public static func append(_ value: JSONValue, to buffer: inout [UInt8], indent: Int = 0) {
        // Containers are written by separate functions to keep this recursive frame small.
        switch value {
        case .array(let elements):
            appendArray(elements, to: &buffer, level: indent)
        case .object(let object):
            appendObject(object, to: &buffer, level: indent)
        default:
            appendScalar(value, to: &buffer)
        }
    }

    private static func appendScalar(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .null:
            appendASCII("null", to: &buffer)
        case .bool(let flag):
            appendASCII(flag ? "true" : "false", to: &buffer)
        case .int(let integer):
            if integer < 0 { buffer.append(UInt8(ascii: "-")) }
            PythonFloat.appendDecimal(integer.magnitude, to: &buffer)
        case .double(let number):
            PythonFloat.appendRepr(number, to: &buffer, json: true)
        case .string(let text):
            appendString(text, to: &buffer)
        case .array, .object:
            append(value, to: &buffer)
        }
    }

    private static func appendArray(_ elements: [JSONValue], to buffer: inout [UInt8], level: Int) {
        guard !elements.isEmpty else {
            appendASCII("[]", to: &buffer)
            return
        }
        buffer.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            appendLineBreak(level: level + 1, to: &buffer)
            append(element, to: &buffer, indent: level + 1)
        }
        appendLineBreak(level: level, to: &buffer)
        buffer.append(UInt8(ascii: "]"))
    }

    private static func appendObject(_ object: JSONObject, to buffer: inout [UInt8], level: Int) {
        guard !object.isEmpty else {
            appendASCII("{}", to: &buffer)
            return
        }
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for (key, member) in object.pairs {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            appendLineBreak(level: level + 1, to: &buffer)
            appendString(key, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
            append(member, to: &buffer, indent: level + 1)
        }
        appendLineBreak(level: level, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends `text` as a quoted JSON string escaped exactly like Python's `ensure_ascii=True`.
    public static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                if runStart < index {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                }
                if byte < 0x80 {
                    appendEscapedASCII(byte, to: &buffer)
                    index += 1
                } else {
                    // Swift strings are valid UTF-8, so the sequence is well formed.
                    var scalar: UInt32
                    let length: Int
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F)
                        length = 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F)
                        length = 3
                    } else {
                        scalar = UInt32(byte & 0x07)
                        length = 4
                    }
                    var continuation = index + 1
                    while continuation < index + length && continuation < count {
                        scalar = scalar << 6 | UInt32(utf8[continuation] & 0x3F)
                        continuation += 1
                    }
                    if scalar >= 0x10000 {
                        let offset = scalar - 0x10000
                        appendUnicodeEscape(UInt16(0xD800 + (offset >> 10)), to: &buffer)
                        appendUnicodeEscape(UInt16(0xDC00 + (offset & 0x3FF)), to: &buffer)
                    } else {
                        appendUnicodeEscape(UInt16(scalar), to: &buffer)
                    }
                    index += length
                }
                runStart = index
            }
            if runStart < count {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private static func appendEscapedASCII(_ byte: UInt8, to buffer: inout [UInt8]) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            appendUnicodeEscape(UInt16(byte), to: &buffer)
            return
        }
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(short)
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "u"))
        buffer.append(hexDigit(unit >> 12))
        buffer.append(hexDigit(unit >> 8))
        buffer.append(hexDigit(unit >> 4))
        buffer.append(hexDigit(unit))
    }

    private static func hexDigit(_ value: UInt16) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0xF)
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static func appendLineBreak(level: Int, to buffer: inout [UInt8]) {
        buffer.append(0x0A)
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static func appendASCII(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
