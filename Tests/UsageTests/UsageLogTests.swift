import Foundation
import Testing
@testable import Usage

/// Reading usage logs in the GPU usage pipeline's layout: times, CSV and JSON Lines, refused rows with their line.
@Suite struct UsageLogTests {
    @Test(arguments: [
        ("1733568930123", Int64(1_733_568_930_123)), ("1733568930", Int64(1_733_568_930_000)),
        ("1733568930.5", Int64(1_733_568_930_500)), ("2024-12-07T10:55:30Z", Int64(1_733_568_930_000)),
        ("2024-12-07T11:55:30.123+01:00", Int64(1_733_568_930_123)), ("2024-12-07 05:55:30-0500", Int64(1_733_568_930_000)),
    ])
    func timesAreReadInEveryAcceptedForm(text: String, millis: Int64) {
        #expect(UsageTimestamp.milliseconds(text) == millis)
    }

    @Test(arguments: ["2024-12-07T10:55:30", "2024-02-30T00:00:00Z", "yesterday", "", "-5", "2024-12-07T25:00:00Z"])
    func aTimeWithoutAnOffsetOrImpossibleIsRefused(text: String) {
        #expect(UsageTimestamp.milliseconds(text) == nil)
    }

    @Test func usageCategoriesFollowUtilization() {
        #expect([0, 4.9, 5, 29.9, 30, 69.9, 70, 100].map { UsageCategory(utilization: $0) }
                == [.idle, .idle, .low, .low, .medium, .medium, .high, .high])
    }

    @Test func aCSVLogIsReadAndItsBadRowsAreListedWithTheirLine() throws {
        let csv = """
            timestamp,node_id,gpu_id,job_id,user_id,gpu_type,gpu_utilization,memory_used_gb,memory_total_gb,power_watts
            1733568930000,node-1,0,job-7,alice,H100,87.5,61.2,80,612
            1733568960000,node-1,0,,,H100,0,0.5,80,
            1733568990000,node-1,0,job-7,alice,H100,150,61,80,600
            soon,node-1,1,job-7,alice,H100,50,10,80,300
            1733569020000,node-1,1,job-7,alice,H100,50,90,80,300
            1733569050000,node-1,1,job-7,alice,H100,50,-1,80,300

            2024-12-07T10:57:30Z,node-2,0,job-8,bob,,12,4,24,
            """
        let log = try PipelineLog.parse(Array(csv.utf8), file: "a.csv")
        #expect(log.samples.count == 3 && log.rowsRead == 7)
        #expect(log.rejected.map(\.line) == [4, 5, 6, 7])
        #expect(log.rejected[0].reason == "gpu_utilization 150.0 is outside 0–100")
        #expect(log.rejected[1].reason.hasPrefix("timestamp 'soon' is not"))
        #expect(log.rejected[2].reason == "memory_used_gb 90.0 is more than memory_total_gb 80.0")
        #expect(log.rejected[3].reason == "memory_used_gb -1.0 is negative")
        let idle = log.samples[1]
        #expect(idle.jobID == nil && idle.userID == nil && idle.powerWatts == nil && idle.category == .idle)
        let first = log.samples[0]
        #expect(first.nodeID == "node-1" && first.gpuID == "0" && first.jobID == "job-7" && first.userID == "alice")
        #expect(first.gpuType == "H100" && first.utilization == 87.5 && first.powerWatts == 612)
        #expect(abs(first.memoryFraction - 0.765) < 1e-12 && first.category == .high)
        #expect(log.samples[2].timestamp == 1_733_569_050_000 && log.samples[2].gpuType == nil)
    }

    @Test func aJSONLinesLogIsRead() throws {
        let lines = """
            {"timestamp": 1733568930000, "node_id": "n1", "gpu_id": 0, "job_id": "j1", "user_id": "u1", "gpu_utilization": 40, "memory_used_gb": 8.5, "memory_total_gb": 24}
            {"timestamp": "2024-12-07T10:56:00Z", "node_id": "n1", "gpu_id": 0, "job_id": null, "gpu_utilization": 0, "memory_used_gb": 0, "memory_total_gb": 24}
            not json
            """
        let log = try PipelineLog.parse(Array(lines.utf8), file: "a.jsonl")
        #expect(log.samples.count == 2 && log.rejected == [RejectedRow(line: 3, reason: "not a JSON object")])
        #expect(log.samples[0].gpuID == "0" && log.samples[0].memoryUsedGB == 8.5 && log.samples[1].jobID == nil)
        #expect(log.samples[1].timestamp == 1_733_568_960_000)
    }

    @Test func aFileWithoutTheColumnsIsNotAUsageLog() {
        #expect {
            try PipelineLog.parse(Array("name,price\nA,1\n".utf8), file: "prices.csv")
        } throws: { error in
            "\(error)".hasPrefix("prices.csv: not a usage log: no timestamp, node_id, gpu_id, gpu_utilization, memory_used_gb, memory_total_gb column")
        }
    }
}

/// nvidia-smi's own CSV, as `nvidia-smi --query-gpu=… --format=csv -l 30` writes it.
@Suite struct NvidiaSMILogTests {
    static let output = """
        timestamp, name, index, uuid, utilization.gpu [%], memory.used [MiB], memory.total [MiB], power.draw [W]
        2024/12/07 11:55:30.123, NVIDIA H100 80GB HBM3, 0, GPU-5f2a7c1e-0000-0000-0000-000000000000, 87 %, 62674 MiB, 81559 MiB, 612.34 W
        2024/12/07 11:55:30.124, NVIDIA H100 80GB HBM3, 1, GPU-5f2a7c1e-0000-0000-0000-000000000001, 0 %, 4 MiB, 81559 MiB, [N/A]
        2024/12/07 11:56:00.120, NVIDIA H100 80GB HBM3, 0, GPU-5f2a7c1e-0000-0000-0000-000000000000, [N/A], 62674 MiB, 81559 MiB, 600.00 W
        2024/12/07 11:56:00.121, NVIDIA H100 80GB HBM3, 1, GPU-5f2a7c1e-0000-0000-0000-000000000001, 12 %, lots, 81559 MiB, 80.50 W

        """

    @Test func itsHeaderUnitsLocalTimeAndNAAreRead() throws {
        #expect(NvidiaSMILog.looksLikeNvidiaSMI(Array(Self.output.utf8)))
        #expect(!NvidiaSMILog.looksLikeNvidiaSMI(Array("timestamp,node_id,gpu_id\n".utf8)))
        let allocations = [GPUAllocation(nodeID: "gpu-box-1", gpuID: "0", start: 1_733_568_000_000, end: nil, jobID: "train-3", userID: "alice")]
        let log = try NvidiaSMILog.parse(Array(Self.output.utf8), file: "gpu-box-1.csv", node: "gpu-box-1",
                                         utcOffsetMinutes: 60, allocations: allocations)
        #expect(log.samples.count == 2)
        #expect(log.rejected.map(\.line) == [4, 5])
        #expect(log.rejected[0].reason == "utilization.gpu, memory.used or memory.total is [N/A]")
        #expect(log.rejected[1].reason == "memory.used 'lots' is not a number of MiB")
        let busy = log.samples[0]
        #expect(busy.nodeID == "gpu-box-1" && busy.gpuID == "0" && busy.timestamp == 1_733_568_930_123)  // 11:55:30 at +01:00
        #expect(busy.jobID == "train-3" && busy.userID == "alice" && busy.gpuType == "NVIDIA H100 80GB HBM3")
        #expect(busy.utilization == 87 && abs(busy.memoryTotalGB - 79.647_460_937_5) < 1e-9 && busy.powerWatts == 612.34)
        let idle = log.samples[1]
        #expect(idle.jobID == nil && idle.powerWatts == nil && idle.category == .idle)
    }

    @Test func anAllocationTableIsRead() throws {
        let csv = "node_id,gpu_id,start,end,job_id,user_id\nbox,0,2024-12-07T10:00:00Z,2024-12-07T12:00:00Z,j1,alice\nbox,1,1733569200,,j2,\n"
        let table = try GPUAllocation.parse(Array(csv.utf8), file: "alloc.csv")
        #expect(table.count == 2 && table[0].end == 1_733_572_800_000 && table[1].end == nil && table[1].userID == nil)
        #expect(table[0].covers(1_733_568_930_000) && !table[0].covers(1_733_572_800_000))
        #expect(throws: UnreadableLogError.self) { try GPUAllocation.parse(Array("node_id,gpu_id\n".utf8), file: "x.csv") }
    }
}
