import SeekCore

/// A row of a usage log that was not ingested, and why: listed as `FILE:LINE: reason`.
public struct RejectedRow: Sendable, Hashable, CustomStringConvertible {
    /// The line in the file (1 is a CSV's header).
    public var line: Int
    /// What is wrong with it.
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(line): \(reason)" }
}

/// What a usage log holds: its samples and the rows refused.
public struct ParsedLog: Sendable, Hashable {
    public var samples: [UsageSample]
    public var rejected: [RejectedRow]
    public init(samples: [UsageSample], rejected: [RejectedRow]) {
        self.samples = samples
        self.rejected = rejected
    }

    /// Data rows read (samples + rejected).
    public var rowsRead: Int { samples.count + rejected.count }
}

/// A usage log that cannot be read at all (not UTF-8, not CSV, no known columns): the whole file is refused.
public struct UnreadableLogError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// The pure reader of usage logs in the GPU usage pipeline's own layout, as CSV (header row) or JSON Lines:
/// `timestamp` (Unix ms, Unix s or ISO 8601 with an offset), `node_id`, `gpu_id`, `job_id` (empty: not
/// allocated), `user_id`, `gpu_type` (optional), `gpu_utilization` (percent), `memory_used_gb`,
/// `memory_total_gb`, `power_watts` (optional).
public enum PipelineLog {
    /// The columns a log must have.
    public static let requiredColumns = ["timestamp", "node_id", "gpu_id", "gpu_utilization", "memory_used_gb", "memory_total_gb"]
    /// The columns it may have besides.
    public static let optionalColumns = ["job_id", "user_id", "gpu_type", "power_watts"]

    /// Reads `bytes` as JSON Lines when the first non-blank character is `{`, else as CSV.
    /// - Parameter file: how messages name the file.
    /// - Throws: ``UnreadableLogError`` when the file is not UTF-8 or lacks a required column.
    public static func parse(_ bytes: [UInt8], file: String) throws(UnreadableLogError) -> ParsedLog {
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{") ? try jsonLines(bytes, file: file) : try csv(bytes, file: file)
    }

    static func csv(_ bytes: [UInt8], file: String) throws(UnreadableLogError) -> ParsedLog {
        let records = try UsageCSV.read(bytes, file: file) { $0.trimmingSpaces.lowercased() }
        try checkColumns(records.header, file: file)
        var samples: [UsageSample] = []
        var rejected = records.refused
        for row in records.rows {
            switch sample(row.values) {
            case .success(let sample): samples.append(sample)
            case .failure(let reason): rejected.append(RejectedRow(line: row.line, reason: reason.text))
            }
        }
        rejected.sort { $0.line < $1.line }
        return ParsedLog(samples: samples, rejected: rejected)
    }

    static func jsonLines(_ bytes: [UInt8], file: String) throws(UnreadableLogError) -> ParsedLog {
        var samples: [UsageSample] = []
        var rejected: [RejectedRow] = []
        var sawColumns = false
        for (index, lineBytes) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = lineBytes.filter { $0 != 0x0D }
            guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            guard let object = (try? JSONParser.parse(Array(trimmed)))?.objectValue else {
                rejected.append(RejectedRow(line: line, reason: "not a JSON object"))
                continue
            }
            var values: [String: String] = [:]
            for key in object.keys {
                switch object[key] {
                case .string(let text)?: values[key.lowercased()] = text
                case .null?: values[key.lowercased()] = ""
                case let value?: values[key.lowercased()] = number(value) ?? ""
                case nil: break
                }
            }
            if !sawColumns {
                try checkColumns(Array(values.keys), file: file)
                sawColumns = true
            }
            switch sample(values) {
            case .success(let sample): samples.append(sample)
            case .failure(let reason): rejected.append(RejectedRow(line: line, reason: reason.text))
            }
        }
        return ParsedLog(samples: samples, rejected: rejected)
    }

    private static func number(_ value: JSONValue) -> String? {
        if let int = value.intValue { return String(int) }
        if let double = value.doubleValue { return PythonFloat.repr(double) }
        return nil
    }

    private static func checkColumns(_ columns: [String], file: String) throws(UnreadableLogError) {
        let missing = requiredColumns.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw UnreadableLogError(file: file, reason: "not a usage log: no \(missing.joined(separator: ", ")) column "
                + "(columns: \(columns.sorted().prefix(12).joined(separator: ", "))); expected \((requiredColumns + optionalColumns).joined(separator: ", "))")
        }
    }

    struct Reason: Error { var text: String }

    /// `sample`, or why its values are impossible (utilization outside 0–100, negative or excess memory, negative power).
    static func validated(_ sample: UsageSample) -> Result<UsageSample, Reason> {
        let (utilization, used, total) = (sample.utilization, sample.memoryUsedGB, sample.memoryTotalGB)
        guard (0...100).contains(utilization) else {
            return .failure(Reason(text: "gpu_utilization \(PythonFloat.repr(utilization)) is outside 0–100"))
        }
        guard used >= 0, total > 0 else {
            return .failure(Reason(text: used < 0 ? "memory_used_gb \(PythonFloat.repr(used)) is negative"
                : "memory_total_gb \(PythonFloat.repr(total)) is not positive"))
        }
        guard used <= total else {
            return .failure(Reason(text: "memory_used_gb \(PythonFloat.repr(used)) is more than memory_total_gb \(PythonFloat.repr(total))"))
        }
        if let power = sample.powerWatts, power < 0 {
            return .failure(Reason(text: "power_watts \(PythonFloat.repr(power)) is negative"))
        }
        return .success(sample)
    }

    /// One row's values by column → a sample, or why not.
    static func sample(_ values: [String: String]) -> Result<UsageSample, Reason> {
        func text(_ key: String) -> String? {
            guard let value = values[key]?.trimmingSpaces, !value.isEmpty else { return nil }
            return value
        }
        func number(_ key: String) -> Result<Double?, Reason> {
            guard let raw = text(key) else { return .success(nil) }
            guard let value = Double(raw), value.isFinite else { return .failure(Reason(text: "\(key) '\(raw)' is not a number")) }
            return .success(value)
        }
        guard let rawTime = text("timestamp") else { return .failure(Reason(text: "no timestamp")) }
        guard let time = UsageTimestamp.milliseconds(rawTime) else {
            return .failure(Reason(text: "timestamp '\(rawTime)' is not Unix milliseconds, Unix seconds or ISO 8601 with an offset"))
        }
        guard let node = text("node_id") else { return .failure(Reason(text: "no node_id")) }
        guard let gpu = text("gpu_id") else { return .failure(Reason(text: "no gpu_id")) }
        let utilization: Double, used: Double, total: Double, power: Double?
        switch (number("gpu_utilization"), number("memory_used_gb"), number("memory_total_gb"), number("power_watts")) {
        case (.success(let u?), .success(let m?), .success(let t?), .success(let p)):
            (utilization, used, total, power) = (u, m, t, p)
        case (.failure(let r), _, _, _), (_, .failure(let r), _, _), (_, _, .failure(let r), _), (_, _, _, .failure(let r)):
            return .failure(r)
        default:
            let missing = ["gpu_utilization", "memory_used_gb", "memory_total_gb"].filter { text($0) == nil }
            return .failure(Reason(text: "no \(missing.joined(separator: ", "))"))
        }
        return validated(UsageSample(nodeID: node, gpuID: gpu, timestamp: time, jobID: text("job_id"), userID: text("user_id"),
                                     gpuType: text("gpu_type"), utilization: utilization, memoryUsedGB: used,
                                     memoryTotalGB: total, powerWatts: power))
    }
}
