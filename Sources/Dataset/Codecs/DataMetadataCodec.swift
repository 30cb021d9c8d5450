import SeekCore

/// `metadata.json`: `index_commit`, `latest_snapshot`, `prices_as_of`, `catalog_versions`, then `sizing_model`
/// when known (files written before it was recorded lack it). The reference's file (`{"updated_at": …}`, a run
/// time) decodes too.
enum DataMetadataCodec {
    static let keys = ["index_commit", "latest_snapshot", "prices_as_of", "catalog_versions"]

    @Sendable static func json(_ metadata: DataMetadata) -> JSONValue {
        .object(JSONObject([
            ("index_commit", metadata.indexCommit.map(JSONValue.string) ?? .null),
            ("latest_snapshot", metadata.latestSnapshot.map { .string($0.iso) } ?? .null),
            ("prices_as_of", metadata.pricesAsOf.map { .string($0.iso) } ?? .null),
            ("catalog_versions", .object(JSONObject(metadata.catalogVersions.map { ($0.provider, JSONValue.string($0.version)) }))),
        ] + (metadata.sizingModel.map { [("sizing_model", JSONValue.string($0))] } ?? [])))
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> DataMetadata {
        let fields = try Fields(value, at: Location(file: file))
        if fields.has("updated_at") {
            try fields.expect(["updated_at"])
            return DataMetadata(indexCommit: nil, latestSnapshot: nil, pricesAsOf: nil, catalogVersions: [],
                                referenceUpdatedAt: try fields.string("updated_at"))
        }
        try fields.expect(keys, optional: ["sizing_model"])
        let versions = try fields.nested("catalog_versions")
        var pairs: [(provider: String, version: String)] = []
        for key in versions.object.keys { pairs.append((key, try versions.string(key))) }
        return DataMetadata(indexCommit: try fields.optionalString("index_commit"),
                            latestSnapshot: try fields.optionalDay("latest_snapshot"),
                            pricesAsOf: try fields.optionalDay("prices_as_of"), catalogVersions: pairs,
                            sizingModel: fields.has("sizing_model") ? try fields.string("sizing_model") : nil)
    }
}
