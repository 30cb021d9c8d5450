/// A JSON object that keeps its keys in insertion order, like a Python `dict`.
///
/// Keys are unique and compared by Unicode code points (Python semantics), not by
/// Swift's canonical string equivalence. Assigning an existing key replaces its value
/// in place (the key keeps its first position), exactly as a Python dict does, which is
/// also how duplicate keys in parsed input behave. Equality ignores key order.
public struct JSONObject: Sendable {
    /// The members in insertion order.
    public private(set) var pairs: [(key: String, value: JSONValue)]

    /// Key → position lookup, built only once the object grows past `indexThreshold` members.
    private var index: [JSONObjectKey: Int]?

    /// Objects up to this size are searched linearly, which beats hashing for small objects.
    private static let indexThreshold = 12

    /// Creates an empty object.
    public init() {
        pairs = []
        index = nil
    }

    /// Creates an object from pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// The keys in insertion order.
    public var keys: [String] { pairs.map(\.key) }

    /// The values in key insertion order.
    public var values: [JSONValue] { pairs.map(\.value) }

    /// The number of members.
    public var count: Int { pairs.count }

    /// `true` when the object has no members.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The value for `key`; setting a new key appends it, setting an existing key replaces
    /// the value in place, and setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return pairs[position].value
        }
        set {
            if let newValue {
                setValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// `true` when the object has a member named `key`.
    public func contains(key: String) -> Bool {
        position(of: key) != nil
    }

    /// Sets `value` for `key` with Python dict semantics (existing keys keep their position).
    public mutating func setValue(_ value: JSONValue, forKey key: String) {
        if let position = position(of: key) {
            pairs[position].value = value
            return
        }
        pairs.append((key: key, value: value))
        if index != nil {
            index?[JSONObjectKey(key)] = pairs.count - 1
        } else if pairs.count > Self.indexThreshold {
            buildIndex()
        }
    }

    /// Removes the member named `key` and returns its value, if present.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        let removed = pairs.remove(at: position).value
        if index != nil {
            if pairs.count > Self.indexThreshold {
                buildIndex()
            } else {
                index = nil
            }
        }
        return removed
    }

    /// The position of `key` in `pairs`, if present.
    private func position(of key: String) -> Int? {
        if let index {
            return index[JSONObjectKey(key)]
        }
        let keyCount = key.utf8.count
        for position in pairs.indices {
            let candidate = pairs[position].key
            if candidate.utf8.count == keyCount && candidate.utf8.elementsEqual(key.utf8) {
                return position
            }
        }
        return nil
    }

    private mutating func buildIndex() {
        var built = [JSONObjectKey: Int](minimumCapacity: pairs.count * 2)
        for (position, pair) in pairs.enumerated() {
            built[JSONObjectKey(pair.key)] = position
        }
        index = built
    }
}

extension JSONObject: Equatable {
    /// Python dict equality: same key set (by code points) with equal values, order ignored.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.pairs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in insertion order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        pairs.makeIterator()
    }
}
