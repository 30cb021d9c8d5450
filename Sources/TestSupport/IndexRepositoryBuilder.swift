import Foundation
import GitKit

/// Builds throwaway OpenHands-Index-like git repositories with libgit2, commit by commit,
/// with scripted committer times (UTC midnight crossings, equal timestamps, merges).
public final class IndexRepositoryBuilder {
    /// The repository being built.
    public let repository: Repository
    /// Its path.
    public let path: String
    /// The files of the newest commit made through ``commit(_:at:author:message:)``.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The newest commit made on the main line.
    public private(set) var head: ObjectID?

    /// Creates an empty repository at `path` with HEAD on `main`.
    public init(at path: String, bare: Bool = true) throws {
        repository = try Repository.create(at: path, bare: bare)
        self.path = path
    }

    /// Commits the previous files with `changes` applied (nil deletes a file) on top of HEAD.
    /// - Parameters:
    ///   - time: committer time, e.g. `"2026-01-28T23:59:59Z"` (any ISO 8601 with offset).
    ///   - author: the author time when it differs from the committer time.
    @discardableResult
    public func commit(_ changes: [String: String?], at time: String, author: String? = nil,
                       message: String = "update results") throws -> ObjectID {
        var next = files
        for (path, content) in changes {
            next[path] = content.map { Array($0.utf8) }
        }
        let id = try commit(files: next, parents: head.map { [$0] } ?? [], at: time, author: author,
                            message: message, updatingHead: true)
        files = next
        return id
    }

    /// Commits exactly `files` with the given parents; moves HEAD only when `updatingHead`.
    @discardableResult
    public func commit(files: [String: [UInt8]], parents: [ObjectID], at time: String, author: String? = nil,
                       message: String = "update results", updatingHead: Bool) throws -> ObjectID {
        let tree = try writeTree(files.map { (components: $0.key.split(separator: "/").map(String.init), bytes: $0.value) })
        let committer = try Self.signature(time)
        let id = try repository.createCommit(tree: tree, parents: parents, message: message,
                                             author: try author.map(Self.signature) ?? committer,
                                             committer: committer,
                                             updatingReference: updatingHead ? "HEAD" : nil)
        if updatingHead {
            head = id
            self.files = files
        }
        return id
    }

    private func writeTree(_ items: [(components: [String], bytes: [UInt8])]) throws -> ObjectID {
        var blobs: [TreeEntry] = []
        var children: [String: [(components: [String], bytes: [UInt8])]] = [:]
        for item in items {
            guard let first = item.components.first else { continue }
            if item.components.count == 1 {
                blobs.append(TreeEntry(name: first, id: try repository.writeBlob(item.bytes), kind: .blob))
            } else {
                children[first, default: []].append((Array(item.components.dropFirst()), item.bytes))
            }
        }
        for (name, subitems) in children {
            blobs.append(TreeEntry(name: name, id: try writeTree(subitems), kind: .tree))
        }
        return try repository.writeTree(blobs)
    }

    /// A signature for an ISO 8601 time with offset, keeping the offset.
    static func signature(_ time: String) throws -> Signature {
        guard let date = ISO8601DateFormatter().date(from: time) else {
            throw CocoaError(.formatting, userInfo: [NSDebugDescriptionErrorKey: "bad time '\(time)'"])
        }
        var offset: Int32 = 0
        if !time.hasSuffix("Z"), let sign = time.dropLast(6).count > 0 ? time.suffix(6).first : nil, sign == "+" || sign == "-" {
            let parts = time.suffix(5).split(separator: ":")
            if parts.count == 2, let hours = Int32(parts[0]), let minutes = Int32(parts[1]) {
                offset = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
            }
        }
        return Signature(name: "Index Bot", email: "bot@example.invalid",
                         time: Int64(date.timeIntervalSince1970), offsetMinutes: offset)
    }
}

/// JSON texts shaped like the index's files.
public enum IndexFiles {
    /// A metadata.json.
    public static func metadata(model: String, openness: String? = "open_weights") -> String {
        var fields = ["\"agent_name\": \"OpenHands\"", "\"model\": \(quoted(model))"]
        if let openness { fields.append("\"openness\": \(quoted(openness))") }
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    /// A scores.json with one item per (benchmark, score, cost); a nil cost omits the key.
    public static func scores(_ items: [(String, Double, Double?)]) -> String {
        let rows = items.map { benchmark, score, cost in
            "  {\"benchmark\": \(quoted(benchmark)), \"score\": \(score), \"metric\": \"accuracy\""
                + (cost.map { ", \"cost_per_instance\": \($0)" } ?? "") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// The five mapped benchmarks with the same score and cost.
    public static func allBenchmarks(_ score: Double, cost: Double? = 1.0) -> String {
        scores(["swe-bench", "swe-bench-multimodal", "commit0", "swt-bench", "gaia"].map { ($0, score, cost) })
    }

    /// The paths of a model directory's two files.
    public static func paths(_ directory: String) -> (metadata: String, scores: String) {
        ("results/\(directory)/metadata.json", "results/\(directory)/scores.json")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
