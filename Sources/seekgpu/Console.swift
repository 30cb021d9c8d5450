import Foundation

/// Where the command's human-readable output goes: stderr, so stdout stays free for data.
struct Console {
    var quiet: Bool
    var verbose: Bool

    /// Prints summary lines unless `--quiet`.
    func summary(_ lines: [String]) {
        guard !quiet else { return }
        write(lines.joined(separator: "\n") + "\n")
    }

    /// Prints an error, always.
    func error(_ message: String) {
        write("Error: \(message)\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
