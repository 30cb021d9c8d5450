import SeekCore

/// One field of a record that differs between the two versions.
public struct FieldChange: Sendable, Equatable {
    /// The JSON key, e.g. `precision`.
    public var field: String
    /// The value before; nil when the key was absent.
    public var old: JSONValue?
    /// The value after; nil when the key is gone.
    public var new: JSONValue?
}

/// Records of a JSON array keyed by one string field (`models.json` by `model_name`,
/// `gpu_specs.json` by `gpu_name`): which appeared, which disappeared, and which fields changed.
///
/// Every field is compared, so a field added to the schema later is reported without code changes.
/// Rows without the key field are ignored; a duplicated key keeps its last row.
public struct RecordChanges: Sendable, Equatable {
    /// A record that only one side has.
    public struct Record: Sendable, Equatable {
        /// The key field's value.
        public var key: String
        /// The whole row.
        public var fields: JSONObject
    }

    /// A record both sides have, with the fields that differ (in the new row's key order).
    public struct Change: Sendable, Equatable {
        /// The key field's value.
        public var key: String
        /// The differing fields.
        public var fields: [FieldChange]
    }

    /// Records only the new side has, sorted by key.
    public var added: [Record]
    /// Records only the old side has, sorted by key.
    public var removed: [Record]
    /// Records whose fields changed, sorted by key.
    public var changed: [Change]
    /// Rows on each side (0 when the file is missing).
    public var oldCount: Int, newCount: Int

    /// Compares two arrays of objects keyed by `key`; a missing file is an empty array.
    init(old: JSONValue?, new: JSONValue?, key: String) {
        let before = Self.rows(old, key: key), after = Self.rows(new, key: key)
        oldCount = before.count
        newCount = after.count
        added = after.filter { before[$0.key] == nil }.map { Record(key: $0.key, fields: $0.value) }.sorted { $0.key < $1.key }
        removed = before.filter { after[$0.key] == nil }.map { Record(key: $0.key, fields: $0.value) }.sorted { $0.key < $1.key }
        changed = after.compactMap { name, row -> Change? in
            guard let previous = before[name] else { return nil }
            let fields = Self.fieldChanges(old: previous, new: row, skipping: key)
            return fields.isEmpty ? nil : Change(key: name, fields: fields)
        }.sorted { $0.key < $1.key }
    }

    /// True when no record was added, removed or changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// The fields that differ, in `new`'s key order, then keys only `old` has.
    static func fieldChanges(old: JSONObject, new: JSONObject, skipping skipped: Set<String> = [],
                             only: [String]? = nil) -> [FieldChange] {
        var keys = new.keys + old.keys.filter { !new.contains(key: $0) }
        if let only { keys = only.filter { old.contains(key: $0) || new.contains(key: $0) } }
        return keys.filter { !skipped.contains($0) }.compactMap { field in
            old[field] == new[field] ? nil : FieldChange(field: field, old: old[field], new: new[field])
        }
    }

    static func fieldChanges(old: JSONObject, new: JSONObject, skipping key: String) -> [FieldChange] {
        fieldChanges(old: old, new: new, skipping: [key])
    }

    private static func rows(_ value: JSONValue?, key: String) -> [String: JSONObject] {
        var rows: [String: JSONObject] = [:]
        for item in value?.arrayValue ?? [] {
            guard let object = item.objectValue, let name = object[key]?.stringValue else { continue }
            rows[name] = object
        }
        return rows
    }
}
