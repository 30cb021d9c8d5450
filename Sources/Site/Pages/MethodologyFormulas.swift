import Sizing

/// One explained formula on the Methodology page.
struct MethodologyFormula {
    /// The anchor id, e.g. `weights`.
    var id: String
    /// The heading.
    var title: String
    /// What is computed and why, in words.
    var explanation: [String]
    /// The formula lines, shown verbatim in a code block.
    var formula: [String]
    /// Where the method and its constants come from, linked where public.
    var sources: [MethodologySource]
}

extension MethodologyPage {
    /// Every formula the site applies, in the order a number is built: memory, speed, capacity, cost,
    /// comparisons, trends. Constants are read from `assumptions`, so the text cannot drift from the code.
    var formulas: [MethodologyFormula] {
        let a = assumptions
        let n = Self.number
        let overhead = n(a.weightOverheadFactor)
        let hours = n(a.hoursPerMonth)
        let hit = Self.percent(a.prefillCacheHitRate)
        return [
            MethodologyFormula(
                id: "weights", title: "Weight memory",
                explanation: [
                    "Every model is sized at the precision its checkpoint ships in (config.json's quantization settings), never a precision you could quantize to. "
                        + "FP8/MXFP8 take 1 byte per parameter, BF16/FP16 2, FP32 4, INT8 1 and INT4/FP4 0.5.",
                    "Mixed checkpoints keep their routed experts in 4 bits (0.5625 bytes per parameter with the group scales) and the rest in BF16, "
                        + "or in FP8 for DeepSeek-V4's native FP4 experts. Mixture-of-experts models read only their active parameters per token; dense models read them all.",
                ],
                formula: [
                    "weights (GB)  = learnable params (B) × bytes per param",
                    "mixed INT4/FP4 = routed × 0.5625 + (learnable − routed) × (1 for FP4, else 2)",
                    "active (GB)   = active params (B) × bytes per param   (MoE; dense: = weights)",
                ],
                sources: [.reference("lib/calculations.ts"), .hubConfig]),
            MethodologyFormula(
                id: "fit", title: "Does it fit?",
                explanation: [
                    "A model fits n GPUs of v GB when its weights plus \(Self.percent(a.weightOverheadFactor - 1)) headroom (CUDA context, activations) need no more than n GPUs. "
                        + "The minimum VRAM shown for a model is that figure rounded up.",
                ],
                formula: [
                    "fits      ⇔ ceil(weights × \(overhead) / v) ≤ n",
                    "min VRAM  = ceil(weights × \(overhead)) GB",
                ],
                sources: [.reference("lib/calculations.ts")]),
            MethodologyFormula(
                id: "kv", title: "KV cache per token",
                explanation: [
                    "Each token of context keeps keys and values in every attention layer. Grouped-query attention (GQA) stores both for each KV head; "
                        + "multi-head latent attention (MLA, DeepSeek/Kimi) stores one compressed latent plus the rotary key. "
                        + "Hybrid models count only their attention layers; DeepSeek-V4 and MiniMax-M3 use the element count derived from their config.",
                    "The KV cache dtype setting stores 2 bytes per element (FP16/BF16) or 1 byte (FP8) on GPUs that support FP8 KV (\(a.fp8KVArchitectures.sorted().joined(separator: ", "))); older GPUs stay at 2.",
                ],
                formula: [
                    "GQA : 2 × layers × kv_heads × head_dim × bytes",
                    "MLA : layers × (kv_lora_rank + qk_rope_head_dim) × bytes",
                    "DSV4, MSA : kv_elems_per_token × bytes",
                ],
                sources: [.reference("lib/calculations.ts"), .gqa, .mla]),
            MethodologyFormula(
                id: "topology", title: "Parallel layout",
                explanation: [
                    "The GPUs' interconnect decides how a model is split. With NVSwitch every GPU joins one tensor-parallel group; "
                        + "with 2-way NVLink bridges pairs form tensor-parallel groups chained by pipeline parallelism (an odd GPU is left idle); "
                        + "over PCIe the tensor-parallel group spans the slow link. The tier comes from the GPU's datasheet, never from the offering's label.",
                ],
                formula: [
                    "NVSwitch     : TP = n, PP = 1",
                    "NVLink pairs : TP = min(\(a.nvlinkPairSize), n), PP = floor(n / TP), GPUs used = TP × PP",
                    "PCIe only    : TP = n, PP = 1 (crosses PCIe when n > 1)",
                ],
                sources: [.reference("lib/calc-topology.ts"), .megatron]),
            a.vllmRelease.map(Self.vllmReserveFormula) ?? referenceReserveFormula,
            a.vllmRelease.map(Self.vllmStreamsFormula) ?? referenceStreamsFormula,
            MethodologyFormula(
                id: "decode", title: "Decode speed of one stream",
                explanation: [
                    "Generating a token reads the active weights and the stream's KV cache from HBM, plus the cost of the collectives between GPUs and of kernel launches. "
                        + "With expert parallelism the busiest GPU sets the pace: the expected maximum number of experts on one GPU comes from a balls-into-bins estimate.",
                    "Only architectures this model covers get speeds: linear-attention hybrids, DeepSeek-V4 and MiniMax-M3 are sized for memory and cost but their speed is not modeled.",
                ],
                formula: [
                    "time per token = weight read + TP all-reduce + EP all-to-all + kernel launches + PP hops + KV read",
                    "weight read    = active bytes / TP / HBM bandwidth",
                    "TP all-reduce  = layers × (2 × H × 2 B / link bandwidth + collective latency)",
                    "launches       = \(Self.microseconds(a.kernelLaunchLatencyS)) × layers × (\(n(a.moeOpsPerLayer)) MoE | \(n(a.denseOpsPerLayer)) dense kernels)",
                    "KV read        = KV per token × context / min(TP, kv_heads) / HBM bandwidth",
                    "tokens/s       = 1 / time per token",
                ],
                sources: [.reference("lib/calc-decode-latency.ts"), .roofline,
                          "collective latencies: NVSwitch \(Self.microseconds(a.nvswitchCollectiveLatencyS)), NVLink pairs \(Self.microseconds(a.nvlinkPairedCollectiveLatencyS)), PCIe \(Self.microseconds(a.pcieCollectiveLatencyS))"]),
            MethodologyFormula(
                id: "throughput", title: "Aggregate throughput and prefill",
                explanation: [
                    "Batched decoding is bounded by the memory roofline of all streams together and by compute: a forward pass costs \(n(a.forwardFLOPsPerParam)) FLOPs per active parameter per token.",
                ],
                formula: [
                    "prefill tokens/s   = GPUs used × FP16 TFLOPS × 10¹² / (\(n(a.forwardFLOPsPerParam)) × active params)",
                    "aggregate tokens/s = min(streams × 1 / weight read, prefill tokens/s)",
                ],
                sources: [.reference("lib/matrix-calculator.ts"), .kaplan]),
            MethodologyFormula(
                id: "requests", title: "Requests per hour and team size",
                explanation: [
                    "A box time-shares prefill of the uncached part of each prompt (\(hit) of input tokens are assumed to hit the prefix cache) and batched decode. "
                        + "A developer working with a coding agent is assumed to send \(n(a.requestsPerDeveloperHour)) requests an hour.",
                ],
                formula: [
                    "requests/h = 3600 / (input × (1 − \(n(a.prefillCacheHitRate))) / prefill tokens/s + output / aggregate tokens/s)",
                    "team size  = floor(requests/h / \(n(a.requestsPerDeveloperHour)))",
                    "requests/month = requests/h × \(hours)",
                ],
                sources: [.reference("lib/matrix-calculator.ts")]),
            MethodologyFormula(
                id: "setups", title: "Cheapest setup for a target",
                explanation: [
                    "For each GPU type and count on offer, the cheapest offering that fits is kept (each VRAM variant is checked before deduplicating, so a cheaper 40 GB card never hides a fitting 80 GB one). "
                        + "A setup qualifies when it serves the target number of streams at \(n(ServingSettings.reference.minTokPerStream)) tokens/s or more per stream. "
                        + "When no single offering does, the cheapest per-GPU rate is projected to up to \(a.maxProjectedGPUs) GPUs, marked as projected.",
                    "Fit is the cheapest setup for 1 stream; Scale for \(a.performanceColumnStreams.last ?? 100) concurrent streams.",
                ],
                formula: [
                    "monthly cost = hourly price × \(hours) h",
                    "projected    = cheapest 1-GPU price × GPUs × \(hours) h",
                ],
                sources: [.reference("lib/matrix-calculator.ts"), .reference("lib/performance-columns.ts"), .gpuhunt]),
            MethodologyFormula(
                id: "sota", title: "% of SOTA and benchmark API cost",
                explanation: [
                    "A score is shown as a share of the best score of any model, open or closed, in the same category and snapshot; without a best score the cell shows a dash, not 0%. "
                        + "The API cost of a full benchmark run multiplies each category's cost per task by its number of tasks.",
                ],
                formula: [
                    "% of SOTA     = score / best score × 100",
                    "benchmark cost = Σ categories cost per task × tasks (\(a.benchmarkCategories.map { "\($0) \(n(a.benchmarkInstanceCounts[$0] ?? 0))" }.joined(separator: ", ")))",
                ],
                sources: [.reference("lib/benchmark-costs.ts"), .openHandsIndex]),
            MethodologyFormula(
                id: "api", title: "API cost per request",
                explanation: [
                    "An agent conversation of T requests grows its context by the output of each turn from \(n(a.compactionThresholdTokens)) tokens, and is compacted back when it exceeds the model's context window. "
                        + "A share of input tokens is read from the provider's prompt cache; the first request of a conversation is cold unless the cache lives at least \(n(a.interConversationGapMinutes)) minutes.",
                ],
                formula: [
                    "context_t = 20,000 + (t − 1) × output   (reset to 20,000 beyond the context window)",
                    "input_t   = context_t + input",
                    "cost_t    = fresh × input price + cached × cache-read price + output × (cache-write + output price)",
                    "per request = Σ cost_t / T",
                ],
                sources: [.reference("lib/api-hosting-cost.ts"), .litellm, .anthropicCaching, .openAICaching, .geminiCaching]),
            MethodologyFormula(
                id: "break-even", title: "Self-hosting versus API: break-even",
                explanation: [
                    "A box costs the same every month whether it is busy or idle, so its cost per request falls as volume grows, floors at full utilization, and steps up when another box is needed. "
                        + "Self-hosting breaks even with an API where the box's monthly cost equals that API's bill; the utilization shown is how full the box is at that volume.",
                ],
                formula: [
                    "box cost(x)   = max(1, ceil(x / capacity)) × monthly cost",
                    "floor         = monthly cost / monthly capacity",
                    "break-even x* = monthly cost / API cost per request   (when floor ≤ API cost)",
                    "utilization   = x* / monthly capacity × 100",
                ],
                sources: [.reference("lib/api-hosting-cost.ts"), .reference("components/api-hosting-chart.tsx")]),
            MethodologyFormula(
                id: "trends", title: "Trends",
                explanation: [
                    "The open-versus-closed gap follows the leaders: each point is a date where the best open or best closed model changed, scored with the latest snapshot. "
                        + "Open and closed are decided by the OpenHands Index's openness field, not by a licence filter.",
                    "The self-hosting cost of the best open model uses the GPU prices recorded on each date where the price history has them, and today's prices otherwise; the chart says which. "
                        + "It sizes for \(a.costTrendConcurrency) concurrent streams.",
                ],
                formula: [
                    "% of SOTA (trend) = min(1, best open / best closed)",
                    "node price        = 8-GPU node $/h × \(hours) h",
                ],
                sources: [.reference("lib/trend-data.ts"), "a model is open when the snapshot's rows say open weights", .priceHistory]),
        ]
    }

    /// The reference's engine reserve (§2.6), used when no vLLM release is modelled.
    private var referenceReserveFormula: MethodologyFormula {
        let a = assumptions
        let n = Self.number
        return MethodologyFormula(
                id: "reserve", title: "Engine reserve",
                explanation: [
                    "Besides weights and KV cache, the inference engine pins activation buffers, CUDA-graph scratch space and communication buffers on every GPU. "
                        + "They are estimated from the hidden size and a batch of \(n(a.maxBatchedTokens)) tokens.",
                ],
                formula: [
                    "per GPU = H × \(n(a.maxBatchedTokens)) × 2 × 2                (activation peak)",
                    "        + layers per GPU × H × 2 × \(n(a.cudaGraphMaxBatchSize))     (CUDA graphs)",
                    "        + H × \(n(a.maxBatchedTokens)) × 2        if TP > 1         (all-reduce buffer)",
                    "        + H × \(n(a.maxBatchedTokens)) × top-k × 2  if MoE, EP > 1  (all-to-all buffer)",
                    "reserve = per GPU × GPUs used",
                ],
                sources: [.reference("lib/calc-capacity.ts"), .vllmEngineArguments])
    }

    /// The reference's stream count (§2.7), used when no vLLM release is modelled.
    private var referenceStreamsFormula: MethodologyFormula {
        let a = assumptions
        return MethodologyFormula(
                id: "streams", title: "Concurrent streams",
                explanation: [
                    "What remains of usable memory after weights and the reserve holds KV cache. Each stream reserves KV for its whole context "
                        + "(average input plus output tokens); no prefix sharing is assumed, so the count is a safe floor.",
                ],
                formula: [
                    "usable    = GPUs used × VRAM per GPU × memory utilization (default \(Self.percent(a.memoryUtilization)))",
                    "KV budget = usable − weights − reserve",
                    "streams   = floor(KV budget / ((input + output tokens) × KV per token))",
                ],
                sources: [.reference("lib/calc-capacity.ts"), .vllmEngineArguments, .pagedAttention])
    }
}
