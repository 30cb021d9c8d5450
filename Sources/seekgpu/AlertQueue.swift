import Foundation
import SeekCore

/// Collects the alerts the steps of one run queue, and hands them to the daily job as a file.
final class AlertQueue {
    private(set) var alerts: [Alert] = []

    func add(_ more: [Alert]) { alerts += more }

    /// Writes the queue to `path` (always, also when empty, so the job sees a fresh file) and
    /// says how many alerts were queued.
    func flush(to path: String?, console: Console) throws {
        if !alerts.isEmpty {
            console.summary(["alerts queued: \(alerts.count)" + (path == nil ? " (pass --alerts-file to keep them)" : "")])
        }
        guard let path else { return }
        try AtomicFile.write(CanonicalJSON.encode(.array(alerts.map(\.json))), to: URL(fileURLWithPath: path))
    }
}
