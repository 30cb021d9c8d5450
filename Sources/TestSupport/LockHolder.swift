import Foundation

/// Holds an advisory `flock` on a file from another process (`/usr/bin/flock`), as a second
/// seekgpu run would, until ``release()`` or deinit.
public final class LockHolder {
    private let process = Process()
    private let input = Pipe()

    /// Starts `flock PATH` in a child process and returns once the child holds the lock.
    /// - Throws: when the child cannot be started.
    public init(path: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = [path, "-c", "echo held; read line"]
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        _ = output.fileHandleForReading.availableData  // "held": the child has the lock
    }

    /// Lets the child exit, which releases the lock.
    public func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
