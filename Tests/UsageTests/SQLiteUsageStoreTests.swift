import Foundation
import GRDB
import Testing
import TestSupport
import Usage
@testable import UsageStore

/// The usage store in real SQLite files in temporary folders: upsert, re-ingest, one transaction per file,
/// the schema and a damaged file.
@Suite struct SQLiteUsageStoreTests {
    static let header = "timestamp,node_id,gpu_id,job_id,user_id,gpu_type,gpu_utilization,memory_used_gb,memory_total_gb,power_watts\n"
    static let log = header + """
        1733568930000,node-1,0,job-7,alice,H100,87.5,61.2,80,612
        1733568960000,node-1,0,,,H100,0,0.5,80,
        1733568930000,node-1,1,job-8,bob,H100,20,16,80,250
        """

    @Test func samplesAreUpsertedOnTheirKeyAndARepeatedFileIsSkipped() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteUsageStore(path: dir.path("usage/usage.sqlite"))
        let ingest = UsageIngest(store: store)
        guard case .ingested(let first) = try ingest.ingest(name: "a.csv", bytes: Array(Self.log.utf8)) else {
            Issue.record("not ingested")
            return
        }
        #expect(!first.skipped && first.inserted == 3 && first.updated == 0 && first.unchanged == 0)
        // The same bytes again: skipped by digest, nothing read.
        guard case .ingested(let again) = try ingest.ingest(name: "copy.csv", bytes: Array(Self.log.utf8)) else { return }
        #expect(again.skipped && again.rowsRead == 0)
        // Another file repeating two samples, one of them changed, and adding one.
        let next = Self.header + """
            1733568930000,node-1,0,job-7,alice,H100,87.5,61.2,80,612
            1733568960000,node-1,0,job-9,carol,H100,35,20,80,400
            1733568990000,node-1,0,job-9,carol,H100,40,21,80,410
            """
        guard case .ingested(let second) = try ingest.ingest(name: "b.csv", bytes: Array(next.utf8)) else { return }
        #expect(second.inserted == 1 && second.updated == 1 && second.unchanged == 1)
        let samples = try store.samples()
        #expect(samples.count == 4)
        let changed = try #require(samples.first { $0.gpuID == "0" && $0.timestamp == 1_733_568_960_000 })
        #expect(changed.jobID == "job-9" && changed.userID == "carol" && changed.utilization == 35)
        // Dimensions and the ingestion log.
        let (users, jobs, files, journal, category) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT user_id FROM users ORDER BY user_id"),
             try String.fetchAll(db, sql: "SELECT job_id FROM jobs ORDER BY job_id"),
             try String.fetchAll(db, sql: "SELECT file FROM ingestions ORDER BY sequence"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchOne(db, sql: "SELECT usage_category FROM samples WHERE gpu_id = '1'"))
        }
        #expect(users == ["alice", "bob", "carol"] && jobs == ["job-7", "job-8", "job-9"] && files == ["a.csv", "b.csv"])
        #expect(journal == "wal" && category == "low")
    }

    @Test func aFailingFileLeavesTheStoreAsItWas() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteUsageStore(path: dir.path("usage.sqlite"))
        _ = try UsageIngest(store: store).ingest(name: "a.csv", bytes: Array(Self.log.utf8))
        // A sample the schema refuses (the parser would never pass it) makes the transaction fail as a whole.
        let bad = ParsedLog(samples: [
            UsageSample(nodeID: "node-2", gpuID: "0", timestamp: 1, utilization: 10, memoryUsedGB: 1, memoryTotalGB: 24),
            UsageSample(nodeID: "node-2", gpuID: "0", timestamp: 2, utilization: 900, memoryUsedGB: 1, memoryTotalGB: 24),
        ], rejected: [])
        #expect(throws: (any Error).self) { try store.ingest(file: "bad.csv", digest: "x", log: bad) }
        #expect(try store.samples().count == 3)
        #expect(try !store.hasIngested(digest: "x"))
    }

    @Test func aDamagedFileIsRefusedWithWhatToDo() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("usage.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteUsageStore(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("usage store \(path) ") && text.contains("move it away and re-ingest the logs")
        }
    }

    @Test func aStoreIsReopenedAndKeepsItsData() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("usage.sqlite")
        _ = try UsageIngest(store: try SQLiteUsageStore(path: path)).ingest(name: "a.csv", bytes: Array(Self.log.utf8))
        let reopened = try SQLiteUsageStore(path: path)
        #expect(try reopened.samples().count == 3)
        #expect(try reopened.hasIngested(digest: UsageIngest.digest(Array(Self.log.utf8))))
    }
}
