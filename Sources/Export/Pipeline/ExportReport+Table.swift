import Foundation

extension ExportReport {
    /// The report as a text table, one row per pipeline, then one line per failed output:
    ///
    /// ```
    /// pipeline  status  input  filtered  outputs  filter  transform  output
    /// eu-csv    ok        253        40  2/2      0.4 ms  1.2 ms     3.0 ms
    ///   eu-csv: s3 s3://bucket/: AWS_ACCESS_KEY_ID is not set
    /// ```
    public func table() -> String {
        let header = ["pipeline", "status", "input", "filtered", "outputs", "filter", "transform", "output"]
        let rows = pipelines.map { report -> [String] in
            guard report.enabled else { return [report.name, "disabled", "-", "-", "-", "-", "-", "-"] }
            return [report.name, report.success ? "ok" : "FAILED", String(report.inputCount), String(report.filteredCount),
                    "\(report.outputsSucceeded)/\(report.outputs.count)", Self.format(report.filterDuration),
                    Self.format(report.transformDuration), Self.format(report.outputDuration)]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [2, 3]
        var lines = all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        for report in pipelines {
            if let error = report.error, report.outputs.isEmpty { lines.append("  \(report.name): \(error)") }
            for output in report.outputs where !output.succeeded {
                let kind = output.type + (output.name.map { " '\($0)'" } ?? "")
                lines.append("  \(report.name): \(kind) \(output.label): \(output.error ?? "failed")")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `0.4 ms`, `12 ms`, `1.25 s`.
    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        let milliseconds = seconds * 1000
        return milliseconds < 10 ? String(format: "%.1f ms", milliseconds) : String(format: "%.0f ms", milliseconds)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
