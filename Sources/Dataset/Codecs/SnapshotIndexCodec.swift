import SeekCore

/// `snapshots/index.json` in seekgpu's format (`snapshots`, `latest`, `index_commit`, `config_digest`,
/// `source_commits`, and `future_commits` only when there are any), or in the reference's
/// (`snapshots`, `latest`, `generated_at`), which decodes without an index commit. Anything else
/// is an error that names the file.
enum SnapshotIndexCodec {
    static let keys = ["snapshots", "latest", "index_commit", "config_digest", "source_commits", "future_commits"]
    static let referenceKeys = ["snapshots", "latest", "generated_at"]

    @Sendable static func json(_ index: SnapshotIndex) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("snapshots", .array(index.snapshots.map { .string($0.iso) })),
            ("latest", index.latest.map { .string($0.iso) } ?? .null),
            ("index_commit", index.indexCommit.map(JSONValue.string) ?? .null),
            ("config_digest", .string(index.configDigest)),
            ("source_commits", .object(JSONObject(index.sourceCommits.map { ($0.day.iso, JSONValue.string($0.commit)) }))),
        ]
        if !index.futureCommits.isEmpty {
            fields.append(("future_commits", .array(index.futureCommits.map(JSONValue.string))))
        }
        return .object(JSONObject(fields))
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> SnapshotIndex {
        let fields = try Fields(value, at: Location(file: file))
        let isOurs = fields.has("index_commit") || fields.has("source_commits")
        let isReference = !isOurs && fields.has("generated_at")
        guard isOurs || isReference else {
            throw DatasetError(file: file, reason: "is neither seekgpu's snapshot index (with index_commit and source_commits) "
                               + "nor the reference implementation's (with generated_at); it has "
                               + (fields.object.keys.isEmpty ? "no keys" : "the keys " + fields.object.keys.joined(separator: ", ")))
        }
        if isOurs {
            try fields.expect(Array(keys.dropLast()), optional: ["future_commits"])
        } else {
            try fields.expect(referenceKeys)
        }
        var days: [Day] = []
        for (index, item) in try fields.array("snapshots").enumerated() {
            let location = fields.location.appending("snapshots").item(index)
            guard let text = item.stringValue, let day = Day(iso: text) else {
                throw location.error("must be a YYYY-MM-DD date, not \(describe(item))")
            }
            if let last = days.last, day <= last { throw location.error("\(day.iso) is not after \(last.iso)") }
            days.append(day)
        }
        let latest = try fields.optionalDay("latest")
        guard latest == days.last else {
            throw fields.location.appending("latest").error("is \(latest?.iso ?? "null") but the last snapshot is \(days.last?.iso ?? "none")")
        }
        guard isOurs else {
            _ = try fields.string("generated_at")
            return SnapshotIndex(snapshots: days, indexCommit: nil, configDigest: "", sourceCommits: [])
        }
        let sources = try fields.nested("source_commits")
        var pairs: [(day: Day, commit: String)] = []
        for key in sources.object.keys {
            guard let day = Day(iso: key) else { throw sources.location.appending(key).error("is not a YYYY-MM-DD date") }
            pairs.append((day, try commitID(sources, key)))
        }
        var future: [String] = []
        if fields.has("future_commits") {
            for (index, item) in try fields.array("future_commits").enumerated() {
                guard let text = item.stringValue, isCommitID(text) else {
                    throw fields.location.appending("future_commits").item(index).error("must be a commit id, not \(describe(item))")
                }
                future.append(text)
            }
        }
        return SnapshotIndex(snapshots: days, indexCommit: fields.isNull("index_commit") ? nil : try commitID(fields, "index_commit"),
                             configDigest: try fields.string("config_digest"),
                             sourceCommits: pairs.sorted { $0.day < $1.day }, futureCommits: future)
    }

    private static func commitID(_ fields: Fields, _ key: String) throws(DatasetError) -> String {
        let text = try fields.string(key)
        guard isCommitID(text) else { throw fields.location.appending(key).error("must be a 40-digit commit id, not '\(text)'") }
        return text
    }

    private static func isCommitID(_ text: String) -> Bool {
        text.utf8.count == 40 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
