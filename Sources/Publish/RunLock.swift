import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a checkout, so two seekgpu runs never write the same files at once.
///
/// An advisory `flock` on a lock file: the kernel releases it when the process ends, even on a
/// crash, so a stale file never blocks the next run. The holder's pid is written into the file
/// for the message the second run prints.
public final class RunLock {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, or fails at once when another process holds it.
    ///
    /// - Parameter path: The lock file (created if missing), e.g. `.seekgpu.lock` in the checkout.
    /// - Throws: `RunLockError` naming the holder's pid when the lock is taken, or the file cannot be opened.
    public init(path: String) throws(RunLockError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunLockError(path: path, holder: nil, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(fd)
            close(fd)
            throw RunLockError(path: path, holder: holder, reason: nil)
        }
        descriptor = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Another run holds the lock, or the lock file cannot be opened.
public struct RunLockError: Error, Sendable, CustomStringConvertible {
    /// The lock file.
    public var path: String
    /// The pid written by the holder, when known.
    public var holder: Int32?
    /// Why the file could not be opened, when that was the problem.
    public var reason: String?

    public var description: String {
        if let reason { return "cannot open the lock file \(path): \(reason)" }
        return "another seekgpu run\(holder.map { " (pid \($0))" } ?? "") is writing this checkout (lock \(path)); "
            + "wait for it to finish, or remove the file only if no seekgpu process is running"
    }
}
