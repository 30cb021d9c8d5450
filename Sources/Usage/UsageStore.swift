/// What one ingested file did to the store.
public struct IngestOutcome: Sendable, Hashable {
    /// The file as named on the command line.
    public var file: String
    /// Its SHA-256, hex.
    public var digest: String
    /// True when a file with the same digest was ingested before: nothing was read.
    public var skipped: Bool
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    /// Samples already stored with the same values.
    public var unchanged = 0
    /// Rows refused, with their line and reason.
    public var rejected: [RejectedRow] = []

    public init(file: String, digest: String, skipped: Bool) {
        self.file = file
        self.digest = digest
        self.skipped = skipped
    }
}

/// The usage store: samples keyed by (node, GPU, time) with their node, job and user dimensions, and the
/// log of ingested files. ``SQLiteUsageStore`` (UsageStore module) is the one implementation; a
/// PostgreSQL store would implement the same calls.
public protocol UsageStore: Sendable {
    /// Whether a file with this digest was ingested before.
    func hasIngested(digest: String) throws -> Bool

    /// Upserts one file's samples and records the file, all in one transaction: a failure (or a kill)
    /// leaves the store as it was before the file.
    func ingest(file: String, digest: String, log: ParsedLog) throws -> IngestOutcome

    /// Every stored sample, by node, GPU and time.
    func samples() throws -> [UsageSample]
}
