import SeekCore

/// The members of one JSON object being decoded, read strictly: each getter checks presence and
/// type and fails with a ``DatasetError`` naming the file, row and field.
///
/// An optional member may be absent or `null`; a required one must be present and not `null`.
struct Fields {
    let object: JSONObject
    let location: Location

    /// The object at `location`; anything else is an error.
    init(_ value: JSONValue, at location: Location) throws(DatasetError) {
        guard let object = value.objectValue else {
            throw location.error("must be an object, not \(describe(value))")
        }
        self.object = object
        self.location = location
    }

    /// Fails when the object has a member not in `keys` (a field this version of seekgpu does not know).
    func allowOnly(_ keys: [String]) throws(DatasetError) {
        for key in object.keys where !keys.contains(key) {
            throw location.appending(key).error("is not a known field (known: \(keys.joined(separator: ", ")))")
        }
    }

    /// Fails when a member of `keys` is missing (a `null` is present) or one not in `keys` or
    /// `optional` is there: the file's schema lists every field, nullable ones included.
    func expect(_ keys: [String], optional: [String] = []) throws(DatasetError) {
        for key in keys where !object.contains(key: key) {
            throw location.appending(key).error("is missing")
        }
        try allowOnly(keys + optional)
    }

    /// True when the member is present (even if `null`).
    func has(_ key: String) -> Bool { object.contains(key: key) }

    /// True when the member is present and `null`.
    func isNull(_ key: String) -> Bool { object[key]?.isNull == true }

    /// A positive number kept as written (memory, throughput, bandwidth).
    func positiveNumber(_ key: String) throws(DatasetError) -> JSONNumber {
        let number = try number(key)
        guard number.doubleValue > 0 else { throw location.appending(key).error("\(number) is not greater than zero") }
        return number
    }

    /// An optional whole number that must not be negative (a count).
    func optionalCount(_ key: String) throws(DatasetError) -> Int? {
        guard let count = try optionalInt(key) else { return nil }
        guard count >= 0 else { throw location.appending(key).error("\(count) is not a count (≥ 0)") }
        return count
    }

    private func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    private func required(_ key: String) throws(DatasetError) -> JSONValue {
        guard let value = object[key] else { throw location.appending(key).error("is missing") }
        guard !value.isNull else { throw location.appending(key).error("must not be null") }
        return value
    }

    private func wrong(_ key: String, _ expected: String, _ value: JSONValue) -> DatasetError {
        location.appending(key).error("must be \(expected), not \(describe(value))")
    }

    func string(_ key: String) throws(DatasetError) -> String {
        let value = try required(key)
        guard let text = value.stringValue else { throw wrong(key, "text", value) }
        return text
    }

    func optionalString(_ key: String) throws(DatasetError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw wrong(key, "text or null", value) }
        return text
    }

    func double(_ key: String) throws(DatasetError) -> Double {
        let value = try required(key)
        guard let number = value.doubleValue, number.isFinite else { throw wrong(key, "a number", value) }
        return number
    }

    func optionalDouble(_ key: String) throws(DatasetError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.doubleValue, number.isFinite else { throw wrong(key, "a number or null", value) }
        return number
    }

    /// A number kept as written: `96` an int, `96.0` a float.
    func number(_ key: String) throws(DatasetError) -> JSONNumber {
        let value = try required(key)
        guard let number = JSONNumber(value) else { throw wrong(key, "a number", value) }
        return number
    }

    func optionalNumber(_ key: String) throws(DatasetError) -> JSONNumber? {
        guard let value = value(key) else { return nil }
        guard let number = JSONNumber(value) else { throw wrong(key, "a number or null", value) }
        return number
    }

    func int(_ key: String) throws(DatasetError) -> Int {
        let value = try required(key)
        guard case .int(let number) = value else { throw wrong(key, "a whole number", value) }
        return number
    }

    func optionalInt(_ key: String) throws(DatasetError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .int(let number) = value else { throw wrong(key, "a whole number or null", value) }
        return number
    }

    func bool(_ key: String) throws(DatasetError) -> Bool {
        let value = try required(key)
        guard let flag = value.boolValue else { throw wrong(key, "true or false", value) }
        return flag
    }

    func day(_ key: String) throws(DatasetError) -> Day {
        let text = try string(key)
        guard let day = Day(iso: text) else { throw location.appending(key).error("must be a YYYY-MM-DD date, not '\(text)'") }
        return day
    }

    func optionalDay(_ key: String) throws(DatasetError) -> Day? {
        guard let text = try optionalString(key) else { return nil }
        guard let day = Day(iso: text) else { throw location.appending(key).error("must be a YYYY-MM-DD date or null, not '\(text)'") }
        return day
    }

    func array(_ key: String) throws(DatasetError) -> [JSONValue] {
        let value = try required(key)
        guard let items = value.arrayValue else { throw wrong(key, "a list", value) }
        return items
    }

    func nested(_ key: String) throws(DatasetError) -> Fields {
        try Fields(try required(key), at: location.appending(key))
    }

    /// A number that must lie in `range`.
    func double(_ key: String, in range: ClosedRange<Double>, _ meaning: String) throws(DatasetError) -> Double {
        let number = try double(key)
        guard range.contains(number) else { throw location.appending(key).error("\(PythonFloat.repr(number)) is not \(meaning)") }
        return number
    }
}

/// The rows of a list file, each decoded by `row` with its 1-based position in errors.
func rows<Row>(_ value: JSONValue, file: String, _ row: (Fields) throws(DatasetError) -> Row) throws(DatasetError) -> [Row] {
    guard let items = value.arrayValue else {
        throw DatasetError(file: file, reason: "must be a list of rows, not \(describe(value))")
    }
    var result: [Row] = []
    result.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
        result.append(try row(try Fields(item, at: Location(file: file, row: index + 1))))
    }
    return result
}
