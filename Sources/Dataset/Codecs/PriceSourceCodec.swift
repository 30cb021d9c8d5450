import SeekCore

/// `gpu_source.json`: the reference's five fields, then `as_of` and `providers`. The reference's own
/// file (the five fields only) decodes too, with no date and no providers.
enum PriceSourceCodec {
    static let referenceKeys = ["service_name", "service_url", "description", "currency", "currency_symbol"]
    static let keys = referenceKeys + ["as_of", "providers"]
    static let providerKeys = ["provider", "catalog_version", "stale", "offerings"]

    @Sendable static func json(_ source: PriceSource) -> JSONValue {
        .object(JSONObject([
            ("service_name", .string("gpuhunt")),
            ("service_url", .string("https://github.com/dstackai/gpuhunt")),
            ("description", .string(PriceSource.description)),
            ("currency", .string("USD")),
            ("currency_symbol", .string("$")),
            ("as_of", source.asOf.map { .string($0.iso) } ?? .null),
            ("providers", .array(source.providers.map { provider in
                .object(JSONObject([
                    ("provider", .string(provider.name)),
                    ("catalog_version", provider.catalogVersion.map(JSONValue.string) ?? .null),
                    ("stale", .bool(provider.stale)),
                    ("offerings", .int(provider.offerings)),
                ]))
            })),
        ]))
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> PriceSource {
        let fields = try Fields(value, at: Location(file: file))
        let isReference = !fields.has("providers") && !fields.has("as_of")
        try fields.expect(isReference ? referenceKeys : keys)
        for key in referenceKeys { _ = try fields.string(key) }
        if isReference { return PriceSource(asOf: nil, providers: []) }
        var providers: [PriceSource.Provider] = []
        for (index, item) in try fields.array("providers").enumerated() {
            let provider = try Fields(item, at: fields.location.appending("providers").item(index))
            try provider.expect(providerKeys)
            let count = try provider.int("offerings")
            guard count >= 0 else { throw provider.location.appending("offerings").error("\(count) is not a count (≥ 0)") }
            providers.append(PriceSource.Provider(name: try provider.string("provider"),
                                                  catalogVersion: try provider.optionalString("catalog_version"),
                                                  stale: try provider.bool("stale"), offerings: count))
        }
        return PriceSource(asOf: try fields.optionalDay("as_of"), providers: providers)
    }
}
