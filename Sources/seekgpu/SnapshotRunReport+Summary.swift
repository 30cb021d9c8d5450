import Feeds
import SeekCore

extension SnapshotRunReport {
    /// The end-of-run summary of the snapshots step.
    func summaryLines(verbose: Bool) -> [String] {
        if isNoOp {
            return ["snapshots: up to date with index commit \(indexCommit.short) (\(publishedDays) snapshots); nothing written"]
        }
        var lines = [
            "snapshots: index commit \(indexCommit.short), \(daysInHistory) days in the history, \(daysExamined) examined",
            "  \(written.count) written, \(unchanged.count) unchanged, \(skipped.count) skipped (same as the day before)"
                + (empty.isEmpty ? "" : ", \(empty.count) without models")
                + (removed.isEmpty ? "" : ", \(removed.count) removed")
                + "; \(publishedDays) published" + (indexWritten ? "" : ", index.json unchanged"),
        ]
        for problem in rebuiltFiles {
            lines.append("  rebuilt from the index, as this was damaged: \(problem)")
        }
        if !futureCommits.isEmpty {
            lines.append("  \(futureCommits.count) commit\(futureCommits.count == 1 ? "" : "s") dated after now skipped: "
                         + futureCommits.prefix(3).map { "\($0.id.short) (\(Day.utcTimestamp($0.committerTime)))" }
                            .joined(separator: ", ") + (futureCommits.count > 3 ? ", …" : ""))
        }
        let files = invalidFiles.filter { $0.entry == nil }, entries = invalidFiles.filter { $0.entry != nil }
        if !files.isEmpty {
            lines.append("  \(files.count) invalid file\(files.count == 1 ? "" : "s") skipped:")
            lines += files.map { "    \($0.path) at \($0.commit.short): \($0.reason)" }
        }
        if !entries.isEmpty {
            lines.append("  \(entries.count) invalid score entr\(entries.count == 1 ? "y" : "ies") skipped, never ranked:")
            lines += entries.map { "    \($0.path) at \($0.commit.short): \($0.reason)" }
        }
        let models = newModels
        if !models.isEmpty {
            let shown = models.prefix(verbose ? models.count : 8).joined(separator: ", ")
            lines.append("  \(models.count) new model\(models.count == 1 ? "" : "s"): \(shown)"
                         + (models.count > 8 && !verbose ? ", …" : ""))
        }
        lines.append("  \(scoreChangeCount) score change\(scoreChangeCount == 1 ? "" : "s")")
        if verbose && !changes.isEmpty {
            lines.append("")
            lines.append(coverageReport)
        }
        return lines
    }
}
