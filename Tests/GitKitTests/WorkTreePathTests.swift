import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct WorkTreePathTests {
    @Test func aFolderInsideTheWorkTreeIsItsPathFromTheTop() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("site"), bare: false)
        #expect(try repo.workTreePath(of: dir.path("site/web/public")) == "web/public")
        #expect(try repo.workTreePath(of: dir.path("site/./web/../openhands-index")) == "openhands-index")
    }

    @Test func aSymbolicLinkIntoTheWorkTreeIsResolved() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("site"), bare: false)
        try FileManager.default.createDirectory(atPath: dir.path("site/web/public"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: dir.path("site/web"))
        #expect(try repo.workTreePath(of: dir.path("link/public")) == "web/public")
    }

    @Test(arguments: ["elsewhere/openhands-index", "site"])
    func aPathOutsideTheWorkTreeOrItsTopIsAnErrorNotAGuess(path: String) throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("site"), bare: false)
        do {
            let guessed = try repo.workTreePath(of: dir.path(path))
            Issue.record("got '\(guessed)' for a path that is not inside the work tree")
        } catch {
            #expect(error.code == .invalidData)
            #expect(error.description.contains(dir.path(path)))
            #expect(!error.description.contains("web/public"))
        }
    }

    @Test func aBareRepositoryHasNoWorkTreePaths() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("bare.git"), bare: true)
        #expect(throws: GitError.self) { _ = try repo.workTreePath(of: dir.path("bare.git/web")) }
    }
}
