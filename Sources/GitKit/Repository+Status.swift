import CGit2

/// One path whose content in the work tree differs from HEAD, as listed by
/// ``Repository/status(paths:includingIgnored:)``.
public struct StatusEntry: Hashable, Sendable {
    /// How the work tree differs from HEAD at this path.
    public enum Change: Hashable, Sendable {
        /// Not in HEAD: a new file (untracked, ignored or staged) or a new nested repository.
        case added
        /// In HEAD with other content, or a submodule checked out at another commit.
        case modified
        /// In HEAD, gone from the work tree.
        case deleted
        /// The kind changed (file ↔ symlink ↔ submodule).
        case typeChange
    }

    /// The path relative to the work tree, with `/` separators and no trailing slash.
    public var path: String
    /// How it changed.
    public var change: Change
    /// True when the path is (or was) a submodule; it is staged as a gitlink (mode 160000).
    public var isSubmodule: Bool

    /// Creates an entry.
    public init(path: String, change: Change, isSubmodule: Bool = false) {
        self.path = path
        self.change = change
        self.isSubmodule = isSubmodule
    }
}

extension Repository {
    /// What a commit of the work tree would change compared with HEAD, limited to `paths`.
    ///
    /// Compares HEAD's tree directly with the work tree (the index is only a stat cache), so a
    /// file counts as changed whether or not it is staged. New files are reported one by one, even
    /// inside a directory that `.gitignore` excludes (the generated `web/public/` may be ignored in a
    /// developer checkout; publishing must still see it). A submodule is reported as `.modified` when
    /// its checked-out commit differs from the gitlink in HEAD; changes inside its own work tree
    /// are ignored.
    ///
    /// - Parameters:
    ///   - paths: files or directories relative to the work tree, matched literally (no globs);
    ///     a directory matches everything below it. Empty means the whole work tree.
    ///   - includingIgnored: also list new files that `.gitignore` excludes. With empty `paths`
    ///     this walks every ignored directory (such as `.build`), so pass paths or `false` then.
    /// - Returns: the changed paths, sorted by path. Empty when nothing changed.
    /// - Throws: ``GitError`` for a bare repository or when the work tree cannot be read.
    public func status(paths: [String], includingIgnored: Bool = true) throws(GitError) -> [StatusEntry] {
        guard !isBare else {
            throw GitError(code: .invalidData, message: "'\(path)' is a bare repository; it has no work tree to compare")
        }
        let headTree = try headCommitID().map { id throws(GitError) in try tree(try commit(id).treeID) }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init",
                  "could not prepare to compare the work tree of '\(path)'")
        var flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        if includingIgnored {
            flags |= GIT_DIFF_INCLUDE_IGNORED.rawValue | GIT_DIFF_RECURSE_IGNORED_DIRS.rawValue
        }
        options.flags = flags
        options.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY  // a submodule's HEAD counts, its work tree does not
        let pathspec = paths.map(Self.normalized).filter { !$0.isEmpty }
        var diff: OpaquePointer?
        let status = withExtendedLifetime(headTree) {
            withStringArray(pathspec) { array in
                options.pathspec = array.pointee
                return git_diff_tree_to_workdir(&diff, raw, headTree?.raw, &options)
            }
        }
        try check(status, "git_diff_tree_to_workdir", "could not compare the work tree of '\(path)' with HEAD")
        guard let diff else { return [] }
        defer { git_diff_free(diff) }
        var entries: [StatusEntry] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            if let entry = try Self.entry(for: delta, in: path) { entries.append(entry) }
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// `path` without leading `./` or trailing slashes.
    static func normalized(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") { result = result.dropFirst(2) }
        while result.hasSuffix("/") { result = result.dropLast() }
        return result == "." ? "" : String(result)
    }

    private static func entry(for delta: git_diff_delta, in repositoryPath: String) throws(GitError) -> StatusEntry? {
        let file = delta.status == GIT_DELTA_DELETED ? delta.old_file : delta.new_file
        guard let rawPath = file.path else { return nil }
        var path = String(cString: rawPath)
        let gitlink = UInt16(GIT_FILEMODE_COMMIT.rawValue)
        var isSubmodule = delta.old_file.mode == gitlink || delta.new_file.mode == gitlink
        if path.hasSuffix("/") {  // an untracked directory that is itself a repository
            path = normalized(path)
            isSubmodule = true
        }
        let change: StatusEntry.Change
        switch delta.status {
        case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_IGNORED: change = .added
        case GIT_DELTA_DELETED: change = .deleted
        case GIT_DELTA_MODIFIED, GIT_DELTA_CONFLICTED: change = .modified
        case GIT_DELTA_TYPECHANGE: change = .typeChange
        case GIT_DELTA_UNMODIFIED: return nil
        default:
            throw GitError(code: .invalidData,
                           message: "could not read '\(path)' in the work tree of '\(repositoryPath)' (delta status \(delta.status.rawValue))")
        }
        return StatusEntry(path: path, change: change, isSubmodule: isSubmodule)
    }
}
