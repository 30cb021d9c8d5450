import Foundation
import GRDB
import Usage

/// The usage store in one SQLite file, through GRDB: WAL journal, versioned migrations, a busy timeout
/// for a second run, and an integrity check when opened.
public final class SQLiteUsageStore: UsageStore, @unchecked Sendable {
    /// The default file, relative to the repository.
    public static let defaultPath = "usage/usage.sqlite"

    let pool: DatabasePool
    /// The file.
    public let path: String

    /// Opens (creating it and its folder when missing) and migrates the store at `path`.
    /// - Parameter busyTimeout: how long a write waits for another run's lock, seconds.
    /// - Throws: ``UsageStoreError`` when the file cannot be opened, is not a usage store, or fails the integrity check.
    public init(path: String, busyTimeout: TimeInterval = 30) throws(UsageStoreError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw UsageStoreError(path: path, reason: "is not an SQLite database or is damaged (\(error.message ?? "\(error)")): "
                + "restore it from a backup, or move it away and re-ingest the logs")
        } catch {
            throw UsageStoreError(path: path, reason: "cannot be opened (\(error)); check the path and its permissions")
        }
        do {
            let check = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard check == ["ok"] else {
                throw UsageStoreError(path: path, reason: "fails SQLite's integrity check (\(check.prefix(3).joined(separator: "; "))): "
                    + "restore it from a backup, or move it away and re-ingest the logs")
            }
            try Self.migrator.migrate(pool)
        } catch let error as UsageStoreError {
            throw error
        } catch {
            throw UsageStoreError(path: path, reason: "is not a usage store or is damaged (\(error)): move it away and re-ingest the logs")
        }
    }

    /// The schema, one migration per version; a store written by an older seekgpu is brought up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE nodes (node_id TEXT PRIMARY KEY, gpu_type TEXT);
                CREATE TABLE users (user_id TEXT PRIMARY KEY);
                CREATE TABLE jobs (job_id TEXT PRIMARY KEY, user_id TEXT REFERENCES users(user_id));
                CREATE TABLE samples (
                    node_id TEXT NOT NULL REFERENCES nodes(node_id),
                    gpu_id TEXT NOT NULL,
                    ts INTEGER NOT NULL,
                    job_id TEXT REFERENCES jobs(job_id),
                    user_id TEXT REFERENCES users(user_id),
                    gpu_type TEXT,
                    utilization REAL NOT NULL CHECK (utilization BETWEEN 0 AND 100),
                    memory_used_gb REAL NOT NULL CHECK (memory_used_gb >= 0),
                    memory_total_gb REAL NOT NULL CHECK (memory_total_gb > 0),
                    power_watts REAL,
                    memory_fraction REAL NOT NULL,
                    usage_category TEXT NOT NULL CHECK (usage_category IN ('idle', 'low', 'medium', 'high')),
                    PRIMARY KEY (node_id, gpu_id, ts)
                ) WITHOUT ROWID;
                CREATE INDEX samples_by_time ON samples(ts);
                CREATE INDEX samples_by_job ON samples(job_id, ts);
                CREATE TABLE ingestions (
                    sequence INTEGER PRIMARY KEY,
                    digest TEXT NOT NULL UNIQUE,
                    file TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    inserted INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    rejected INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }

    public func hasIngested(digest: String) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ingestions WHERE digest = ?)", arguments: [digest]) ?? false
        }
    }

    public func ingest(file: String, digest: String, log: ParsedLog) throws -> IngestOutcome {
        try pool.write { db in
            var outcome = IngestOutcome(file: file, digest: digest, skipped: false)
            outcome.rowsRead = log.rowsRead
            outcome.rejected = log.rejected
            let node = try db.cachedStatement(sql: """
                INSERT INTO nodes (node_id, gpu_type) VALUES (?, ?)
                ON CONFLICT (node_id) DO UPDATE SET gpu_type = coalesce(excluded.gpu_type, nodes.gpu_type)
                """)
            let user = try db.cachedStatement(sql: "INSERT OR IGNORE INTO users (user_id) VALUES (?)")
            let job = try db.cachedStatement(sql: """
                INSERT INTO jobs (job_id, user_id) VALUES (?, ?)
                ON CONFLICT (job_id) DO UPDATE SET user_id = coalesce(excluded.user_id, jobs.user_id)
                """)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO samples (node_id, gpu_id, ts, job_id, user_id, gpu_type, utilization, memory_used_gb,
                    memory_total_gb, power_watts, memory_fraction, usage_category)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (node_id, gpu_id, ts) DO NOTHING
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE samples SET job_id = ?4, user_id = ?5, gpu_type = ?6, utilization = ?7, memory_used_gb = ?8,
                    memory_total_gb = ?9, power_watts = ?10, memory_fraction = ?11, usage_category = ?12
                WHERE node_id = ?1 AND gpu_id = ?2 AND ts = ?3
                  AND (job_id IS NOT ?4 OR user_id IS NOT ?5 OR gpu_type IS NOT ?6 OR utilization IS NOT ?7
                       OR memory_used_gb IS NOT ?8 OR memory_total_gb IS NOT ?9 OR power_watts IS NOT ?10)
                """)
            // Each dimension row is written once per file (a node again only when it names a new GPU type).
            var nodes = Set<String>(), users = Set<String>(), jobs = Set<String>()
            for sample in log.samples {
                if nodes.insert(sample.nodeID + "\u{1F}" + (sample.gpuType ?? "")).inserted {
                    try node.execute(arguments: [sample.nodeID, sample.gpuType])
                }
                if let userID = sample.userID, users.insert(userID).inserted { try user.execute(arguments: [userID]) }
                if let jobID = sample.jobID, jobs.insert(jobID).inserted { try job.execute(arguments: [jobID, sample.userID]) }
                let arguments: StatementArguments = [
                    sample.nodeID, sample.gpuID, sample.timestamp, sample.jobID, sample.userID, sample.gpuType,
                    sample.utilization, sample.memoryUsedGB, sample.memoryTotalGB, sample.powerWatts,
                    sample.memoryFraction, sample.category.rawValue,
                ]
                try insert.execute(arguments: arguments)
                if db.changesCount == 1 {
                    outcome.inserted += 1
                    continue
                }
                try update.execute(arguments: arguments)
                if db.changesCount == 1 { outcome.updated += 1 } else { outcome.unchanged += 1 }
            }
            try db.execute(sql: """
                INSERT INTO ingestions (digest, file, rows_read, inserted, updated, rejected) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [digest, file, outcome.rowsRead, outcome.inserted, outcome.updated, outcome.rejected.count])
            return outcome
        }
    }

    public func samples() throws -> [UsageSample] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT node_id, gpu_id, ts, job_id, user_id, gpu_type, utilization, memory_used_gb, memory_total_gb, power_watts
                FROM samples ORDER BY node_id, gpu_id, ts
                """).map { row in
                UsageSample(nodeID: row[0], gpuID: row[1], timestamp: row[2], jobID: row[3], userID: row[4], gpuType: row[5],
                            utilization: row[6], memoryUsedGB: row[7], memoryTotalGB: row[8], powerWatts: row[9])
            }
        }
    }
}

/// A usage store that cannot be used, and what to do.
public struct UsageStoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "usage store \(path) \(reason)" }
}
