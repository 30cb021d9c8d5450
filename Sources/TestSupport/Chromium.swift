import Foundation

/// Debian's chromium, headless, for browser tests: each run gets a fresh profile, so no state
/// (cache, `localStorage`) leaks between runs.
public enum Chromium {
    /// Where `scripts/setup --test` installs it.
    public static let path = "/usr/bin/chromium"

    /// Whether chromium is installed.
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// What one run printed.
    public struct Output: Sendable {
        /// Standard output (the DOM for `--dump-dom`).
        public var stdout: String
        /// The page's console messages, as chromium logs them (`…:CONSOLE:…` lines: script errors included).
        public var console: [String]
    }

    /// Runs chromium headless on `url` with `arguments` (e.g. `--dump-dom`); blocks until it exits,
    /// so call it from a dedicated thread (`onDedicatedThread`).
    public static func run(_ arguments: [String], url: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(NSTemporaryDirectory())/seekgpu-chromium-\(UUID().uuidString)"]
            + arguments + [url]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on its own thread so a chatty chromium never blocks on a full pipe.
        let errors = StderrBuffer()
        let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errors.done.wait()
        let console = String(decoding: errors.data, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains(":CONSOLE") }.map(String.init)
        return Output(stdout: String(decoding: data, as: UTF8.self), console: console)
    }

    private final class StderrBuffer: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}
