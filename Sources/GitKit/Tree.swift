import CGit2

/// A tree (directory listing) looked up in a ``Repository``. Owns its `git_tree` handle.
///
/// Entries come in git's tree order: bytewise by name, with directories compared as if
/// their name ended in `/` (so `GLM-5.1/` sorts before `GLM-5/`).
public final class Tree {
    let raw: OpaquePointer
    /// The tree id.
    public let id: ObjectID

    init(raw: OpaquePointer, id: ObjectID) {
        self.raw = raw
        self.id = id
    }

    deinit { git_tree_free(raw) }

    /// The number of entries.
    public var count: Int { Int(git_tree_entrycount(raw)) }

    /// All entries, in tree order.
    public var entries: [TreeEntry] {
        (0..<git_tree_entrycount(raw)).compactMap { index in
            git_tree_entry_byindex(raw, index).map(TreeEntry.init(borrowing:))
        }
    }

    /// The entry with exactly this name, or nil.
    public func entry(named name: String) -> TreeEntry? {
        git_tree_entry_byname(raw, name).map(TreeEntry.init(borrowing:))
    }
}

/// One entry of a ``Tree``: a name, an object id and what kind of object it is.
public struct TreeEntry: Hashable, Sendable {
    /// What a tree entry points to.
    public enum Kind: Hashable, Sendable {
        /// A file.
        case blob
        /// A directory.
        case tree
        /// A submodule commit (gitlink).
        case commit
        /// Anything else.
        case other
    }

    /// The file or directory name (one path component).
    public var name: String
    /// The id of the object it points to.
    public var id: ObjectID
    /// The kind of that object.
    public var kind: Kind
    /// The git file mode, e.g. 0o100644 for a file or 0o040000 for a directory.
    public var fileMode: UInt32

    /// Creates an entry, for writing trees with ``Repository/writeTree(_:)``.
    public init(name: String, id: ObjectID, kind: Kind, fileMode: UInt32? = nil) {
        self.name = name
        self.id = id
        self.kind = kind
        self.fileMode = fileMode ?? {
            switch kind {
            case .tree: 0o040000
            case .commit: 0o160000
            case .blob, .other: 0o100644
            }
        }()
    }

    /// Copies a borrowed `git_tree_entry` (owned by its tree; not freed here).
    init(borrowing entry: OpaquePointer) {
        let kind: Kind = switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB: .blob
        case GIT_OBJECT_TREE: .tree
        case GIT_OBJECT_COMMIT: .commit
        default: .other
        }
        self.init(name: String(cString: git_tree_entry_name(entry)),
                  id: ObjectID(git_tree_entry_id(entry).pointee),
                  kind: kind,
                  fileMode: git_tree_entry_filemode(entry).rawValue)
    }
}

extension Repository {
    /// The entry at a slash-separated `path` below `tree` (e.g. `results/GLM-5/scores.json`),
    /// or nil when there is none.
    public func entry(atPath path: String, in tree: Tree) throws(GitError) -> TreeEntry? {
        var entry: OpaquePointer?
        let status = git_tree_entry_bypath(&entry, tree.raw, path)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "git_tree_entry_bypath", "could not look up '\(path)' in tree \(tree.id.short) of '\(self.path)'")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }  // bypath entries are owned by the caller
        return TreeEntry(borrowing: entry)
    }
}
