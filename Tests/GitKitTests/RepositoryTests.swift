import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct RepositoryTests {
    @Test func writtenBlobsTreesAndCommitsReadBack() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("repo.git"), bare: true)
        #expect(repo.isBare)
        #expect(try repo.headCommitID() == nil)

        let blob = try repo.writeBlob(Array("hello\n".utf8))
        #expect(blob.hex == "ce013625030ba8dba906f756967f9e9ca394464a")  // `git hash-object` of "hello\n"
        let inner = try repo.writeTree([TreeEntry(name: "a.txt", id: blob, kind: .blob)])
        let root = try repo.writeTree([TreeEntry(name: "dir", id: inner, kind: .tree),
                                       TreeEntry(name: "top.txt", id: blob, kind: .blob)])
        let signature = Signature(name: "T", email: "t@example.invalid", time: 1_769_558_400, offsetMinutes: -300)
        let commit = try repo.createCommit(tree: root, parents: [], message: "first\n", author: signature, committer: signature)

        #expect(try repo.headCommitID() == commit)
        let read = try repo.commit(commit)
        #expect(read.treeID == root)
        #expect(read.committerTime == 1_769_558_400)
        #expect(read.message == "first\n")
        #expect(read.parentIDs.isEmpty)
        let tree = try repo.tree(root)
        #expect(tree.entries.map(\.name) == ["dir", "top.txt"])
        #expect(tree.entry(named: "dir")?.kind == .tree)
        #expect(tree.entry(named: "missing") == nil)
        #expect(try repo.blobBytes(blob) == Array("hello\n".utf8))
        #expect(try repo.entry(atPath: "dir/a.txt", in: tree)?.id == blob)
        #expect(try repo.entry(atPath: "dir", in: tree)?.kind == .tree)
        #expect(try repo.entry(atPath: "dir/missing.txt", in: tree) == nil)
    }

    @Test func treeOrderComparesDirectoriesAsIfTheyEndedInSlash() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("repo.git"), bare: true)
        let blob = try repo.writeBlob([])
        let sub = try repo.writeTree([TreeEntry(name: "f", id: blob, kind: .blob)])
        let root = try repo.writeTree(["GLM-5", "GLM-5.1", "GPT-5.2", "GPT-5.2-Codex", "claude", "Zeta"].map {
            TreeEntry(name: $0, id: sub, kind: .tree)
        })
        #expect(try repo.tree(root).entries.map(\.name) == ["GLM-5.1", "GLM-5", "GPT-5.2-Codex", "GPT-5.2", "Zeta", "claude"])
    }

    @Test func historyListsEveryCommitOfAMergeNewestFirst() throws {
        let dir = try TemporaryDirectory()
        let builder = try IndexRepositoryBuilder(at: dir.path("repo.git"))
        let base = try builder.commit(["a": "1"], at: "2026-02-01T10:00:00Z")
        let side = try builder.commit(files: ["a": Array("2".utf8)], parents: [base], at: "2026-02-02T10:00:00Z",
                                      updatingHead: false)
        let main = try builder.commit(["b": "3"], at: "2026-02-03T10:00:00Z")
        let merge = try builder.commit(files: ["a": Array("2".utf8), "b": Array("3".utf8)], parents: [main, side],
                                       at: "2026-02-04T10:00:00Z", updatingHead: true)
        let history = try builder.repository.history(from: merge)
        #expect(history.map(\.id) == [merge, main, side, base])
        #expect(try builder.repository.commit(merge).parentIDs == [main, side])
    }

    @Test func openingAMissingPathIsNotFoundAndNamesThePath() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: GitError.self) { try Repository(openingAt: dir.path("nothing-here")) }
        #expect(error?.code == .notFound)
        #expect(error?.description.contains("nothing-here") == true)
        #expect(error?.cause?.call == "git_repository_open_ext")
    }

    @Test func openingAPlainDirectoryDoesNotFindTheEnclosingRepository() throws {
        let dir = try TemporaryDirectory()
        _ = try Repository.create(at: dir.path("outer"), bare: false)
        try FileManager.default.createDirectory(atPath: dir.path("outer/sub"), withIntermediateDirectories: true)
        #expect(throws: GitError.self) { try Repository(openingAt: dir.path("outer/sub")) }
        #expect(try Repository(openingAt: dir.path("outer")).isBare == false)
    }

    @Test func objectIDsRoundTripThroughHex() throws {
        let hex = "3015ac612e7196f428e6e8a3948965d32d9a3331"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.short == "3015ac61")
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(Set([id, ObjectID(hex: hex)!]).count == 1)
    }
}
