import Feeds

extension ModelRunReport {
    /// The end-of-run summary of the models step.
    func summaryLines() -> [String] {
        var lines = ["models: \(models.count) rows in models.json" + (changed ? "" : " (unchanged)")]
        for (model, reason) in failures {
            lines.append("  failed \(model)" + (kept.contains(model) ? " (keeping its previous row)" : " (no previous row)")
                         + ": \(reason)")
        }
        for (model, reason) in unsupported {
            lines.append("  skipped \(model): \(reason); add its model_type to config/model-architectures.yaml")
        }
        if !unmapped.isEmpty {
            lines.append("  \(unmapped.count) open-weights model\(unmapped.count == 1 ? "" : "s") of the latest snapshot "
                         + "not in config/models.yaml: " + unmapped.joined(separator: ", "))
        }
        return lines
    }
}
