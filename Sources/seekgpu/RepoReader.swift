import Deploy
import Foundation

/// Reads a repository's text files for the analyzer: UTF-8 files up to 512 KiB, at most 5,000, outside hidden
/// folders, virtual environments, caches and build output.
enum RepoReader {
    static let skippedFolders: Set<String> = ["node_modules", "__pycache__", "venv", "env", "build", "dist", "site-packages"]
    static let maxFileBytes = 512 * 1024
    static let maxFiles = 5_000

    /// The files of `root`.
    ///
    /// - Throws: ``SizeFetchError`` when `root` is not a readable directory.
    static func read(_ root: URL) throws -> RepoFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey, .fileSizeKey])
        else { throw SizeFetchError(message: "--repo \(root.path) is not a directory that can be read") }
        let base = root.standardizedFileURL.path
        var files: [RepoFiles.File] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            if values?.isDirectory == true {
                if (name.hasPrefix(".") && name != ".") || skippedFolders.contains(name) { walker.skipDescendants() }
                continue
            }
            guard (values?.fileSize ?? 0) <= maxFileBytes, name != ".DS_Store",
                  let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count).drop { $0 == "/" })
            files.append(RepoFiles.File(path: path, text: text))
            if files.count >= maxFiles { break }
        }
        return RepoFiles(files: files)
    }
}
