import Crypto

/// `seekgpu usage ingest` as a function: each file's bytes are hashed; a file already ingested (same SHA-256)
/// is skipped at once; else it is parsed and upserted in one transaction. A file that cannot be read at all
/// is reported and the others still go in.
public struct UsageIngest: Sendable {
    public var store: any UsageStore

    public init(store: any UsageStore) {
        self.store = store
    }

    /// One file's result: what it did, or why it could not be read.
    public enum FileResult: Sendable {
        case ingested(IngestOutcome)
        case unreadable(UnreadableLogError)
    }

    /// Ingests `name`'s `bytes`.
    /// - Throws: what the store throws (a locked or damaged database): the run stops there.
    public func ingest(name: String, bytes: [UInt8]) throws -> FileResult {
        let digest = Self.digest(bytes)
        if try store.hasIngested(digest: digest) {
            return .ingested(IngestOutcome(file: name, digest: digest, skipped: true))
        }
        let log: ParsedLog
        do {
            log = try PipelineLog.parse(bytes, file: name)
        } catch {
            return .unreadable(error)
        }
        return .ingested(try store.ingest(file: name, digest: digest, log: log))
    }

    /// SHA-256 of `bytes`, lowercase hex.
    public static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
