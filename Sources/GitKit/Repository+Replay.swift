/// Re-applying a data commit on top of a newer remote head, for a push that was rejected as
/// non-fast-forward: the generated paths are taken from our commit, everything else from theirs.
extension Repository {
    /// The tree entry at a slash-separated `path` of a tree, or nil when absent.
    public func entry(at path: String, inTree tree: ObjectID) throws(GitError) -> TreeEntry? {
        var current = try self.tree(tree)
        let components = path.split(separator: "/").map(String.init)
        for (index, name) in components.enumerated() {
            guard let entry = current.entry(named: name) else { return nil }
            if index == components.count - 1 { return entry }
            guard entry.kind == .tree else { return nil }
            current = try self.tree(entry.id)
        }
        return nil
    }

    /// A tree equal to `tree` except at `path`, which holds `entry` (renamed to the path's last
    /// component) or is removed when `entry` is nil; missing parent directories are created.
    public func replacing(_ path: String, with entry: TreeEntry?, inTree tree: ObjectID?) throws(GitError) -> ObjectID {
        let components = path.split(separator: "/").map(String.init)
        guard let first = components.first else {
            throw GitError(code: .invalidData, message: "an empty path cannot be replaced in a tree")
        }
        var entries = try tree.map { id throws(GitError) in try self.tree(id).entries } ?? []
        let existing = entries.first { $0.name == first }
        entries.removeAll { $0.name == first }
        if components.count == 1 {
            if var entry {
                entry.name = first
                entries.append(entry)
            }
        } else {
            let subtree = existing?.kind == .tree ? existing?.id : nil
            let rest = components.dropFirst().joined(separator: "/")
            let child = try replacing(rest, with: entry, inTree: subtree)
            if try !self.tree(child).entries.isEmpty {
                entries.append(TreeEntry(name: first, id: child, kind: .tree))
            }
        }
        return try writeTree(entries)
    }

    /// Creates a commit on top of `base` whose tree is `base`'s with every path of `paths` taken from
    /// `commit` (or removed where `commit` has none); message and author are `commit`'s own.
    ///
    /// - Parameters:
    ///   - commit: The data commit that was rejected.
    ///   - base: The remote head it must now follow.
    ///   - paths: The paths that commit owns, e.g. `["web/public", "openhands-index"]`.
    ///   - committer: Who replays it.
    /// - Returns: The new commit (no reference is moved).
    public func replay(_ commit: ObjectID, onto base: ObjectID, paths: [String],
                       message: String, author: Signature, committer: Signature) throws(GitError) -> ObjectID {
        let ours = try self.commit(commit).treeID
        var tree = try self.commit(base).treeID
        for path in paths {
            tree = try replacing(path, with: try entry(at: path, inTree: ours), inTree: tree)
        }
        return try createCommit(tree: tree, parents: [base], message: message, author: author, committer: committer,
                                updatingReference: nil)
    }
}
