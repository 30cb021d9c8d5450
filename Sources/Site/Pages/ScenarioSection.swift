import Plot
import Sizing

/// The Advanced Settings form and the region it switches (decisions.md 19: the page is complete
/// without JavaScript; the script only swaps in precomputed fragments).
enum ScenarioSection {
    /// The form (hidden until the script runs) followed by the region holding `content`.
    ///
    /// - Parameters:
    ///   - scenario: The scenario `content` was computed for (selected in the form).
    ///   - content: The scenario-dependent part of the page.
    static func wrap(_ scenario: Scenario, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .group(form(selected: scenario), regionDiv(scenario, content))
    }

    /// The region the script swaps, holding `content` computed for `scenario`.
    static func regionDiv(_ scenario: Scenario, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .div(
            escapedAttribute("id", "scenario-region"),
            escapedAttribute("class", "scenario-region"),
            escapedAttribute("data-scenario", scenario.id),
            escapedAttribute("aria-live", "polite"),
            content
        )
    }

    /// The settings in a few words: `10k in, 4k out, FP8 KV cache, 85% memory`.
    static func describe(_ scenario: Scenario) -> String {
        "\(tokens(scenario.avgInputTokens)) in, \(tokens(scenario.avgOutputTokens)) out, "
            + "\(scenario.kvCachePrecision == .fp16 ? "FP16" : "FP8") KV cache, "
            + SiteFormat.percent(scenario.memoryUtilization * 100, digits: 0) + " memory"
    }

    /// One sentence naming the scenario; it sits inside the region so it changes with it.
    static func summary(_ scenario: Scenario) -> Node<HTML.BodyContext> {
        .p(escapedAttribute("class", "scenario-summary"),
           .text("Sized for \(tokens(scenario.avgInputTokens)) input and \(tokens(scenario.avgOutputTokens)) output tokens "
               + "per request, \(kvLabel(scenario.kvCachePrecision)) KV cache, \(SiteFormat.percent(scenario.memoryUtilization * 100, digits: 0)) of GPU memory usable, "
               + "at least 20 tokens/s per stream."))
    }

    static func tokens(_ n: Int) -> String { "\(n / 1000)k" }

    static func kvLabel(_ kv: KVCachePrecision) -> String { kv == .fp16 ? "FP16" : "FP8 (where the GPU supports it)" }

    private static func form(selected: Scenario) -> Node<HTML.BodyContext> {
        .element(named: "form", nodes: [
            escapedAttribute("id", "scenario-form"),
            escapedAttribute("class", "scenario-form"),
            escapedAttribute("data-default", Scenario.default.id),
            .attribute(named: "hidden"),
            .element(named: "fieldset", nodes: [
                .element(named: "legend", nodes: [.text("Advanced settings")]),
                select(name: "input", label: "Avg input tokens",
                       options: Scenario.inputTokenChoices.map { (String($0), tokens($0)) },
                       selected: String(selected.avgInputTokens)),
                select(name: "output", label: "Avg output tokens",
                       options: Scenario.outputTokenChoices.map { (String($0), tokens($0)) },
                       selected: String(selected.avgOutputTokens)),
                select(name: "kv", label: "KV cache dtype",
                       options: Scenario.kvChoices.map { (Scenario.kvToken($0), $0 == .fp16 ? "2 bytes (FP16/BF16)" : "1 byte (FP8, Hopper+)") },
                       selected: Scenario.kvToken(selected.kvCachePrecision)),
                select(name: "mem", label: "GPU memory utilization",
                       options: Scenario.memoryUtilizationChoices.map { u in
                           let pct = Int((u * 100).rounded())
                           return (String(pct), SiteFormat.percent(Double(pct), digits: 0))
                       },
                       selected: String(Int((selected.memoryUtilization * 100).rounded()))),
                .p(escapedAttribute("id", "scenario-status"), escapedAttribute("class", "scenario-status"),
                   escapedAttribute("role", "status")),
            ]),
        ])
    }

    private static func select(name: String, label: String, options: [(value: String, text: String)],
                               selected: String) -> Node<HTML.BodyContext> {
        .element(named: "label", nodes: [
            .span(.text(label)),
            .element(named: "select", nodes: [escapedAttribute("name", name)] + options.map { option in
                .element(named: "option", nodes: [
                    escapedAttribute("value", option.value),
                    option.value == selected ? .attribute(named: "selected") : .empty,
                    .text(option.text),
                ])
            }),
        ])
    }
}
