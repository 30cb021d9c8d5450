import Foundation
import SeekCore
import Testing

/// A fresh, uniquely named scratch directory removed when the test ends.
private struct ScratchDirectory: ~Copyable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("AtomicFileTests-\(UUID().uuidString)", isDirectory: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func entries(in directory: URL? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: (directory ?? url).path)) ?? []).sorted()
    }
}

private func contents(of url: URL) -> [UInt8]? {
    FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
}

private func modificationDate(of url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
}

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test("writes the bytes, creating missing directories, and leaves no temporary file")
    func writesAndCreatesDirectories() throws {
        let scratch = ScratchDirectory()
        let directory = scratch.url.appendingPathComponent("a/b/c", isDirectory: true)
        let target = directory.appendingPathComponent("out.json")
        let bytes = Array("{\n  \"ok\": true\n}\n".utf8)
        try AtomicFile.write(bytes, to: target)
        #expect(contents(of: target) == bytes)
        #expect(scratch.entries(in: directory) == ["out.json"])
    }

    @Test("replaces an existing file and keeps its permissions")
    func replacesExistingFile() throws {
        let scratch = ScratchDirectory()
        let target = scratch.url.appendingPathComponent("data.json")
        try AtomicFile.write(Array("old contents that are longer".utf8), to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        try AtomicFile.write(Array("new".utf8), to: target, sync: true)
        #expect(contents(of: target) == Array("new".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(scratch.entries() == ["data.json"])
    }

    @Test("writes empty files")
    func writesEmptyFile() throws {
        let scratch = ScratchDirectory()
        let target = scratch.url.appendingPathComponent("empty")
        try AtomicFile.write([], to: target)
        #expect(contents(of: target) == [])
    }

    @Test("writeIfChanged leaves an identical file and its modification time alone")
    func writeIfChangedSkipsIdenticalContent() throws {
        let scratch = ScratchDirectory()
        let target = scratch.url.appendingPathComponent("same.json")
        let bytes = Array("[1, 2, 3]\n".utf8)
        #expect(try AtomicFile.writeIfChanged(bytes, to: target))
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: target.path)

        #expect(try AtomicFile.writeIfChanged(bytes, to: target) == false)
        #expect(modificationDate(of: target) == past)

        let changed = Array("[1, 2, 4]\n".utf8)
        #expect(try AtomicFile.writeIfChanged(changed, to: target))
        #expect(contents(of: target) == changed)
        #expect(modificationDate(of: target) != past)
        #expect(try AtomicFile.writeIfChanged(Array("[1]\n".utf8), to: target))
        #expect(scratch.entries() == ["same.json"])
    }

    @Test("failures name the path and the system error, leaving nothing behind")
    func reportsFailures() throws {
        let scratch = ScratchDirectory()
        let blocker = scratch.url.appendingPathComponent("file")
        try AtomicFile.write(Array("x".utf8), to: blocker)
        let impossible = blocker.appendingPathComponent("child.json")
        #expect {
            try AtomicFile.write(Array("y".utf8), to: impossible)
        } throws: { error in
            guard let error = error as? FileWriteError else { return false }
            return error.path == impossible.path && error.code == ENOTDIR
                && error.description.contains(impossible.path) && error.description.contains("Not a directory")
        }

        let directoryTarget = scratch.url.appendingPathComponent("dir", isDirectory: true)
        try FileManager.default.createDirectory(at: directoryTarget.appendingPathComponent("inner"), withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) {
            try AtomicFile.write(Array("z".utf8), to: directoryTarget)
        }
        #expect(scratch.entries() == ["dir", "file"])
        #expect(contents(of: blocker) == Array("x".utf8))
    }
}
