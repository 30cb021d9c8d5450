import Foundation

/// A test server run as a child process that announces itself with one line on stdout and exits
/// when its stdin closes (so it never outlives a test run that dies).
enum ChildServer {
    /// Starts `process` with its stdin on `input`, and returns the first line it prints (empty when it
    /// died before printing one).
    static func start(_ process: Process, input: Pipe) throws -> Data {
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        return line
    }

    /// Stops it: closes its stdin, waits up to 5 s, then SIGTERM, then SIGKILL, and waits for the exit.
    static func stop(_ process: Process, input: Pipe) {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            usleep(200_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
