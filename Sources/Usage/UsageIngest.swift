import Crypto

/// `seekgpu usage ingest` as a function: each file's bytes are hashed; a file already ingested (same SHA-256)
/// is skipped at once; else it is parsed (nvidia-smi output by its header, else the pipeline layout) and
/// upserted in one transaction. A file that cannot be read at all
/// is reported and the others still go in.
public struct UsageIngest: Sendable {
    public var store: any UsageStore
    /// How nvidia-smi output is read: its node (nil: the file's name without extension), the offset of the
    /// node's clock from UTC, and the allocation table giving job and user.
    public var nvidiaSMINode: String?
    public var utcOffsetMinutes: Int
    public var allocations: [GPUAllocation]

    public init(store: any UsageStore, nvidiaSMINode: String? = nil, utcOffsetMinutes: Int = 0, allocations: [GPUAllocation] = []) {
        self.store = store
        self.nvidiaSMINode = nvidiaSMINode
        self.utcOffsetMinutes = utcOffsetMinutes
        self.allocations = allocations
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
            if NvidiaSMILog.looksLikeNvidiaSMI(bytes) {
                let node = nvidiaSMINode ?? Self.nodeName(ofFile: name)
                log = try NvidiaSMILog.parse(bytes, file: name, node: node, utcOffsetMinutes: utcOffsetMinutes, allocations: allocations)
            } else {
                log = try PipelineLog.parse(bytes, file: name)
            }
        } catch {
            return .unreadable(error)
        }
        return .ingested(try store.ingest(file: name, digest: digest, log: log))
    }

    /// `logs/node-03.csv` → `node-03`.
    static func nodeName(ofFile path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// SHA-256 of `bytes`, lowercase hex.
    public static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
