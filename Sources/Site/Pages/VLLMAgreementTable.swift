import Plot
import Sizing

/// The Methodology page's agreement table: for every public vLLM start-up log, the KV cache tokens and
/// maximum concurrency vLLM reported next to what the KV model predicts at the printed available memory
/// (± 0.005 GiB, the print's rounding), and whether they agree.
enum VLLMAgreementTable {
    static func section(_ rows: [VLLMAgreement.Row]) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .empty }
        let exact = rows.filter { $0.checkable && $0.problem == nil }.count
        let checkable = rows.filter(\.checkable).count
        return .section(
            escapedAttribute("class", "formula"),
            escapedAttribute("aria-labelledby", "vllm-agreement"),
            .h2(escapedAttribute("id", "vllm-agreement"), .text("Agreement with vLLM")),
            .p(.text("The KV cache figures follow vLLM's own rules (page bytes per layer type, hybrid groups with padding "
                + "layers, blocks per request). Against \(rows.count) public vLLM start-up logs, \(exact) of the \(checkable) "
                + "that carry the facts needed are predicted exactly: the reported tokens fall inside the prediction at the "
                + "printed available memory ± 0.005 GiB and the concurrency matches to two decimals. The others are listed "
                + "with the reason they cannot be checked.")),
            scrollRegion(label: "Agreement with vLLM", .table(
                escapedAttribute("class", "coverage"),
                .caption(.text("vLLM reported vs predicted, per start-up log")),
                tableHead([TableColumn(title: "Case"), TableColumn(title: "Parallelism"),
                           TableColumn(title: "Reported tokens", numeric: true), TableColumn(title: "Predicted tokens", numeric: true),
                           TableColumn(title: "Reported concurrency", numeric: true),
                           TableColumn(title: "Predicted concurrency", numeric: true), TableColumn(title: "Agreement")]),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .th(escapedAttribute("scope", "row"), .text(row.id), .br(), .small(.text(row.model))),
                        .td(.text(row.parallelism)),
                        .td(escapedAttribute("class", "num"), .text(row.reportedTokens.map { MethodologyPage.number(Double($0)) } ?? "—")),
                        .td(escapedAttribute("class", "num"), .text(row.predictedTokens.map {
                            $0.lowerBound == $0.upperBound ? MethodologyPage.number(Double($0.lowerBound))
                                : "\(MethodologyPage.number(Double($0.lowerBound)))–\(MethodologyPage.number(Double($0.upperBound)))"
                        } ?? "—")),
                        .td(escapedAttribute("class", "num"), .text(row.reportedConcurrency.map { $0 + "×" } ?? "—")),
                        .td(escapedAttribute("class", "num"), .text(row.predictedConcurrency.map { $0 + "×" } ?? "—")),
                        .td(.text(row.checkable ? (row.problem.map { "differs: \($0)" } ?? "exact") : "not checkable: \(row.problem ?? "")"))
                    )
                })
            ))
        )
    }

    /// The memory table: weights and available KV memory predicted from each logged model's config alone (GPU
    /// memory as vLLM sees it, weights as it loads them, the non-KV terms of the log's release) against the log.
    static func memorySection(_ rows: [VLLMAgreement.Row]) -> Node<HTML.BodyContext> {
        let checked = rows.compactMap { row in row.memory.map { (row, $0) } }
        guard !checked.isEmpty else { return .empty }
        let agree = checked.filter { $0.1.availableAgrees && $0.1.weightsAgree }.count
        let worstWeights = checked.compactMap { $0.1.weightsError.map(abs) }.max() ?? 0
        let worstKV = checked.map { abs($0.1.availableErrorGiB) }.max() ?? 0
        let two = { (x: Double) in String(format: "%.2f", x) }
        return .section(
            escapedAttribute("class", "formula"),
            escapedAttribute("aria-labelledby", "vllm-memory"),
            .h2(escapedAttribute("id", "vllm-memory"), .text("Weights and KV memory from a config alone")),
            .p(.text("The streams on this site come from the memory vLLM leaves for the KV cache: the GPU's memory as vLLM "
                + "sees it × gpu_memory_utilization − the weights as vLLM loads them − the memory it keeps outside weights "
                + "and KV cache (each term under “Memory outside weights and KV cache”). Predicted from each model's config.json alone, \(agree) of \(checked.count) "
                + "public logs agree: weights within 2% of \"Model loading took\" (worst \(String(format: "%.1f", worstWeights * 100))%), "
                + "available KV within max(1 GiB, 5%) of \"Available KV cache memory\" (worst \(two(worstKV)) GiB).")),
            scrollRegion(label: "Weights and KV memory", .table(
                escapedAttribute("class", "coverage"),
                .caption(.text("vLLM printed vs predicted from the config, GiB per GPU")),
                tableHead([TableColumn(title: "Case"), TableColumn(title: "vLLM (sampler)"),
                           TableColumn(title: "Printed weights", numeric: true), TableColumn(title: "Predicted weights", numeric: true),
                           TableColumn(title: "Printed available KV", numeric: true),
                           TableColumn(title: "Predicted available KV", numeric: true), TableColumn(title: "Reserve (terms)")]),
                .tbody(.forEach(checked) { row, check in
                    .tr(
                        .th(escapedAttribute("scope", "row"), .text(row.id), .br(), .small(.text(row.model))),
                        .td(.text("\(check.plan.release.name) (\(check.plan.sampler))")),
                        .td(escapedAttribute("class", "num"), .text(check.reportedWeightsGiB.map(two) ?? "—")),
                        .td(escapedAttribute("class", "num"), .text(two(check.plan.weightsGiB)
                            + (check.weightsError.map { String(format: " (%+.1f%%)", $0 * 100) } ?? ""))),
                        .td(escapedAttribute("class", "num"), .text(two(check.reportedAvailableGiB))),
                        .td(escapedAttribute("class", "num"), .text(two(check.plan.availableKVGiB)
                            + String(format: " (%+.2f)", check.availableErrorGiB))),
                        .td(.text(two(check.plan.reserveGiB) + ": " + check.plan.terms.filter { $0.gib > 0.005 }
                            .map { "\($0.name) \(two($0.gib))" }.joined(separator: ", ")))
                    )
                })
            ))
        )
    }
}
