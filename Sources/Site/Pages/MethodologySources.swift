import Plot
import SeekCore

/// A source of a formula or constant on the Methodology page: public text, linked when it has an address
/// (a paper, a vLLM source file, the reference implementation's file, a data source). Never an internal
/// document a visitor cannot open.
struct MethodologySource: ExpressibleByStringInterpolation, Hashable {
    var label: String
    var url: String?

    init(_ label: String, url: String? = nil) {
        self.label = label
        self.url = url
    }

    init(stringLiteral value: String) { self.init(value) }

    var node: Node<HTML.BodyContext> {
        .unwrap(url, { .a(escapedAttribute("href", $0), escapedAttribute("rel", "noopener"), .text(label)) }, else: .text(label))
    }

    /// `Sources: A; B; C.` with the linked ones as links.
    static func paragraph(_ sources: [MethodologySource]) -> Node<HTML.BodyContext> {
        .p(escapedAttribute("class", "sources"), .text("Sources: "),
           .forEach(sources.enumerated()) { index, source in .group(.if(index > 0, .text("; ")), source.node) },
           .text("."))
    }

    // MARK: - The public sources

    /// The reference implementation's repository at the commit seekgpu's parity tests pin.
    static let referenceRepository = "https://github.com/atineoSE/coding-model-seeks-gpu"
    static let referenceCommit = "cbdfc2f"

    /// A file of the reference implementation's web app, e.g. `lib/calculations.ts`.
    static func reference(_ file: String) -> MethodologySource {
        MethodologySource("reference implementation, \(file)", url: "\(referenceRepository)/blob/\(referenceCommit)/web/src/\(file)")
    }

    /// A file of seekgpu itself.
    static func seekgpu(_ path: String) -> MethodologySource {
        MethodologySource("seekgpu \(path)", url: "\(ProjectInfo.repositoryURL)/blob/main/\(path)")
    }

    static let gqa = MethodologySource("GQA: Ainslie et al., 2023", url: "https://arxiv.org/abs/2305.13245")
    static let mla = MethodologySource("MLA: DeepSeek-V2 technical report, 2024", url: "https://arxiv.org/abs/2405.04434")
    static let megatron = MethodologySource("Megatron-LM: Shoeybi et al., 2019", url: "https://arxiv.org/abs/1909.08053")
    static let roofline = MethodologySource("roofline model: Williams et al., 2009", url: "https://doi.org/10.1145/1498765.1498785")
    static let kaplan = MethodologySource("Kaplan et al., 2020 (2 FLOPs per parameter per token)", url: "https://arxiv.org/abs/2001.08361")
    static let pagedAttention = MethodologySource("PagedAttention: Kwon et al., 2023", url: "https://arxiv.org/abs/2309.06180")
    static let gpuhunt = MethodologySource("prices: the gpuhunt catalog (dstack), on-demand, per provider and region",
                                           url: "https://github.com/dstackai/gpuhunt")
    static let openHandsIndex = MethodologySource("scores and costs: the OpenHands Index",
                                                  url: "https://github.com/OpenHands/openhands-index-results")
    static let litellm = MethodologySource("prices: LiteLLM's model_prices_and_context_window.json",
                                           url: "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json")
    static let hubConfig = MethodologySource("parameter counts: each model's Hugging Face config.json, checked against safetensors totals",
                                             url: "https://huggingface.co/docs/transformers/main_classes/configuration")
    static let vllmEngineArguments = MethodologySource("vLLM engine arguments", url: "https://docs.vllm.ai/en/latest/configuration/engine_args.html")
    static let anthropicCaching = MethodologySource("Anthropic prompt caching",
                                                    url: "https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching")
    static let openAICaching = MethodologySource("OpenAI prompt caching", url: "https://platform.openai.com/docs/guides/prompt-caching")
    static let geminiCaching = MethodologySource("Gemini context caching", url: "https://ai.google.dev/gemini-api/docs/caching")
    static let priceHistory = MethodologySource("node prices: seekgpu's recorded price history (data/gpu_price_history.json)",
                                                url: "../data/gpu_price_history.json")
}
