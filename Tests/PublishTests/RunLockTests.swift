import Foundation
import Publish
import Testing
import TestSupport

@Suite struct RunLockTests {
    @Test func aSecondHolderIsRefusedUntilTheFirstReleases() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path(".seekgpu.lock")
        var first: RunLock? = try RunLock(path: path)
        #expect(first != nil)
        do {
            _ = try RunLock(path: path)
            Issue.record("a second lock was granted while the first is held")
        } catch {
            #expect(error.holder == getpid())
            #expect(error.description.contains("another seekgpu run (pid \(getpid()))"))
        }
        first = nil
        let again = try RunLock(path: path)
        #expect(again.path == path)
    }

    @Test func aHolderInAnotherProcessIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path(".seekgpu.lock")
        // flock(1) holds the lock in a child process until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [path, "-c", "echo held; read line"]
        let out = Pipe(), input = Pipe()
        holder.standardOutput = out
        holder.standardInput = input
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        _ = out.fileHandleForReading.availableData  // "held": the child has the lock
        #expect(throws: RunLockError.self) { _ = try RunLock(path: path) }
    }

    @Test func anUnwritablePlaceIsAClearError() {
        #expect(throws: RunLockError.self) { _ = try RunLock(path: "/proc/no-such-dir/.seekgpu.lock") }
    }
}
