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
        let holder = try LockHolder(path: path)
        defer { holder.release() }
        #expect(throws: RunLockError.self) { _ = try RunLock(path: path) }
    }

    @Test func anUnwritablePlaceIsAClearError() {
        #expect(throws: RunLockError.self) { _ = try RunLock(path: "/proc/no-such-dir/.seekgpu.lock") }
    }
}
