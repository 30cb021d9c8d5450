import Foundation
import Plot
import Sizing

/// One sizing constant as explained on the Methodology page.
public struct MethodologyConstant: Hashable, Sendable {
    /// The constant's name in the reference site (e.g. `HOURS_PER_MONTH`).
    public var name: String
    /// The value with its unit, e.g. `720 h/month`.
    public var value: String
    /// What the constant means.
    public var meaning: String
    /// The reference implementation's file that defines it, e.g. `lib/calculations.ts`.
    public var source: String

    /// Creates a row.
    public init(name: String, value: String, meaning: String, source: String) {
        self.name = name
        self.value = value
        self.meaning = meaning
        self.source = source
    }
}

/// The Methodology page: what every sizing constant is, its value and where it comes from.
public struct MethodologyPage {
    /// The assumptions whose values are shown.
    public var assumptions: SizingAssumptions

    /// Creates the page.
    ///
    /// - Parameters:
    ///   - assumptions: The sizing constants in use (normally `SizingAssumptions.reference`).
    ///   - vllmAgreement: The rows of the vLLM agreement table; empty leaves it out.
    ///   - chrome: The header's data date and favicon.
    public init(assumptions: SizingAssumptions, vllmAgreement: [VLLMAgreement.Row] = [], chrome: SiteChrome = SiteChrome()) {
        self.assumptions = assumptions
        self.vllmAgreement = vllmAgreement
        self.chrome = chrome
    }

    /// The header's data date and favicon.
    public var chrome: SiteChrome

    /// The agreement rows with public vLLM logs; empty leaves the table out.
    public var vllmAgreement: [VLLMAgreement.Row]

    /// The constants listed, in the order shown.
    public var constants: [MethodologyConstant] {
        let a = assumptions
        let replaced: Set<String> = a.vllmRelease == nil ? [] : ["maxBatchedTokens", "bytesPerActivation", "activationBuffers",
                                                                 "cudaGraphMaxBatchSize"]
        func row(_ name: String, _ value: String, _ meaning: String, _ source: String? = nil) -> MethodologyConstant {
            let note = replaced.contains(name) ? " Not used here: the vLLM memory model sets the reserve." : ""
            return MethodologyConstant(name: name, value: value, meaning: meaning + note,
                                       source: source ?? Self.referenceFiles[name] ?? "lib/calculations.ts")
        }
        let taskCounts = a.benchmarkCategories
            .map { "\($0) \(Self.number(a.benchmarkInstanceCounts[$0] ?? 0))" }
            .joined(separator: ", ")
        return [
            row("HOURS_PER_MONTH", "\(Self.number(a.hoursPerMonth)) h/month",
                "Hours billed per month: monthly cost = hourly price × this."),
            row("SECONDS_PER_MONTH", "\(Self.number(a.secondsPerMonth)) s",
                "Seconds per month used for request capacity (30 × 24 × 3600)."),
            row("WEIGHT_OVERHEAD_FACTOR", "× \(Self.number(a.weightOverheadFactor))",
                "Weights × this = VRAM needed to fit the model (activations, CUDA context)."),
            row("DEFAULT_MEMORY_UTILIZATION", Self.percent(a.memoryUtilization),
                "Fraction of VRAM the inference engine may use (vLLM's default)."),
            row("FORWARD_FLOPS_PER_PARAM", "\(Self.number(a.forwardFLOPsPerParam)) FLOPs/parameter/token",
                "Floating-point operations per parameter per token of a forward pass."),
            row("PREFILL_CACHE_HIT_RATE", Self.percent(a.prefillCacheHitRate),
                "Fraction of input tokens served from the prefix cache instead of being prefilled."),
            row("MAX_PROJECTED_GPUS", "\(a.maxProjectedGPUs) GPUs",
                "Largest GPU count a projected (scaled) setup may use."),
            row("NVLINK_PAIR_SIZE", "\(a.nvlinkPairSize) GPUs",
                "GPUs per NVLink bridge on NVLink-paired nodes."),
            row("maxBatchedTokens", "\(Self.number(a.maxBatchedTokens)) tokens",
                "Engine batch size in tokens, for activation buffers."),
            row("bytesPerActivation", "\(Self.number(a.bytesPerActivation)) bytes",
                "Bytes per activation element in the runtime memory reserve."),
            row("activationBuffers", Self.number(a.activationBuffers),
                "Activation buffers held at peak."),
            row("cudaGraphMaxBatchSize", "\(Self.number(a.cudaGraphMaxBatchSize)) sequences",
                "Largest batch captured by CUDA graphs."),
            row("DEFAULT_PREFIX_REUSE_RANGE",
                "\(Self.percent(a.defaultPrefixReuse.low))–\(Self.percent(a.defaultPrefixReuse.high))",
                "Prefix-reuse range used when a caller passes none (the app passes 0–0: whole-prompt admission).",
                "lib/calc-capacity.ts"),
            row("DEFAULT_ACTIVATION_BYTES", "\(Self.number(a.decodeActivationBytes)) bytes",
                "Bytes per activation element exchanged in decode collectives."),
            row("DEFAULT_KERNEL_LAUNCH_LATENCY_S", Self.microseconds(a.kernelLaunchLatencyS),
                "Latency of one kernel launch."),
            row("DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER (dense)", "\(Self.number(a.denseOpsPerLayer)) kernels/layer",
                "Kernels per layer per decode step for dense models."),
            row("DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER (MoE)", "\(Self.number(a.moeOpsPerLayer)) kernels/layer",
                "Kernels per layer per decode step for mixture-of-experts models."),
            row("DEFAULT_COLLECTIVE_LATENCY_S (NVSwitch)", Self.microseconds(a.nvswitchCollectiveLatencyS),
                "Fixed latency of one collective on an NVSwitch fabric."),
            row("DEFAULT_COLLECTIVE_LATENCY_S (NVLink pairs)", Self.microseconds(a.nvlinkPairedCollectiveLatencyS),
                "Fixed latency of one collective over paired NVLink bridges."),
            row("DEFAULT_COLLECTIVE_LATENCY_S (PCIe)", Self.microseconds(a.pcieCollectiveLatencyS),
                "Fixed latency of one collective over PCIe."),
            row("FP8 KV architectures", a.fp8KVArchitectures.sorted().joined(separator: ", "),
                "GPU architectures whose KV cache can be stored in 1-byte FP8."),
            row("BENCHMARK_INSTANCE_COUNTS", "\(taskCounts) tasks",
                "Tasks per OpenHands Index category, for the total API cost of a benchmark run.", "lib/benchmark-costs.ts"),
            row("COMPACTION_THRESHOLD_TOKENS", "\(Self.number(a.compactionThresholdTokens)) tokens",
                "Running context after compaction and at the first request of a conversation."),
            row("INTER_CONVERSATION_GAP_MIN", "\(Self.number(a.interConversationGapMinutes)) min",
                "Minutes between conversations; a cache TTL at least this long keeps the first request warm."),
            row("DEFAULT_REQ_PER_DEV_HOUR", "\(Self.number(a.requestsPerDeveloperHour)) requests/h",
                "Requests one developer sends per hour, for team capacity."),
            row("Budget chart threshold", "\(Self.number(a.budgetMinPercentOfSOTA))% of SOTA",
                "Lowest percentage of the state-of-the-art score a ranked model needs to appear in the budget chart."),
            row("Cost-trend concurrency", "\(a.costTrendConcurrency) streams",
                "Concurrency the GPU cost trend sizes for."),
            row("PERFORMANCE_COLUMNS", a.performanceColumnStreams.map(String.init).joined(separator: ", ") + " streams",
                "Stream targets of the Performance matrix's Fit and Scale columns."),
            row("MAX_PRESETS", "\(a.maxPresets) presets", "Budget presets offered."),
            row("Node GPU count", "\(a.nodeGPUCount) GPUs", "GPUs per node in the node price history."),
        ]
    }

    /// The reference implementation's file of each constant (its §2.1 table); the others live in lib/calculations.ts.
    static let referenceFiles: [String: String] = [
        "SECONDS_PER_MONTH": "lib/api-hosting-cost.ts", "DEFAULT_MEMORY_UTILIZATION": "lib/matrix-calculator.ts",
        "FORWARD_FLOPS_PER_PARAM": "lib/matrix-calculator.ts", "PREFILL_CACHE_HIT_RATE": "lib/matrix-calculator.ts",
        "MAX_PROJECTED_GPUS": "lib/matrix-calculator.ts", "NVLINK_PAIR_SIZE": "lib/calc-topology.ts",
        "maxBatchedTokens": "lib/calc-capacity.ts", "bytesPerActivation": "lib/calc-capacity.ts",
        "activationBuffers": "lib/calc-capacity.ts", "cudaGraphMaxBatchSize": "lib/calc-capacity.ts",
        "DEFAULT_ACTIVATION_BYTES": "lib/calc-decode-latency.ts", "DEFAULT_KERNEL_LAUNCH_LATENCY_S": "lib/calc-decode-latency.ts",
        "DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER (dense)": "lib/calc-decode-latency.ts",
        "DEFAULT_DECODE_COMPUTE_OPS_PER_LAYER (MoE)": "lib/calc-decode-latency.ts",
        "DEFAULT_COLLECTIVE_LATENCY_S (NVSwitch)": "lib/calc-decode-latency.ts",
        "DEFAULT_COLLECTIVE_LATENCY_S (NVLink pairs)": "lib/calc-decode-latency.ts",
        "DEFAULT_COLLECTIVE_LATENCY_S (PCIe)": "lib/calc-decode-latency.ts", "FP8 KV architectures": "lib/gpu-specs.ts",
        "COMPACTION_THRESHOLD_TOKENS": "lib/api-hosting-cost.ts", "INTER_CONVERSATION_GAP_MIN": "lib/api-hosting-cost.ts",
        "DEFAULT_REQ_PER_DEV_HOUR": "components/budget-chart.tsx", "Budget chart threshold": "lib/matrix-calculator.ts",
        "Cost-trend concurrency": "lib/trend-data.ts", "PERFORMANCE_COLUMNS": "lib/performance-columns.ts",
        "MAX_PRESETS": "lib/gpu-presets.ts", "Node GPU count": "lib/trend-data.ts",
    ]

    /// The vLLM memory constants, when the assumptions model a vLLM release.
    private var vllmConstants: Node<HTML.BodyContext> {
        guard let release = assumptions.vllmRelease else { return .empty }
        return VLLMConstantsSection.section(assumed: release)
    }

    /// Renders the complete page, to be written at `methodology/index.html`.
    ///
    /// - Returns: The HTML document.
    public func render() -> String {
        let shell = PageShell(title: "Methodology", section: .methodology, rootPath: "../", chrome: chrome)
        return shell.render(.group(
            .h1(.text("Methodology")),
            .p(
                escapedAttribute("class", "lede"),
                .text("Every number on this site is computed once, in Swift, when the site is built; the browser never recomputes it. "
                    + "This page explains each formula in words, then lists every constant with its value and source. "
                    + "Most formulas follow the reference implementation, the Next.js site seekgpu re-implements; its files are linked.")
            ),
            .nav(escapedAttribute("class", "toc"), escapedAttribute("aria-label", "On this page"),
                 .ul(.forEach(formulas) { f in .li(.a(escapedAttribute("href", "#" + f.id), .text(f.title))) },
                     .li(.a(escapedAttribute("href", "#settings"), .text("Advanced settings"))),
                     .if(assumptions.vllmRelease != nil,
                         .li(.a(escapedAttribute("href", "#vllm-constants"), .text("vLLM memory constants")))),
                     .if(!vllmAgreement.isEmpty, .li(.a(escapedAttribute("href", "#vllm-agreement"), .text("Agreement with vLLM")))),
                     .if(vllmAgreement.contains { $0.memory != nil },
                         .li(.a(escapedAttribute("href", "#vllm-memory"), .text("Weights and KV memory")))),
                     .li(.a(escapedAttribute("href", "#" + DeployMethodSection.id), .text("Deploy recipes and serving precisions"))),
                     .li(.a(escapedAttribute("href", "#constants"), .text("Sizing constants"))))),
            .forEach(formulas) { f in
                .section(
                    escapedAttribute("class", "formula"),
                    escapedAttribute("aria-labelledby", f.id),
                    .h2(escapedAttribute("id", f.id), .text(f.title)),
                    .forEach(f.explanation) { .p(.text($0)) },
                    .pre(.code(.text(f.formula.joined(separator: "\n")))),
                    MethodologySource.paragraph(f.sources)
                )
            },
            .h2(escapedAttribute("id", "settings"), .text("Advanced settings")),
            .p(.text("The Performance and Budget pages are precomputed for every combination of these choices: average input tokens "
                + Scenario.inputTokenChoices.map { "\($0 / 1000)k" }.joined(separator: ", ")
                + "; output tokens " + Scenario.outputTokenChoices.map { "\($0 / 1000)k" }.joined(separator: ", ")
                + "; KV cache FP16 or FP8; GPU memory utilization "
                + Scenario.memoryUtilizationChoices.map { Self.percent($0) }.joined(separator: ", ")
                + ". The defaults are 50k input and 1k output tokens, FP16 KV cache and 90% memory. "
                + "Unlike the reference, memory utilization applies to the Performance page as well as to Budget. "
                + "Model pages and Trends use the defaults. Without JavaScript the pages show the defaults.")),
            vllmConstants,
            VLLMAgreementTable.section(vllmAgreement),
            VLLMAgreementTable.memorySection(vllmAgreement),
            DeployMethodSection.section(),
            .h2(escapedAttribute("id", "constants"), .text("Sizing constants")),
            scrollRegion(
                label: "Sizing constants",
                .table(
                    escapedAttribute("class", "constants"),
                    .caption(.text("Sizing constants and their reference values")),
                    .thead(.tr(
                        .th(escapedAttribute("scope", "col"), .text("Name")),
                        .th(escapedAttribute("scope", "col"), .text("Value")),
                        .th(escapedAttribute("scope", "col"), .text("What it means")),
                        .th(escapedAttribute("scope", "col"), .text("Source"))
                    )),
                    .tbody(.forEach(constants) { constant in
                        .tr(
                            .th(escapedAttribute("scope", "row"), .code(.text(constant.name))),
                            .td(.text(constant.value)),
                            .td(.text(constant.meaning)),
                            .td(MethodologySource.reference(constant.source).node)
                        )
                    })
                )
            )
        ))
    }

    /// A number without a trailing `.0`, with thousands separators for whole numbers (`2,592,000`, `1.15`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return (value < 0 ? "-" : "") + groupedDigits(String(Int64(value).magnitude))
        }
        return "\(value)"
    }

    /// A fraction as a percentage, e.g. `0.9` → `90 %`.
    static func percent(_ fraction: Double) -> String {
        "\(number((fraction * 1000).rounded() / 10))%"
    }

    /// Seconds as microseconds, e.g. `5e-6` → `5 µs`.
    static func microseconds(_ seconds: Double) -> String {
        "\(number((seconds * 1e7).rounded() / 10)) µs"
    }
}
