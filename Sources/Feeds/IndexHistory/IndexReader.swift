import GitKit
import SeekCore

/// A file of the index history that is not valid JSON, skipped as the reference skips it, or one
/// invalid entry of a scores.json (decisions 21); either is listed in the run summary.
public struct InvalidIndexFile: Sendable, Equatable {
    /// Path in the index repository, e.g. `results/GLM-5/scores.json`.
    public var path: String
    /// The first snapshot commit the file was read at.
    public var commit: ObjectID
    /// Why it was rejected, e.g. `Illegal trailing comma before end of array: line 9 column 3 (char 180)`
    /// or `entry 2: swe-bench score 1e+308 is outside 0–100`.
    public var reason: String
    /// The 1-based entry of scores.json that was skipped; nil when the whole file was.
    public var entry: Int?

    /// Creates a record.
    public init(path: String, commit: ObjectID, reason: String, entry: Int? = nil) {
        self.path = path
        self.commit = commit
        self.reason = reason
        self.entry = entry
    }
}

/// The models found at one commit of the index.
struct CommitModels: Sendable {
    /// Names of the subdirectories of `results/`, in tree order.
    var directories: [String]
    /// The records of the directories that could be read, in tree order.
    var records: [ModelRecord]
}

/// Reads `results/*/metadata.json` and `scores.json` at given commits through libgit2.
///
/// Each distinct blob is parsed once (cache by object id). On top of that, the records of
/// the model directory trees read at the previous and the current commit are kept, so an
/// unchanged directory costs one dictionary look-up; older directory records are dropped.
final class IndexReader {
    private enum Directory {
        case record(ModelRecord)
        case skipped
    }

    private let repository: Repository
    private var directories = GenerationalCache<Directory>()
    private var metadata: [ObjectID: ModelRecordParser.Metadata] = [:]
    private var scores: [ObjectID: ModelRecordParser.Scores] = [:]
    private var reported: Set<String> = []
    /// Invalid files met so far, in the order they were met.
    private(set) var invalidFiles: [InvalidIndexFile] = []

    init(repository: Repository) {
        self.repository = repository
    }

    /// The models at `commit`; empty when it has no `results/` directory.
    func models(at commit: ObjectID) throws(GitError) -> CommitModels {
        directories.startGeneration()
        let root = try repository.tree(repository.commit(commit).treeID)
        guard let results = root.entry(named: "results"), results.kind == .tree else {
            return CommitModels(directories: [], records: [])
        }
        var names: [String] = []
        var records: [ModelRecord] = []
        for entry in try repository.tree(results.id).entries where entry.kind == .tree {
            names.append(entry.name)
            let directory: Directory
            if let cached = directories.value(for: entry.id) {
                directory = cached
            } else {
                directory = try read(directory: entry, at: commit)
                directories.store(directory, for: entry.id)
            }
            if case .record(let record) = directory { records.append(record) }
        }
        return CommitModels(directories: names, records: records)
    }

    private func read(directory: TreeEntry, at commit: ObjectID) throws(GitError) -> Directory {
        let tree = try repository.tree(directory.id)
        guard let metadataEntry = tree.entry(named: "metadata.json"), metadataEntry.kind == .blob else { return .skipped }
        let path = "results/\(directory.name)/"
        let meta = try parsed(metadataEntry.id, in: &metadata, ModelRecordParser.metadata)
        guard case .valid(let model, var openness) = meta else {
            if case .invalid(let reason) = meta { report(path + "metadata.json", metadataEntry.id, commit, reason) }
            return .skipped
        }
        var recordScores: [ModelRecord.Score] = []
        if let scoresEntry = tree.entry(named: "scores.json"), scoresEntry.kind == .blob {
            switch try parsed(scoresEntry.id, in: &scores, ModelRecordParser.scores) {
            case .valid(let items, let rejected):
                recordScores = items
                for entry in rejected {
                    report(path + "scores.json", scoresEntry.id, commit, "entry \(entry.entry): \(entry.reason)", entry: entry.entry)
                }
            case .invalid(let reason):
                report(path + "scores.json", scoresEntry.id, commit, reason)
                openness = nil
            }
        }
        return .record(ModelRecord(model: model, openness: openness, scores: recordScores))
    }

    private func parsed<T>(_ blob: ObjectID, in cache: inout [ObjectID: T], _ parse: ([UInt8]) -> T) throws(GitError) -> T {
        if let hit = cache[blob] { return hit }
        let value = parse(try repository.blobBytes(blob))
        cache[blob] = value
        return value
    }

    private func report(_ path: String, _ blob: ObjectID, _ commit: ObjectID, _ reason: String, entry: Int? = nil) {
        guard reported.insert("\(blob.hex) \(path) \(entry ?? 0)").inserted else { return }
        invalidFiles.append(InvalidIndexFile(path: path, commit: commit, reason: reason, entry: entry))
    }
}

/// A cache by object id that keeps what was used in the current and the previous generation
/// (one generation per commit read) and forgets the rest.
struct GenerationalCache<Value> {
    private var current: [ObjectID: Value] = [:]
    private var previous: [ObjectID: Value] = [:]

    /// Starts a generation: entries not used since the last start are dropped.
    mutating func startGeneration() {
        previous = current
        current = [:]
        current.reserveCapacity(previous.count)
    }

    /// The cached value, which now counts as used in this generation.
    mutating func value(for id: ObjectID) -> Value? {
        if let hit = current[id] { return hit }
        guard let hit = previous[id] else { return nil }
        current[id] = hit
        return hit
    }

    /// Stores a value in this generation.
    mutating func store(_ value: Value, for id: ObjectID) {
        current[id] = value
    }
}
