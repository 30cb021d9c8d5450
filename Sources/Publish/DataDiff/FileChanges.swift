/// Which files were added, removed or modified between two sets of files, by path.
///
/// Used for the data files (every change, with sizes, like githubocto/flat's commit bodies) and,
/// when the caller supplies them, for the rest of the site (HTML is counted, not diffed).
public struct FileChanges: Sendable, Equatable {
    /// What happened to one file.
    public enum Kind: String, Sendable, Equatable {
        case added, removed, modified
    }

    /// One changed file.
    public struct Entry: Sendable, Equatable {
        /// Slash-separated path relative to the compared folder.
        public var path: String
        /// Added, removed or modified.
        public var kind: Kind
        /// Size before, in bytes; nil when added.
        public var oldSize: Int?
        /// Size after, in bytes; nil when removed.
        public var newSize: Int?
    }

    /// Every changed file, sorted by path (bytewise, so the order does not depend on locale).
    public var entries: [Entry]

    /// Compares two file maps byte for byte.
    public init(old: [String: [UInt8]], new: [String: [UInt8]]) {
        var entries: [Entry] = []
        for path in Set(old.keys).union(new.keys) {
            switch (old[path], new[path]) {
            case (nil, let added?): entries.append(Entry(path: path, kind: .added, oldSize: nil, newSize: added.count))
            case (let removed?, nil): entries.append(Entry(path: path, kind: .removed, oldSize: removed.count, newSize: nil))
            case (let before?, let after?) where before != after:
                entries.append(Entry(path: path, kind: .modified, oldSize: before.count, newSize: after.count))
            default: break
            }
        }
        self.entries = entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// True when nothing changed.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of files of one kind.
    public func count(_ kind: Kind) -> Int { entries.filter { $0.kind == kind }.count }

    /// True when the file at `path` was added, removed or modified.
    public func contains(_ path: String) -> Bool { entries.contains { $0.path == path } }
}
