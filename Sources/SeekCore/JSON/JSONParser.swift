import Foundation

/// A strict RFC 8259 JSON parser producing `JSONValue`s with Python `json.loads` number semantics.
///
/// Rejected (unlike Foundation's `JSONSerialization` or Python's lenient defaults): trailing
/// commas, bare words, `NaN`/`Infinity`, leading zeros, `+1`, `.5`, `1.`, raw control characters
/// in strings, invalid escapes, a UTF-8 byte-order mark, invalid UTF-8, trailing data, numbers
/// that overflow `Double`, and nesting deeper than `maxDepth`. Whitespace is space, tab, LF, CR.
///
/// Integer literals (no fraction or exponent) become `.int` when they fit in `Int`, otherwise a
/// correctly rounded `.double`; all other numbers become correctly rounded `.double`s. A lone UTF-16
/// surrogate in a `\u` escape becomes U+FFFD. Duplicate object keys keep the first position and the
/// last value, like a Python dict.
public enum JSONParser {
    /// The default maximum nesting depth of arrays and objects.
    public static let defaultMaxDepth = 512

    /// Parses a complete JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { parse(buffer: $0, maxDepth: maxDepth) }.get()
    }

    /// Parses a complete JSON document from UTF-8 bytes.
    public static func parse(_ data: Data, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try data.withUnsafeBytes { raw in
            parse(buffer: raw.assumingMemoryBound(to: UInt8.self), maxDepth: maxDepth)
        }.get()
    }

    /// Parses a complete JSON document from a string (its UTF-8 encoding).
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parse(buffer: $0, maxDepth: maxDepth) }.get()
    }

    /// Parses a complete JSON document from a buffer of UTF-8 bytes.
    public static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONSyntaxError) -> JSONValue {
        try parse(buffer: buffer, maxDepth: maxDepth).get()
    }

    /// Parses a complete JSON document from any collection of UTF-8 bytes.
    public static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { parse(buffer: $0, maxDepth: maxDepth) }
            ?? Array(bytes).withUnsafeBufferPointer { parse(buffer: $0, maxDepth: maxDepth) }
        return try result.get()
    }

    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
    ) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONByteParser(bytes: buffer, maxDepth: maxDepth)
        do throws(JSONSyntaxError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
