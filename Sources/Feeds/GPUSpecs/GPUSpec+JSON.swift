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

extension GPUSpec {
    /// Reads a `gpu_specs.json` row back; nil when a field is missing or has the wrong type.
    public init?(json: JSONValue) {
        guard let name = json["gpu_name"]?.stringValue,
              let memory = json["memory_size_gb"].flatMap(JSONNumber.init),
              let fp16 = json["fp16_tflops"].flatMap(JSONNumber.init),
              let bandwidth = json["memory_bandwidth_tb_s"].flatMap(JSONNumber.init),
              let fp8 = json["fp8_multiplier"]?.intValue,
              let architecture = json["architecture"]?.stringValue,
              let tier = json["interconnect_tier"]?.stringValue.flatMap(InterconnectTier.init(rawValue:)),
              let memoryType = json["memory_type"]?.stringValue
        else { return nil }
        self.init(gpuName: name, memorySizeGB: memory, fp16TFLOPS: fp16, memoryBandwidthTBps: bandwidth,
                  pcieBandwidthGBps: json["pcie_bandwidth_gb_s"].flatMap(JSONNumber.init),
                  nvlinkBandwidthGBps: json["nvlink_bandwidth_gb_s"].flatMap(JSONNumber.init),
                  fp8Multiplier: fp8, architecture: architecture, interconnectTier: tier, memoryType: memoryType)
    }
}
