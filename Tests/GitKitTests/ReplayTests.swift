import GitKit
import Testing
import TestSupport

/// Replaying a rejected data commit on a newer remote head (`Repository.replay`).
@Suite struct ReplayTests {
    let who = Signature(name: "t", email: "t@example.com", time: 1_750_000_000)

    func blob(_ repo: Repository, _ text: String) throws -> ObjectID { try repo.writeBlob(Array(text.utf8)) }

    /// A root tree: README, web/public/{data/a.json, index.html}, and a gitlink.
    func tree(_ repo: Repository, readme: String, a: String, index: String?, link: ObjectID) throws -> ObjectID {
        var publicEntries = [TreeEntry(name: "data", id: try repo.writeTree([TreeEntry(name: "a.json", id: try blob(repo, a), kind: .blob)]),
                                       kind: .tree)]
        if let index { publicEntries.append(TreeEntry(name: "index.html", id: try blob(repo, index), kind: .blob)) }
        let web = try repo.writeTree([TreeEntry(name: "public", id: try repo.writeTree(publicEntries), kind: .tree)])
        return try repo.writeTree([
            TreeEntry(name: "README.md", id: try blob(repo, readme), kind: .blob),
            TreeEntry(name: "web", id: web, kind: .tree),
            TreeEntry(name: "openhands-index", id: link, kind: .commit),
        ])
    }

    @Test func takesOurGeneratedPathsAndTheirEverythingElse() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("repo.git"), bare: true)
        let oldLink = try #require(ObjectID(hex: String(repeating: "1", count: 40)))
        let newLink = try #require(ObjectID(hex: String(repeating: "2", count: 40)))
        let start = try repo.createCommit(tree: try tree(repo, readme: "v1", a: "1", index: "<p>1</p>", link: oldLink),
                                          parents: [], message: "start", author: who, committer: who, updatingReference: nil)
        // Ours: new data, index.html removed, submodule moved. Theirs: a maintainer edited the README.
        let ours = try repo.createCommit(tree: try tree(repo, readme: "v1", a: "2", index: nil, link: newLink),
                                         parents: [start], message: "data: 1 change", author: who, committer: who,
                                         updatingReference: nil)
        let theirs = try repo.createCommit(tree: try tree(repo, readme: "v2", a: "1", index: "<p>1</p>", link: oldLink),
                                           parents: [start], message: "docs", author: who, committer: who, updatingReference: nil)
        let replayed = try repo.replay(ours, onto: theirs, paths: ["web/public", "openhands-index"],
                                       message: "data: 1 change", author: who, committer: who)
        let commit = try repo.commit(replayed)
        #expect(commit.parentIDs == [theirs] && commit.message == "data: 1 change")
        let root = commit.treeID
        #expect(try repo.blobBytes(try #require(try repo.entry(at: "README.md", inTree: root)).id) == Array("v2".utf8))
        #expect(try repo.blobBytes(try #require(try repo.entry(at: "web/public/data/a.json", inTree: root)).id) == Array("2".utf8))
        #expect(try repo.entry(at: "web/public/index.html", inTree: root) == nil)
        #expect(try repo.entry(at: "openhands-index", inTree: root)?.id == newLink)
        #expect(try repo.entry(at: "openhands-index", inTree: root)?.kind == .commit)
    }

    @Test func removingTheLastEntryDropsEmptyDirectoriesAndAddingCreatesThem() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("repo.git"), bare: true)
        let file = TreeEntry(name: "x", id: try blob(repo, "x"), kind: .blob)
        let created = try repo.replacing("a/b/c.txt", with: file, inTree: nil)
        #expect(try repo.entry(at: "a/b/c.txt", inTree: created)?.id == file.id)
        let emptied = try repo.replacing("a/b/c.txt", with: nil, inTree: created)
        #expect(try repo.tree(emptied).entries.isEmpty)
        #expect(throws: GitError.self) { try repo.replacing("", with: nil, inTree: created) }
    }
}
