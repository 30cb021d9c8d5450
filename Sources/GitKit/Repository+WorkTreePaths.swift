import Foundation

extension Repository {
    /// Where `path` (a file or folder on disk, absolute or relative to the current directory) lies
    /// inside this repository's work tree: its slash-separated path from the top, e.g. `web/public`
    /// for `./web/public` or `openhands-index` for a submodule. Symbolic links are resolved on both sides.
    ///
    /// - Parameter path: The path on disk; it need not exist yet.
    /// - Returns: The path relative to the work tree's top folder (never empty).
    /// - Throws: ``GitError`` (`.invalidData`) when the repository is bare, or when `path` is the top
    ///   folder itself or lies outside the work tree: such a path has no place in a commit, so the
    ///   caller must not guess one.
    public func workTreePath(of path: String) throws(GitError) -> String {
        guard let top = workingDirectory else {
            throw GitError(code: .invalidData, message: "'\(self.path)' is a bare repository; it has no work tree for '\(path)'")
        }
        func resolved(_ text: String) -> String {
            URL(fileURLWithPath: text).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let target = resolved(path), root = resolved(top)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard target.hasPrefix(prefix), target.count > prefix.count else {
            throw GitError(code: .invalidData, message: target == root || target + "/" == prefix
                ? "'\(path)' is the top folder of the work tree at '\(root)', not a folder inside it"
                : "'\(path)' (\(target)) is outside the work tree at '\(root)'")
        }
        return String(target.dropFirst(prefix.count))
    }
}
