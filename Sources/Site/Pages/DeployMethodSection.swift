import Deploy
import Plot
import Sizing

/// The Methodology page's section on recipes: the serving precisions and their overheads, the training memory
/// formulas, and the rules that turn a sizing into `vllm serve` flags and launcher files.
enum DeployMethodSection {
    static let id = "deploy-recipes"

    static func section() -> Node<HTML.BodyContext> {
        let n = MethodologyPage.number
        let t = TrainingMemory.self
        return .section(
            escapedAttribute("class", "formula"),
            escapedAttribute("aria-labelledby", id),
            .h2(escapedAttribute("id", id), .text("Deploy recipes and serving precisions")),
            .p(.text("Every setup on a model page has a Deploy page: the vllm serve command and the same server as a SkyPilot "
                + "task, a dstack service and a shell script, all rendered from one deploy spec (seekgpu.yaml). "),
               .code(.text("seekgpu recommend")), .text(" sizes any model on every priced setup with the vLLM memory model above "
                + "and writes the cheapest one's recipes; with "), .code(.text("--precision all")),
               .text(" it also weighs the formats vLLM can quantize a 16-bit checkpoint to when it loads it.")),
            scrollRegion(label: "Serving precisions", .table(
                escapedAttribute("class", "constants"),
                .caption(.text("Serving precisions: bytes per quantized parameter, scales included")),
                tableHead([TableColumn(title: "Format"), TableColumn(title: "vLLM flag"),
                           TableColumn(title: "Bytes per parameter", numeric: true), TableColumn(title: "GPUs"),
                           TableColumn(title: "Source")]),
                .tbody(.forEach(ServingQuantization.allCases) { format in
                    .tr(
                        .th(escapedAttribute("scope", "row"), .text(format.rawValue)),
                        .td(.unwrap(format.vllmFlag, { .code(.text("--quantization \($0)")) }, else: .text("none (read from the checkpoint)"))),
                        .td(escapedAttribute("class", "num"),
                            .text(format.applied?.decoderBytes.map { n(($0 * 10_000).rounded() / 10_000) } ?? "the checkpoint's")),
                        .td(.text(format.architectures.map { $0.sorted().joined(separator: ", ") } ?? "any")),
                        .td(.text(format.source))
                    )
                })
            )),
            .p(.text("Only an unquantized 16-bit checkpoint is quantized at load; embeddings and the output layer stay 16-bit. "
                + "The KV cache dtype (--kv-cache-dtype) is a separate choice. A 16-bit model's page lists its setups per "
                + "format, FP8 only on the GPUs above; the site sizes them with its own weight model (FP8 1 B, INT4 0.5625 B "
                + "per parameter, a MoE's non-routed weights kept at 16 bits), which holds at least what vLLM loads.")),
            .h3(.text("Training memory")),
            .pre(.code(.text([
                "GB per GPU = parameters × bytes per parameter ÷ GPUs ÷ 10⁹ × \(n(t.overheadFactor)) + \(n(t.bufferGB))",
                "full fine-tuning (AdamW, mixed precision): \(n(t.fullBytesPerParameter)) B  (master and 16-bit weights 6, gradients 4, moments 8)",
                "LoRA: \(n(t.loraFrozenBytes)) B frozen + \(n(t.adapterFraction * 100))% adapters × \(n(t.fullBytesPerParameter)) B",
                "QLoRA: \(n((t.qloraFrozenBytes * 10_000).rounded() / 10_000)) B frozen (NF4, double quantization) + the same adapters",
            ].joined(separator: "\n")))),
            .p(escapedAttribute("class", "sources"),
               .text("Sources: Hugging Face Transformers, “Model training anatomy” (18 bytes per parameter); Dettmers et al., "
                + "“QLoRA” (2023), 0.127 bits of constants per parameter; gpu-lol's analyzer for the 2 GB buffer and the 40 GB "
                + "(training) and 16 GB fallbacks. States are sharded over the GPUs (FSDP, ZeRO-3, or device_map=auto).")),
            .h3(.text("From a sizing to flags")),
            .ul(
                .li(.text("--tensor-parallel-size: the GPUs of a node (the largest divisor of the count that divides the attention "
                    + "heads, the rest pipeline parallel); --pipeline-parallel-size: the nodes, over Ray "
                    + "(--distributed-executor-backend ray). Only the largest NVLink node of a GPU is clustered, up to 4 nodes.")),
                .li(.text("--max-model-len: the context asked for, capped at the model's maximum (recommend: at most 131,072 "
                    + "tokens by default; the site: its scenario's context rounded up to 1,024).")),
                .li(.text("--max-num-seqs: the streams the KV cache holds at the site's 51,000-token stream, at least the "
                    + "concurrency asked for, at most vLLM's default.")),
                .li(.text("--enable-expert-parallel for MoE models at TP > 1; tool-call and reasoning parsers from "
                    + "config/serving.yaml, each row citing the model card or vllm-project/recipes.")),
                .li(.text("Disk: the checkpoint × 1.25 + 50 GB, rounded up to 10 GB, at least 100. The readiness probe waits "
                    + "\(n(LaunchPlan.startupSeconds)) s plus \(n(LaunchPlan.loadSecondsPerGB)) s per GB of checkpoint "
                    + "(about 200 MB/s to download and load), rounded up to a minute."))
            )
        )
    }
}
