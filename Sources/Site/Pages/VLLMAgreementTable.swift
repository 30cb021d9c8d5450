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
                .thead(.tr(
                    .th(escapedAttribute("scope", "col"), .text("Case")),
                    .th(escapedAttribute("scope", "col"), .text("Parallelism")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Reported tokens")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Predicted tokens")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Reported concurrency")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Predicted concurrency")),
                    .th(escapedAttribute("scope", "col"), .text("Agreement"))
                )),
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
}
