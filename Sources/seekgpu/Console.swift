import ConfigKit
import Foundation
import Logging

/// Where the command's human-readable output goes: stderr, so stdout stays free for data.
struct Console {
    var quiet: Bool
    var verbose: Bool

    /// A logger writing to stderr: warnings by default, errors only with `--quiet`,
    /// everything with `--verbose`.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = quiet ? Logger.Level.error : verbose ? .debug : .warning
        return logger
    }

    /// Prints summary lines unless `--quiet`.
    func summary(_ lines: [String]) {
        guard !quiet else { return }
        write(lines.joined(separator: "\n") + "\n")
    }

    /// Prints an error, always.
    func error(_ message: String) {
        write("Error: \(message)\n")
    }

    /// Prints every problem of a configuration file as `FILE:LINE:COLUMN: message`, one per line and
    /// always, then `Error: FILE has N problems; <consequence>`.
    func problems(_ error: ConfigFileError, consequence: String) {
        write(error.description + "\n")
        self.error("\(error.summary); \(consequence)")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
