import SeekCore

extension GPUSpec {
    /// The published file's name, under `web/public/data/`.
    public static let fileName = "gpu_specs.json"

    /// The row as published in `gpu_specs.json`: keys in field order, absent bandwidths as `null`,
    /// numbers as ints or floats exactly as held.
    public var json: JSONValue {
        .object(JSONObject([
            ("gpu_name", .string(gpuName)),
            ("memory_size_gb", memorySizeGB.jsonValue),
            ("fp16_tflops", fp16TFLOPS.jsonValue),
            ("memory_bandwidth_tb_s", memoryBandwidthTBps.jsonValue),
            ("pcie_bandwidth_gb_s", pcieBandwidthGBps?.jsonValue ?? .null),
            ("nvlink_bandwidth_gb_s", nvlinkBandwidthGBps?.jsonValue ?? .null),
            ("fp8_multiplier", .int(fp8Multiplier)),
            ("architecture", .string(architecture)),
            ("interconnect_tier", .string(interconnectTier.rawValue)),
            ("memory_type", .string(memoryType)),
        ]))
    }

    /// The bytes of `gpu_specs.json` for `specs`, in the order given: a JSON array written as
    /// Python's `json.dumps(indent=2)` would, ending with `"\n"` (decision 8).
    ///
    /// - Parameter specs: The rows, normally ``GPUDatasheets/specs()`` (already sorted by name).
    /// - Returns: UTF-8 bytes.
    public static func fileContents(_ specs: [GPUSpec]) -> [UInt8] {
        CanonicalJSON.encode(.array(specs.map(\.json)), trailingNewline: true)
    }
}

extension GPUDatasheets {
    /// The bytes of `gpu_specs.json`: every row of ``specs()``, sorted by name, written as Python's
    /// `json.dumps(indent=2)` would, ending with `"\n"`.
    ///
    /// - Returns: UTF-8 bytes, byte-identical to the reference implementation's file for the same data.
    public func gpuSpecsJSON() -> [UInt8] {
        GPUSpec.fileContents(specs())
    }
}
