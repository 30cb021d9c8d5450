import SeekCore

/// `gpus.json`: a list of offerings, keys in the reference's order.
enum OfferingCodec {
    static let keys = ["gpu_name", "vram_gb", "gpu_count", "total_vram_gb", "price_per_hour", "currency", "provider",
                       "instance_name", "location", "interconnect"]

    @Sendable static func json(_ offerings: [Offering]) -> JSONValue {
        .array(offerings.map { offering in
            .object(JSONObject([
                ("gpu_name", .string(offering.gpuName)),
                ("vram_gb", .double(offering.vramGB)),
                ("gpu_count", .int(offering.gpuCount)),
                ("total_vram_gb", .double(offering.totalVramGB)),
                ("price_per_hour", .double(offering.pricePerHour)),
                ("currency", .string(offering.currency)),
                ("provider", .string(offering.provider)),
                ("instance_name", .string(offering.instanceName)),
                ("location", .string(offering.location)),
                ("interconnect", .string(offering.interconnect)),
            ]))
        })
    }

    /// Every key of the schema must be there.
    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> [Offering] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(keys)
            let vram = try row.double("vram_gb", in: 0.0.nextUp...Double.greatestFiniteMagnitude, "a memory size in GB (> 0)")
            let count = try row.int("gpu_count")
            guard count >= 1 else { throw row.location.appending("gpu_count").error("\(count) is not a GPU count (≥ 1)") }
            return Offering(gpuName: try row.string("gpu_name"), vramGB: vram, gpuCount: count,
                            totalVramGB: try row.double("total_vram_gb"),
                            pricePerHour: try row.double("price_per_hour", in: 0...Double.greatestFiniteMagnitude, "a price (≥ 0)"),
                            currency: try currency(row), provider: try row.string("provider"),
                            instanceName: try row.string("instance_name"), location: try row.string("location"),
                            interconnect: try interconnect(row))
        }
    }

    private static func currency(_ row: Fields) throws(DatasetError) -> String {
        let text = try row.string("currency")
        guard text == "USD" else { throw row.location.appending("currency").error("is '\(text)'; prices are published in USD") }
        return text
    }

    private static func interconnect(_ row: Fields) throws(DatasetError) -> String {
        let text = try row.string("interconnect")
        guard text == "nvlink" || text == "pcie" else {
            throw row.location.appending("interconnect").error("is '\(text)', not nvlink or pcie")
        }
        return text
    }
}
