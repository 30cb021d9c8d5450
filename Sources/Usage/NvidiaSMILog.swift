/// The pure reader of `nvidia-smi --query-gpu=timestamp,name,index,uuid,utilization.gpu,memory.used,memory.total,power.draw
/// --format=csv` output as nvidia-smi writes it: a header with units (`utilization.gpu [%]`, `memory.used [MiB]`), values
/// with units (`87 %`, `62674 MiB`, `612.34 W`), `[N/A]` for what the GPU does not report, and the machine's local time
/// without an offset (`2024/12/07 10:55:30.123`), read at `utcOffsetMinutes`.
///
/// The node is given (`--node`, else the file name); the GPU is its `index`; job and user come from an allocation table.
/// Memory in MiB is converted to GiB, the unit of GPU names (`80GB` is 81,559 MiB).
public enum NvidiaSMILog {
    /// Whether `bytes` start with an nvidia-smi header (`timestamp, name, index, …` with `utilization.gpu`).
    public static func looksLikeNvidiaSMI(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let firstLine = head.split(separator: "\n", maxSplits: 1).first ?? ""
        return firstLine.contains("utilization.gpu") && firstLine.contains("memory.used")
    }

    /// The columns read (by name, without units), and whether each must be there.
    static let columns: [(name: String, required: Bool)] = [
        ("timestamp", true), ("name", false), ("index", true), ("uuid", false), ("utilization.gpu", true),
        ("memory.used", true), ("memory.total", true), ("power.draw", false),
    ]

    /// Parses the output of one node.
    /// - Parameters:
    ///   - node: the machine's id.
    ///   - utcOffsetMinutes: the offset of the machine's clock from UTC (nvidia-smi prints local time).
    ///   - allocations: which job and user held each GPU when.
    public static func parse(_ bytes: [UInt8], file: String, node: String, utcOffsetMinutes: Int = 0,
                             allocations: [GPUAllocation] = []) throws(UnreadableLogError) -> ParsedLog {
        let records = try UsageCSV.read(bytes, file: file) { name in
            String(name.split(separator: "[", maxSplits: 1).first ?? "").trimmingSpaces.lowercased()
        }
        let missing = columns.filter { $0.required && !records.header.contains($0.name) }.map(\.name)
        guard missing.isEmpty else {
            throw UnreadableLogError(file: file, reason: "not nvidia-smi --query-gpu output: no \(missing.joined(separator: ", ")) column; "
                + "run nvidia-smi --query-gpu=timestamp,name,index,uuid,utilization.gpu,memory.used,memory.total,power.draw --format=csv")
        }
        var samples: [UsageSample] = []
        var rejected = records.refused
        for row in records.rows {
            switch sample(row.values, node: node, utcOffsetMinutes: utcOffsetMinutes, allocations: allocations) {
            case .success(let sample): samples.append(sample)
            case .failure(let reason): rejected.append(RejectedRow(line: row.line, reason: reason.text))
            }
        }
        rejected.sort { $0.line < $1.line }
        return ParsedLog(samples: samples, rejected: rejected)
    }

    /// `87 %` → 87, `62674 MiB` → 62674, `[N/A]` → nil (reported), anything else → an error.
    static func quantity(_ text: String?, unit: String, column: String) -> Result<Double?, PipelineLog.Reason> {
        guard var value = text?.trimmingSpaces, !value.isEmpty else { return .success(nil) }
        if value.hasPrefix("[") || value.uppercased() == "N/A" { return .success(nil) }  // [N/A], [Not Supported]
        if value.lowercased().hasSuffix(unit.lowercased()) { value = String(value.dropLast(unit.count)).trimmingSpaces }
        guard let number = Double(value), number.isFinite else {
            return .failure(PipelineLog.Reason(text: "\(column) '\(text ?? "")' is not a number of \(unit)"))
        }
        return .success(number)
    }

    /// `2024/12/07 10:55:30.123` (nvidia-smi's local time) at `offset` minutes from UTC → Unix ms.
    static func time(_ text: String, utcOffsetMinutes: Int) -> Int64? {
        let iso = text.trimmingSpaces.replacingOccurrences(of: "/", with: "-")
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let minutes = abs(utcOffsetMinutes)
        let offset = sign + (minutes / 60 < 10 ? "0" : "") + String(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
        return UsageTimestamp.iso8601(iso + offset)
    }

    static func sample(_ values: [String: String], node: String, utcOffsetMinutes: Int,
                       allocations: [GPUAllocation]) -> Result<UsageSample, PipelineLog.Reason> {
        let rawTime = values["timestamp"] ?? ""
        guard let time = time(rawTime, utcOffsetMinutes: utcOffsetMinutes) else {
            return .failure(PipelineLog.Reason(text: "timestamp '\(rawTime)' is not nvidia-smi's YYYY/MM/DD HH:MM:SS.mmm"))
        }
        guard let index = values["index"]?.trimmingSpaces, !index.isEmpty else { return .failure(PipelineLog.Reason(text: "no index")) }
        let utilization: Double, usedMiB: Double, totalMiB: Double, power: Double?
        switch (quantity(values["utilization.gpu"], unit: "%", column: "utilization.gpu"),
                quantity(values["memory.used"], unit: "MiB", column: "memory.used"),
                quantity(values["memory.total"], unit: "MiB", column: "memory.total"),
                quantity(values["power.draw"], unit: "W", column: "power.draw")) {
        case (.success(let u?), .success(let m?), .success(let t?), .success(let p)):
            (utilization, usedMiB, totalMiB, power) = (u, m, t, p)
        case (.failure(let r), _, _, _), (_, .failure(let r), _, _), (_, _, .failure(let r), _), (_, _, _, .failure(let r)):
            return .failure(r)
        default:
            return .failure(PipelineLog.Reason(text: "utilization.gpu, memory.used or memory.total is [N/A]"))
        }
        let allocation = allocations.first { $0.nodeID == node && $0.gpuID == index && $0.covers(time) }
        let name = values["name"]?.trimmingSpaces
        return PipelineLog.validated(UsageSample(
            nodeID: node, gpuID: index, timestamp: time, jobID: allocation?.jobID, userID: allocation?.userID,
            gpuType: name?.isEmpty == false ? name : nil, utilization: utilization, memoryUsedGB: usedMiB / 1024,
            memoryTotalGB: totalMiB / 1024, powerWatts: power))
    }
}

/// Which job and user held a GPU over a time range: a row of the allocation CSV
/// `node_id,gpu_id,start,end,job_id,user_id` (times as in usage logs; `end` empty: still running).
public struct GPUAllocation: Sendable, Hashable {
    public var nodeID: String
    public var gpuID: String
    /// Unix ms, inclusive.
    public var start: Int64
    /// Unix ms, exclusive; nil while the job runs.
    public var end: Int64?
    public var jobID: String
    public var userID: String?

    public init(nodeID: String, gpuID: String, start: Int64, end: Int64?, jobID: String, userID: String?) {
        self.nodeID = nodeID
        self.gpuID = gpuID
        self.start = start
        self.end = end
        self.jobID = jobID
        self.userID = userID
    }

    func covers(_ time: Int64) -> Bool { time >= start && end.map { time < $0 } ?? true }

    /// Parses an allocation CSV.
    /// - Throws: ``UnreadableLogError`` naming the file and the first bad line.
    public static func parse(_ bytes: [UInt8], file: String) throws(UnreadableLogError) -> [GPUAllocation] {
        let records = try UsageCSV.read(bytes, file: file) { $0.lowercased() }
        let needed = ["node_id", "gpu_id", "start", "end", "job_id", "user_id"]
        guard needed.allSatisfy(records.header.contains) else {
            throw UnreadableLogError(file: file, reason: "an allocation table needs the columns \(needed.joined(separator: ","))")
        }
        if let refused = records.refused.first {
            throw UnreadableLogError(file: file, reason: "line \(refused.line): \(refused.reason)")
        }
        var result: [GPUAllocation] = []
        for (line, values) in records.rows {
            guard let node = values["node_id"], !node.isEmpty, let gpu = values["gpu_id"], !gpu.isEmpty,
                  let job = values["job_id"], !job.isEmpty, let start = values["start"].flatMap(UsageTimestamp.milliseconds)
            else {
                throw UnreadableLogError(file: file, reason: "line \(line): needs node_id, gpu_id, job_id and a start time")
            }
            let endText = values["end"] ?? ""
            let end = endText.isEmpty ? nil : UsageTimestamp.milliseconds(endText)
            if !endText.isEmpty && end == nil {
                throw UnreadableLogError(file: file, reason: "line \(line): end '\(endText)' is not a time")
            }
            result.append(GPUAllocation(nodeID: node, gpuID: gpu, start: start, end: end, jobID: job,
                                        userID: values["user_id"].flatMap { $0.isEmpty ? nil : $0 }))
        }
        return result
    }
}
