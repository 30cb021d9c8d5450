import CGit2

/// A commit looked up in a ``Repository``. Owns its `git_commit` handle.
public final class Commit {
    let raw: OpaquePointer
    /// The commit id.
    public let id: ObjectID

    init(raw: OpaquePointer, id: ObjectID) {
        self.raw = raw
        self.id = id
    }

    deinit { git_commit_free(raw) }

    /// The id of the commit's root tree.
    public var treeID: ObjectID {
        guard let oid = git_commit_tree_id(raw) else { return id }
        return ObjectID(oid.pointee)
    }

    /// Committer time, seconds since 1970-01-01 00:00:00 UTC.
    public var committerTime: Int64 { Int64(git_commit_time(raw)) }

    /// The ids of the parent commits, in order.
    public var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(raw)).compactMap { index in
            git_commit_parent_id(raw, index).map { ObjectID($0.pointee) }
        }
    }

    /// The full commit message.
    public var message: String {
        git_commit_message(raw).map { String(cString: $0) } ?? ""
    }
}
