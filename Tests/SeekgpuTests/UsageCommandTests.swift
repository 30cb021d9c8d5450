import Foundation
import Testing
import TestSupport

/// `seekgpu usage ingest` as a team runs it, on real files and a real SQLite store in a temporary folder.
@Suite struct UsageCommandTests {
    static let log = """
        timestamp,node_id,gpu_id,job_id,user_id,gpu_type,gpu_utilization,memory_used_gb,memory_total_gb,power_watts
        1733568930000,node-1,0,job-7,alice,H100,87.5,61.2,80,612
        1733568960000,node-1,0,,,H100,0,0.5,80,
        1733568990000,node-1,0,job-7,alice,H100,150,61,80,600
        2024-12-07T10:57:30Z,node-2,0,job-8,bob,,12,4,24,

        """

    @Test func ingestUpsertsListsRefusedRowsAndSkipsARepeatedFile() throws {
        let dir = try TemporaryDirectory()
        try Data(Self.log.utf8).write(to: dir.url.appendingPathComponent("a.csv"))
        try Data("name,price\nA,1\n".utf8).write(to: dir.url.appendingPathComponent("prices.csv"))
        let db = dir.path("usage/usage.sqlite")
        let first = try CommandRunner.run(["usage", "ingest", "--db", db, dir.path("a.csv"), dir.path("prices.csv")])
        #expect(first.status == 65, "\(first.stderr)")  // one whole file unreadable; the other went in
        #expect(first.stderr.contains("a.csv: 4 rows read, 3 inserted, 0 updated, 0 unchanged, 1 rejected"))
        #expect(first.stderr.contains("a.csv:4: gpu_utilization 150.0 is outside 0–100"))
        #expect(first.stderr.contains("prices.csv: not a usage log: no timestamp"))
        #expect(FileManager.default.fileExists(atPath: db))
        let again = try CommandRunner.run(["usage", "ingest", "--db", db, dir.path("a.csv")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("a.csv: already ingested (same content), skipped"))
    }

    @Test func aDamagedStoreIsRefusedWithWhatToDo() throws {
        let dir = try TemporaryDirectory()
        try Data(Self.log.utf8).write(to: dir.url.appendingPathComponent("a.csv"))
        try Data(repeating: 7, count: 4096).write(to: dir.url.appendingPathComponent("usage.sqlite"))
        let run = try CommandRunner.run(["usage", "ingest", "--db", dir.path("usage.sqlite"), dir.path("a.csv")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not an SQLite database or is damaged") && run.stderr.contains("re-ingest the logs"))
    }

    @Test func nvidiaSMIOutputIsIngestedWithItsNodeOffsetAndAllocations() throws {
        let dir = try TemporaryDirectory()
        let smi = """
            timestamp, name, index, uuid, utilization.gpu [%], memory.used [MiB], memory.total [MiB], power.draw [W]
            2024/12/07 11:55:30.123, NVIDIA L4, 0, GPU-aaaa, 55 %, 12000 MiB, 23034 MiB, 61.20 W
            2024/12/07 11:56:00.123, NVIDIA L4, 0, GPU-aaaa, 0 %, 0 MiB, 23034 MiB, [N/A]

            """
        try Data(smi.utf8).write(to: dir.url.appendingPathComponent("l4-box.csv"))
        try Data("node_id,gpu_id,start,end,job_id,user_id\nl4-box,0,2024-12-07T10:55:00Z,2024-12-07T10:55:45Z,chat,dana\n".utf8)
            .write(to: dir.url.appendingPathComponent("alloc.csv"))
        let db = dir.path("u.sqlite")
        let run = try CommandRunner.run(["usage", "ingest", "--db", db, "--utc-offset", "+01:00", "--allocations", dir.path("alloc.csv"),
                                         dir.path("l4-box.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("l4-box.csv: 2 rows read, 2 inserted, 0 updated, 0 unchanged, 0 rejected"))
        let bad = try CommandRunner.run(["usage", "ingest", "--db", db, "--utc-offset", "01:00", dir.path("l4-box.csv")])
        #expect(bad.status == 64 && bad.stderr.contains("--utc-offset '01:00' is not ±hh:mm"))
    }
}
