import Foundation
import GitKit
import Publish
import Testing
import TestSupport

/// The I/O halves: a data folder on disk and the same folder in a commit read to the same state.
@Suite struct DataStateReadingTests {
    static let files: [String: String] = [
        "web/public/data/gpus.json": "[]\n",
        "web/public/data/snapshots/index.json": "{\"snapshots\": []}\n",
        "web/public/data/snapshots/2026-06-18/benchmarks.json": "[]\n",
        "web/public/index.html": "<html></html>\n",
        "README.md": "readme\n",
    ]

    static let expected: [String: [UInt8]] = [
        "gpus.json": Array("[]\n".utf8),
        "snapshots/index.json": Array("{\"snapshots\": []}\n".utf8),
        "snapshots/2026-06-18/benchmarks.json": Array("[]\n".utf8),
    ]

    @Test func aFolderAndACommitReadToTheSameState() throws {
        let dir = try TemporaryDirectory()
        for (path, text) in Self.files {
            let url = dir.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let fromDisk = try DataState.read(directory: dir.url.appendingPathComponent("web/public/data"))
        #expect(fromDisk.files == Self.expected)

        let builder = try IndexRepositoryBuilder(at: dir.path("repo.git"))
        let commit = try builder.commit(Self.files, at: "2026-06-18T04:00:00Z")
        let fromGit = try DataState.read(repository: builder.repository, commit: commit)
        #expect(fromGit == fromDisk)
        let site = try FileTree.read(repository: builder.repository, commit: commit, path: "web/public", excluding: ["data"])
        #expect(Array(site.keys) == ["index.html"])
        #expect(try FileTree.read(directory: dir.url.appendingPathComponent("web/public"), excluding: ["data"]) == site)
    }

    @Test func aMissingFolderIsAnEmptyState() throws {
        let dir = try TemporaryDirectory()
        #expect(try DataState.read(directory: dir.url.appendingPathComponent("nothing/here")).isEmpty)
        let builder = try IndexRepositoryBuilder(at: dir.path("repo.git"))
        let commit = try builder.commit(["README.md": "readme\n"], at: "2026-06-18T04:00:00Z")
        #expect(try DataState.read(repository: builder.repository, commit: commit).isEmpty)
    }

    @Test func aFileWhereTheFolderShouldBeIsAnError() throws {
        let dir = try TemporaryDirectory()
        let builder = try IndexRepositoryBuilder(at: dir.path("repo.git"))
        let commit = try builder.commit(["web/public/data": "oops\n"], at: "2026-06-18T04:00:00Z")
        let error = try #require(throws: GitError.self) {
            try DataState.read(repository: builder.repository, commit: commit)
        }
        #expect(error.code == .invalidData && error.message.contains("is not a folder"))
    }
}
