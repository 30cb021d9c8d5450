import SeekCore

/// `gpu_specs.json`: a list of GPU datasheets, numbers kept as ints or floats as held.
enum GPUSpecCodec {
    static let keys = ["gpu_name", "memory_size_gb", "fp16_tflops", "memory_bandwidth_tb_s", "pcie_bandwidth_gb_s",
                       "nvlink_bandwidth_gb_s", "fp8_multiplier", "architecture", "interconnect_tier", "memory_type"]

    @Sendable static func json(_ specs: [GPUSpec]) -> JSONValue {
        .array(specs.map { spec in
            .object(JSONObject([
                ("gpu_name", .string(spec.gpuName)),
                ("memory_size_gb", spec.memorySizeGB.jsonValue),
                ("fp16_tflops", spec.fp16TFLOPS.jsonValue),
                ("memory_bandwidth_tb_s", spec.memoryBandwidthTBps.jsonValue),
                ("pcie_bandwidth_gb_s", spec.pcieBandwidthGBps?.jsonValue ?? .null),
                ("nvlink_bandwidth_gb_s", spec.nvlinkBandwidthGBps?.jsonValue ?? .null),
                ("fp8_multiplier", .int(spec.fp8Multiplier)),
                ("architecture", .string(spec.architecture)),
                ("interconnect_tier", .string(spec.interconnectTier.rawValue)),
                ("memory_type", .string(spec.memoryType)),
            ]))
        })
    }

    @Sendable static func decode(_ value: JSONValue, file: String) throws(DatasetError) -> [GPUSpec] {
        try rows(value, file: file) { (row: Fields) throws(DatasetError) in
            try row.expect(keys)
            let tierName = try row.string("interconnect_tier")
            guard let tier = GPUSpec.InterconnectTier(rawValue: tierName) else {
                let known = GPUSpec.InterconnectTier.allCases.map(\.rawValue).joined(separator: ", ")
                throw row.location.appending("interconnect_tier").error("'\(tierName)' is not one of \(known)")
            }
            let multiplier = try row.int("fp8_multiplier")
            guard multiplier == 1 || multiplier == 2 else {
                throw row.location.appending("fp8_multiplier").error("is \(multiplier), not 1 or 2")
            }
            return GPUSpec(gpuName: try row.string("gpu_name"), memorySizeGB: try row.positiveNumber("memory_size_gb"),
                           fp16TFLOPS: try row.positiveNumber("fp16_tflops"),
                           memoryBandwidthTBps: try row.positiveNumber("memory_bandwidth_tb_s"),
                           pcieBandwidthGBps: try row.optionalNumber("pcie_bandwidth_gb_s"),
                           nvlinkBandwidthGBps: try row.optionalNumber("nvlink_bandwidth_gb_s"),
                           fp8Multiplier: multiplier, architecture: try row.string("architecture"),
                           interconnectTier: tier, memoryType: try row.string("memory_type"))
        }
    }
}
