/// One GPU's state at one moment, as a usage log records it: the fact row of the usage store, keyed by
/// (``nodeID``, ``gpuID``, ``timestamp``).
public struct UsageSample: Sendable, Hashable {
    /// The machine, e.g. `node-03`.
    public var nodeID: String
    /// The GPU on it, e.g. `0` or a UUID.
    public var gpuID: String
    /// Unix time in milliseconds, UTC.
    public var timestamp: Int64
    /// The job the GPU is allocated to; nil when it is not allocated (idle, not billed).
    public var jobID: String?
    /// Who runs the job.
    public var userID: String?
    /// The GPU model as the log names it (`H100`, `NVIDIA H100 80GB HBM3`), when it does.
    public var gpuType: String?
    /// GPU utilization, percent (0…100).
    public var utilization: Double
    /// Memory in use, GB.
    public var memoryUsedGB: Double
    /// The GPU's memory, GB.
    public var memoryTotalGB: Double
    /// Power draw, W, when logged.
    public var powerWatts: Double?

    /// Creates a sample; see each property for units.
    public init(nodeID: String, gpuID: String, timestamp: Int64, jobID: String? = nil, userID: String? = nil,
                gpuType: String? = nil, utilization: Double, memoryUsedGB: Double, memoryTotalGB: Double,
                powerWatts: Double? = nil) {
        self.nodeID = nodeID
        self.gpuID = gpuID
        self.timestamp = timestamp
        self.jobID = jobID
        self.userID = userID
        self.gpuType = gpuType
        self.utilization = utilization
        self.memoryUsedGB = memoryUsedGB
        self.memoryTotalGB = memoryTotalGB
        self.powerWatts = powerWatts
    }

    /// Memory in use as a share of the GPU's memory, 0…1.
    public var memoryFraction: Double { memoryTotalGB > 0 ? memoryUsedGB / memoryTotalGB : 0 }

    /// The usage band of ``utilization``.
    public var category: UsageCategory { UsageCategory(utilization: utilization) }
}

/// A sample's usage band by utilization: idle below 5 %, low below 30 %, medium below 70 %, high from 70 %.
public enum UsageCategory: String, Sendable, CaseIterable {
    case idle, low, medium, high

    /// The band of a utilization in percent.
    public init(utilization: Double) {
        switch utilization {
        case ..<5: self = .idle
        case ..<30: self = .low
        case ..<70: self = .medium
        default: self = .high
        }
    }
}
