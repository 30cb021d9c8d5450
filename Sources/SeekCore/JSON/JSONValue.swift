/// A JSON document value with Python-compatible semantics.
///
/// Numbers keep the distinction Python's `json` module makes: integer literals
/// are `.int`, everything else is `.double`. Equality follows Python's `==`:
/// numbers compare numerically across `.int`/`.double` (`.int(42) == .double(42.0)`),
/// objects compare as unordered key sets, arrays compare element-wise in order and
/// strings compare by Unicode scalar (code point) sequence rather than by Swift's
/// canonical equivalence. Unlike Python, `.bool(true)` is *not* equal to `.int(1)`,
/// because the two serialize differently.
public enum JSONValue: Sendable {
    /// JSON `null` (Python `None`).
    case null
    /// JSON `true` / `false`.
    case bool(Bool)
    /// An integer that fits in `Int`.
    case int(Int)
    /// A floating-point number (also used for integer literals too large for `Int`).
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered array.
    case array([JSONValue])
    /// An object whose keys keep their insertion order.
    case object(JSONObject)
}

extension JSONValue {
    /// The string payload, or `nil` when this is not a `.string`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The numeric payload as a `Double` for `.int` and `.double` (never for `.bool`).
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The integer payload for `.int`, or for a `.double` holding an exactly representable integer.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Int(exactly: d)
        default: return nil
        }
    }

    /// The boolean payload, or `nil` when this is not a `.bool`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, or `nil` when this is not an `.array`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, or `nil` when this is not an `.object`.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// `true` when this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` when this is an array and the index is in range, otherwise `nil`.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, a.indices.contains(index) else { return nil }
        return a[index]
    }
}

extension JSONValue: Equatable {
    /// Python `==`: numeric across int/double, unordered objects, ordered arrays.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.int(let a), .int(let b)):
            return a == b
        case (.double(let a), .double(let b)):
            return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return exactlyEqual(a, b)
        case (.string(let a), .string(let b)):
            return scalarsEqual(a, b)
        case (.array(let a), .array(let b)):
            return a == b
        case (.object(let a), .object(let b)):
            return a == b
        default:
            return false
        }
    }

    /// Exact comparison of an integer with a double, as Python does (no rounding of the integer).
    static func exactlyEqual(_ i: Int, _ d: Double) -> Bool {
        guard let converted = Int(exactly: d) else { return false }
        return converted == i
    }

    /// Code-point equality (Python semantics) instead of Swift's canonical equivalence.
    static func scalarsEqual(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates `.int`.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// Creates `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates `.array`.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object`, keeping the literal's key order (a repeated key keeps its first position, last value).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as Python `json.dumps(value, indent=2)` would print it.
    public var description: String {
        String(decoding: CanonicalJSON.encode(self, trailingNewline: false), as: UTF8.self)
    }
}
