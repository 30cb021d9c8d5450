import Foundation
import Logging

/// Keeps every log line (level, message and metadata) so a test can read what was logged.
final class LogRecorder: @unchecked Sendable {  // `entries` is only touched under `lock`
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, text: String)] = []

    /// A logger writing here, at trace level.
    var logger: Logger {
        var logger = Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ level: Logger.Level, _ text: String) { lock.withLock { entries.append((level, text)) } }

    /// The recorded lines, in order.
    var lines: [(level: Logger.Level, text: String)] { lock.withLock { entries } }

    /// Every recorded line joined, for "never contains" checks.
    var allText: String { lines.map(\.text).joined(separator: "\n") }
}

struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let suffix = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append(event.level, "\(event.message)\(suffix)")
    }
}
