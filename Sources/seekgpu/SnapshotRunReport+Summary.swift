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
        if !invalidFiles.isEmpty {
            lines.append("  \(invalidFiles.count) invalid file\(invalidFiles.count == 1 ? "" : "s") skipped:")
            lines += invalidFiles.map { "    \($0.path) at \($0.commit.short): \($0.reason)" }
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
