import SeekCore

/// A published data file that cannot be read as its type: it names the file, the row and the
/// field, and says what is wrong, so a maintainer can find and repair it.
///
/// Decoding is strict: a malformed row is this error, never a silently dropped row.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the reader names it: a path on disk, `gpus.json at 3f2a9c1`, or a bare file name.
    public var file: String
    /// The 1-based row of a list file (`gpus.json`, `models.json`, …), nil for the file as a whole.
    public var row: Int?
    /// The field, with its path inside the row when nested (`series[2].prices[0].gpu_name`, 0-based); nil for the row.
    public var field: String?
    /// What is wrong, e.g. `must be a number, not the text '12,5'`.
    public var reason: String

    /// Creates an error.
    public init(file: String, row: Int? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.row = row
        self.field = field
        self.reason = reason
    }

    /// `gpus.json: row 3: price_per_hour must be a number, not the text '12,5'`, or `gpus.json is not
    /// valid JSON (…)` for the file as a whole.
    public var description: String { row == nil && field == nil ? "\(file) \(reason)" : "\(file): \(detail)" }

    /// The problem without the file: `row 3: price_per_hour must be a number, not the text '12,5'`.
    public var detail: String {
        var text = row.map { "row \($0): " } ?? ""
        if let field { text += "\(field) " }
        return text + reason
    }

    /// The same error for the file named `name` (e.g. its full path, or with the commit it was read at).
    public func named(_ name: String) -> DatasetError {
        var copy = self
        copy.file = name
        return copy
    }
}

/// Where a value being decoded sits: the file, the row, and the path of keys inside the row.
struct Location: Sendable {
    var file: String
    var row: Int?
    var path: String?

    /// The location of `key` below this one.
    func appending(_ key: String) -> Location {
        Location(file: file, row: row, path: path.map { "\($0).\(key)" } ?? key)
    }

    /// The location of the item at 0-based `index` of the list at this location, written `[index]` as
    /// JSON paths (and the configuration files' messages) count.
    func item(_ index: Int) -> Location {
        Location(file: file, row: row, path: (path ?? "") + "[\(index)]")
    }

    /// The error at this location.
    func error(_ reason: String) -> DatasetError {
        DatasetError(file: file, row: row, field: path, reason: reason)
    }
}

/// "the text 'x'", "the number 5", "null", "a list", … for messages.
func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): "the boolean \(flag)"
    case .int(let number): "the number \(number)"
    case .double(let number): "the number \(PythonFloat.repr(number))"
    case .string(let text): "the text '\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))'"
    case .array: "a list"
    case .object: "an object"
    }
}
