import Feeds
import SeekCore

extension PriceRunReport {
    /// The end-of-run summary of the prices step.
    func summaryLines(verbose: Bool) -> [String] {
        let fresh = source.providers.filter { !$0.stale }
        let versions = Set(fresh.compactMap(\.catalogVersion)).sorted()
        var lines = [
            "prices: \(fresh.count) of \(source.providers.count) providers read (catalog \(versions.joined(separator: ", ")))"
                + (source.asOf.map { ", as of \($0)" } ?? ""),
            "  \(rowsRead) catalog rows, \(malformedRows) malformed skipped; \(offerings.count) offerings published"
                + (historyPointAdded ? "; price history point added" : ""),
        ]
        for failure in failures {
            let stale = source.providers.first { $0.name == failure.provider }
            lines.append("  stale \(failure.provider)"
                         + (stale?.catalogVersion.map { " (keeping \(stale?.offerings ?? 0) rows of \($0))" } ?? " (no earlier rows)")
                         + (failure.isFormatChange ? " — FORMAT CHANGE" : "") + ": \(failure.reason)")
        }
        if !gpusWithoutSpecs.isEmpty {
            lines.append("  \(gpusWithoutSpecs.count) GPUs without a datasheet row (add them to config/gpu-datasheet-overrides.yaml): "
                         + gpusWithoutSpecs.joined(separator: ", "))
        }
        lines.append("  " + (changedFiles.isEmpty ? "no file changed" : "changed: " + changedFiles.joined(separator: ", ")))
        return lines
    }
}
