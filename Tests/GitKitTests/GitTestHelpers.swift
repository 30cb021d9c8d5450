import Foundation
import GitKit
import Testing
import TestSupport

/// A fixed signature for test commits.
let testSignature = Signature(name: "Test Bot", email: "bot@example.invalid", time: 1_769_558_400)

/// Writes `text` to `<directory>/<relativePath>`, creating parent directories.
func write(_ text: String, to relativePath: String, in directory: String) throws {
    let url = URL(fileURLWithPath: directory).appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The text of `<directory>/<relativePath>`, or nil when it does not exist.
func read(_ relativePath: String, in directory: String) -> String? {
    FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(relativePath).path)
        .map { String(decoding: $0, as: UTF8.self) }
}

extension Repository {
    /// Writes `files` into the work tree, stages exactly them and commits.
    @discardableResult
    func commitFiles(_ files: [String: String], message: String = "update") throws -> ObjectID {
        let workTree = try #require(workingDirectory)
        for (path, text) in files { try write(text, to: path, in: workTree) }
        try stage(paths: Array(files.keys))
        return try #require(try commitIndex(message: message, author: testSignature, committer: testSignature))
    }
}

/// A bare `origin.git` holding one commit on `main` (README), pushed from a throwaway clone.
func makeOrigin(in dir: TemporaryDirectory) throws -> (path: String, first: ObjectID) {
    let origin = dir.path("origin.git")
    _ = try Repository.create(at: origin, bare: true)
    let seed = try Repository.clone(url: origin, to: dir.path("seed"), branch: "main")
    let first = try seed.commitFiles(["README": "seed\n"], message: "seed")
    try seed.push(remote: "origin", refspec: "refs/heads/main:refs/heads/main", credentials: .none)
    return (origin, first)
}
