import GitKit
import Testing
import TestSupport

/// `Repository.resolve(_:)`: what `git rev-parse <rev>^{commit}` would answer.
@Suite struct RevParseTests {
    func makeHistory(in dir: TemporaryDirectory) throws -> (IndexRepositoryBuilder, first: ObjectID, second: ObjectID) {
        let builder = try IndexRepositoryBuilder(at: dir.path("repo.git"))
        let first = try builder.commit(["a.txt": "one"], at: "2026-03-01T10:00:00Z")
        let second = try builder.commit(["a.txt": "two"], at: "2026-03-02T10:00:00Z")
        return (builder, first, second)
    }

    @Test func headAncestorsBranchesAndIdsResolveToCommits() throws {
        let dir = try TemporaryDirectory()
        let (builder, first, second) = try makeHistory(in: dir)
        let repo = builder.repository
        try repo.setBranch("release", to: first)
        #expect(try repo.resolve("HEAD") == second)
        #expect(try repo.resolve("HEAD~1") == first)
        #expect(try repo.resolve("main") == second)
        #expect(try repo.resolve("refs/heads/release") == first)
        #expect(try repo.resolve(first.hex) == first)
        #expect(try repo.resolve(String(second.hex.prefix(10))) == second)
    }

    @Test func anUnknownRevisionIsNotFoundAndNamesRevisionAndRepository() throws {
        let dir = try TemporaryDirectory()
        let (builder, _, _) = try makeHistory(in: dir)
        let error = try #require(throws: GitError.self) { try builder.repository.resolve("no-such-branch") }
        #expect(error.code == .notFound)
        #expect(error.message.contains("'no-such-branch'") && error.message.contains(dir.path("repo.git")))
        #expect(error.cause?.call == "git_revparse_single")
        #expect(throws: GitError.self) { try builder.repository.resolve("HEAD~5") }
    }

    @Test func aTreeIsNotACommit() throws {
        let dir = try TemporaryDirectory()
        let (builder, _, second) = try makeHistory(in: dir)
        let tree = try builder.repository.commit(second).treeID
        let error = try #require(throws: GitError.self) { try builder.repository.resolve(tree.hex) }
        #expect(error.code == .invalidData)
        #expect(error.message.contains("is not a commit"))
    }

    @Test func headOfAnEmptyRepositoryIsNotFound() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("empty.git"), bare: true)
        let error = try #require(throws: GitError.self) { try repo.resolve("HEAD") }
        #expect(error.code == .notFound)
    }
}
