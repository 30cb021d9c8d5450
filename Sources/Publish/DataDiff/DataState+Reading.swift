import Foundation
import GitKit

/// Where a ``DataState`` or a site's other files could not be read.
public struct DataStateReadError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the folder or commit and path.
    public var message: String

    public var description: String { message }
}

extension DataState {
    /// Reads every file below a `web/public/data` folder; a missing folder is an empty state.
    /// - Throws: ``DataStateReadError`` naming the file that could not be read.
    public static func read(directory: URL) throws(DataStateReadError) -> DataState {
        DataState(files: try FileTree.read(directory: directory))
    }

    /// Reads every file below `path` in the tree of `commit`; a missing path is an empty state.
    /// - Parameters:
    ///   - repository: the repository holding the published site.
    ///   - commit: the commit to read, e.g. the result of ``GitKit/Repository/resolve(_:)`` for `HEAD`.
    ///   - path: the data folder inside the repository.
    /// - Throws: ``GitKit/GitError`` when the commit or one of its objects cannot be read.
    public static func read(repository: Repository, commit: ObjectID,
                            path: String = "web/public/data") throws(GitError) -> DataState {
        DataState(files: try FileTree.read(repository: repository, commit: commit, path: path))
    }
}

/// Reads a folder, or a folder of a git commit, as file contents by relative path.
public enum FileTree {
    /// Every regular file below `directory` by slash-separated relative path, skipping the
    /// top-level entries named in `excluding` (e.g. `data` when reading the rest of the site).
    /// A missing directory gives no files; symbolic links are not followed.
    /// - Throws: ``DataStateReadError`` naming the file that could not be read.
    public static func read(directory: URL, excluding: Set<String> = []) throws(DataStateReadError) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return files }
        try walk(directory, prefix: "", excluding: excluding, into: &files)
        return files
    }

    private static func walk(_ directory: URL, prefix: String, excluding: Set<String>,
                             into files: inout [String: [UInt8]]) throws(DataStateReadError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw DataStateReadError(message: "could not list '\(directory.path)': \(error.localizedDescription)")
        }
        for name in names where prefix.isEmpty ? !excluding.contains(name) : true {
            let url = directory.appendingPathComponent(name)
            let relative = prefix + name
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            } catch {
                throw DataStateReadError(message: "could not read '\(url.path)': \(error.localizedDescription)")
            }
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                try walk(url, prefix: relative + "/", excluding: excluding, into: &files)
            case .typeRegular?:
                do {
                    files[relative] = Array(try Data(contentsOf: url))
                } catch {
                    throw DataStateReadError(message: "could not read '\(url.path)': \(error.localizedDescription)")
                }
            default:
                continue
            }
        }
    }

    /// Every file below `path` in the tree of `commit`, by path relative to `path`, skipping the
    /// top-level entries named in `excluding`. A missing `path` gives no files; submodules are skipped.
    /// - Throws: ``GitKit/GitError`` when the commit, a tree or a blob cannot be read, or when
    ///   `path` is a file.
    public static func read(repository: Repository, commit: ObjectID, path: String,
                            excluding: Set<String> = []) throws(GitError) -> [String: [UInt8]] {
        let root = try repository.tree(try repository.commit(commit).treeID)
        let trimmed = path.split(separator: "/").joined(separator: "/")
        let tree: Tree
        if trimmed.isEmpty {
            tree = root
        } else {
            guard let entry = try repository.entry(atPath: trimmed, in: root) else { return [:] }
            guard entry.kind == .tree else {
                throw GitError(code: .invalidData,
                               message: "'\(trimmed)' at \(commit.short) in '\(repository.path)' is not a folder")
            }
            tree = try repository.tree(entry.id)
        }
        var files: [String: [UInt8]] = [:]
        try walk(tree, prefix: "", excluding: excluding, in: repository, into: &files)
        return files
    }

    private static func walk(_ tree: Tree, prefix: String, excluding: Set<String>, in repository: Repository,
                             into files: inout [String: [UInt8]]) throws(GitError) {
        for entry in tree.entries where prefix.isEmpty ? !excluding.contains(entry.name) : true {
            switch entry.kind {
            case .tree:
                try walk(try repository.tree(entry.id), prefix: prefix + entry.name + "/", excluding: excluding,
                         in: repository, into: &files)
            case .blob:
                files[prefix + entry.name] = try repository.blobBytes(entry.id)
            case .commit, .other:
                continue
            }
        }
    }
}
